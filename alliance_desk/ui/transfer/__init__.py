"""File ▸ Import… and File ▸ Export…: spreadsheets in, spreadsheets and calendars out."""
