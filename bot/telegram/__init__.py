"""The coach on Telegram (python-telegram-bot): handlers, rendering, flood control, webhook."""
