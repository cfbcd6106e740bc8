"""The /remind conversation's state: which question it is on and what the user has said so far."""

from __future__ import annotations

from datetime import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.reminders.zones import parse_zone

ANY = "any"  # the "any exercise" choice, stored as exercise None on the reminder

# What the conversation is doing: showing the list of reminders, or asking for one part.
DialogStep = Literal["list", "time", "days", "exercise", "zone"]


class RemindDialog(BaseModel):
    """One open /remind conversation; None in its place means no conversation is open.

    The engine keeps it as JSON inside the user's state (`dump`, `read`); it carries no token of
    its own, since its buttons carry the user's step token."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    step: DialogStep
    edit: int | None = Field(default=None, ge=1)  # the reminder being changed; None: a new one
    at: time | None = None  # None while not said yet, here and below
    days: int | None = Field(default=None, ge=1, le=0b1111111)  # bit 0 Monday ... bit 6 Sunday
    exercise: str | None = Field(default=None, min_length=1, max_length=64)  # a slug, or ANY
    zone: str | None = None  # only when the user has none in settings yet

    @field_validator("at")
    @classmethod
    def _whole_minutes(cls, at: time | None) -> time | None:
        if at is not None and (at.second or at.microsecond or at.tzinfo is not None):
            raise ValueError("a reminder's time is a wall-clock hour and minute")
        return at

    @field_validator("zone")
    @classmethod
    def _canonical_zone(cls, zone: str | None) -> str | None:
        # Only names parse_zone hands out, so a stored zone always has its rules.
        if zone is not None and parse_zone(zone) != zone:
            raise ValueError(f"not a timezone the coach writes: {zone!r}")
        return zone

    def updated(self, **changes: object) -> RemindDialog:
        """A copy with these fields changed, checked like a stored one."""
        return RemindDialog.model_validate(self.model_dump() | changes)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def read(cls, raw: object) -> RemindDialog | None:
        """The stored conversation, or None when there is none or it is invalid or from an
        older coach (which kept a dict with its own token): the user is simply not asked."""
        if not isinstance(raw, dict):
            return None
        try:
            return cls.model_validate(raw)
        except ValidationError:
            return None
