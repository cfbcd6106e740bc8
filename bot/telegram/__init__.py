"""The coach on Telegram (python-telegram-bot): handlers, rendering, flood control, webhook."""

import os

# PTB 22 warns on every 429 (RetryAfter reads its own retry_after) unless time periods are
# opted in as timedelta, the coming default; nothing here reads them as int seconds.
os.environ.setdefault("PTB_TIMEDELTA", "true")
