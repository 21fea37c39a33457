"""The Health tab: pulse-survey rounds entered through a grid, benchmark traffic lights, trends
against a baseline, the perception gap, the breakdown by team, and early warnings."""
