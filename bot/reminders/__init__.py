"""Reminders: parsed from what users type, scheduled in their timezone, sent exactly once."""
