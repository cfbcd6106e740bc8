# syntax=docker/dockerfile:1
# The coach in webhook mode: build wheels in one stage, run as a non-root user in a slim one.

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
# Wheels of the coach and of every pinned dependency, so the runtime stage needs no compiler.
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    COACH_CONTENT_DIR=/app/content \
    COACH_WEBHOOK_LISTEN=0.0.0.0:8443 \
    COACH_HEALTH_LISTEN=127.0.0.1:8444 \
    MPLBACKEND=Agg
# /app/data: where a SQLite file can live (mount a volume there); PostgreSQL needs none.
# The coach's alone: 0700, as the database file in it is 0600.
RUN useradd --create-home --uid 10001 coach \
    && mkdir -p /app/data && chown coach /app/data && chmod 700 /app/data
WORKDIR /app
COPY --from=build /wheels /wheels
# The coach's own wheel by file name: its version is pyproject's, its dependencies pinned there.
RUN pip install --no-cache-dir --no-index --find-links=/wheels /wheels/single_leg_coach-*.whl \
    && rm -rf /wheels
COPY content ./content
USER 10001
# The webhook's port only. /healthz and /metrics answer on COACH_HEALTH_LISTEN, inside the
# container (loopback here; compose.yaml opens it to its own network): never published.
EXPOSE 8443
# /healthz on the internal listener: 200 when the database answers and the scheduler runs; the
# probe fails in long-polling mode, which serves no HTTP (set COACH_WEBHOOK_URL).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "bot.observability.probe"]
CMD ["coach", "run"]
