"""The Stakeholders tab: worksheet grid, people, information needs, living set, map, printing."""
