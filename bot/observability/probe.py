"""The container's HEALTHCHECK: GET /healthz on this replica's health listener; 0 when healthy."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

from bot.net import parse_listen

DEFAULT_LISTEN = "127.0.0.1:8444"  # COACH_HEALTH_LISTEN's default (bot/config.py)


def health_url(listen: str) -> str:
    """Where this replica answers: a wildcard listen address is reached on loopback."""
    host, port = parse_listen(listen, "COACH_HEALTH_LISTEN")
    if host in ("0.0.0.0", "", "::"):
        host = "127.0.0.1"
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/healthz"


def main() -> int:
    # The environment only, not Settings: a probe must not need the token or read .env files.
    if not os.environ.get("COACH_WEBHOOK_URL"):
        print("no /healthz in long-polling mode: set COACH_WEBHOOK_URL", file=sys.stderr)
        return 1
    url = health_url(os.environ.get("COACH_HEALTH_LISTEN") or DEFAULT_LISTEN)
    try:
        with urllib.request.urlopen(url, timeout=4) as response:
            print(response.read().decode(errors="replace"))
            return 0 if response.status == 200 else 1
    except urllib.error.HTTPError as exc:
        print(exc.read().decode(errors="replace"), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{url}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
