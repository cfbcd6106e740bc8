"""The terminal chat: the same coach engine, buttons shown as numbered options; and the export."""
