"""The coach's settings: one validated model, read from the environment (and .env)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class Settings(BaseSettings):
    """Everything the coach reads from its environment, validated once at start-up."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    database_url: str = Field(default="sqlite+aiosqlite:///./coach.db", alias="COACH_DATABASE_URL")
    content_dir: Path = Field(default=DEFAULT_CONTENT_DIR, alias="COACH_CONTENT_DIR")
    bot_api_url: str | None = Field(default=None, alias="COACH_BOT_API_URL")
    webhook_url: str | None = Field(default=None, alias="COACH_WEBHOOK_URL")
    webhook_listen: str = Field(default="127.0.0.1:8443", alias="COACH_WEBHOOK_LISTEN")
    webhook_secret: SecretStr | None = Field(default=None, alias="COACH_WEBHOOK_SECRET")
    # /healthz and /metrics: an internal listener of their own, never the webhook's port.
    health_listen: str = Field(default="127.0.0.1:8444", alias="COACH_HEALTH_LISTEN")
    # What one slow or idle client may hold of the webhook's server (docs/deployment.md).
    webhook_header_timeout: float = Field(default=5.0, gt=0, alias="COACH_WEBHOOK_HEADER_TIMEOUT")
    webhook_body_timeout: float = Field(default=10.0, gt=0, alias="COACH_WEBHOOK_BODY_TIMEOUT")
    webhook_idle_timeout: float = Field(default=15.0, gt=0, alias="COACH_WEBHOOK_IDLE_TIMEOUT")
    webhook_max_connections: int = Field(default=200, ge=1, alias="COACH_WEBHOOK_MAX_CONNECTIONS")
    # Telegram's published flood limits; configurable for self-hosted Bot API servers and tests.
    per_chat_per_second: float = Field(default=1.0, gt=0, alias="COACH_PER_CHAT_PER_SECOND")
    global_per_second: float = Field(default=30.0, gt=0, alias="COACH_GLOBAL_PER_SECOND")
    group_per_minute: float = Field(default=20.0, gt=0, alias="COACH_GROUP_PER_MINUTE")
    reminder_grace_minutes: int = Field(default=60, ge=0, alias="COACH_REMINDER_GRACE_MINUTES")
    # Reminders at scale (docs/deployment.md): one flood budget for all replicas in Redis
    # (redis://host:6379/0; unset or empty: each replica counts its own), its key prefix, and
    # Telegram's paid broadcast for reminders (up to 1000/s, a fee per message above 30/s).
    redis_url: str | None = Field(default=None, alias="COACH_REDIS_URL")
    redis_prefix: str = Field(default="coach:", min_length=1, alias="COACH_REDIS_PREFIX")
    paid_broadcast: bool = Field(default=False, alias="COACH_REMINDERS_PAID_BROADCAST")
    log_level: str = Field(default="INFO", alias="COACH_LOG_LEVEL")

    @field_validator(
        "telegram_bot_token", "bot_api_url", "webhook_url", "webhook_secret", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # An empty line copied from .env.example means "not configured", not "the empty token".
        if isinstance(value, str) and not value.strip():
            return None
        return value
