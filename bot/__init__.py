"""A coach for single-leg strength work: cues, per-leg set logging and reminders."""
