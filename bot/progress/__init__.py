"""Progress: history, left/right charts, imbalance over time, progression, settings, export."""
