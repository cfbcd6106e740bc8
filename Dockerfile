# syntax=docker/dockerfile:1
# The coach in webhook mode: build wheels in one stage, run as a non-root user in a slim one.

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    COACH_CONTENT_DIR=/app/content \
    COACH_WEBHOOK_LISTEN=0.0.0.0:8443 \
    MPLBACKEND=Agg
RUN useradd --create-home --uid 10001 coach
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels single-leg-coach \
    && rm -rf /wheels
COPY content ./content
USER coach
EXPOSE 8443
# /healthz answers 200 when the database is reachable and the scheduler runs (webhook mode).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8443/healthz', timeout=4).status == 200 else 1)"]
CMD ["coach", "run"]
