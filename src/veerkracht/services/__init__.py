"""Features that work on the store: import and export, gentle reminders."""
