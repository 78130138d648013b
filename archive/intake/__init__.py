"""Intake: walking what the user gave, recognising each file, reading it, and committing it."""
