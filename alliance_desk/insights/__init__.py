"""Pure functions over portfolio data: health roll-ups, traffic lights, trends, warnings."""
