"""The `coach` command: parse arguments, load settings, wire the pieces, run. Nothing else."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from bot.content import ContentError, Library, load_library


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach", description="A coach for single-leg strength work."
    )
    sub = parser.add_subparsers(dest="command")

    content = sub.add_parser("content", help="work with the content store")
    content_sub = content.add_subparsers(dest="content_command", required=True)
    check = content_sub.add_parser("check", help="validate a content folder")
    check.add_argument("directory", nargs="?", type=Path, default=None)

    ask = sub.add_parser("ask", help="answer one question (or JSON lines from stdin)")
    ask.add_argument("question", nargs="?", default=None)
    ask.add_argument("--exercise", default=None, help="the exercise in hand (a slug)")
    ask.add_argument("--json", action="store_true", help="answer as JSON")
    ask.add_argument("--stdin", action="store_true", help="read JSON lines from standard input")

    chat = sub.add_parser("chat", help="the coach in this terminal")
    chat.add_argument("--user", default="me", help="whose workouts these are")

    export = sub.add_parser("export", help="print a user's logged sets")
    export.add_argument("--user", required=True)
    export.add_argument("--format", choices=["csv", "json", "strong"], default="csv")

    imports = sub.add_parser("import", help="import a Strong, Hevy or FitNotes CSV export")
    imports.add_argument("--user", required=True, help="whose history it is")
    imports.add_argument("file", type=Path)
    imports.add_argument("--yes", action="store_true", help="import without asking")

    db = sub.add_parser("db", help="the database")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply migrations")

    sub.add_parser("run", help="the coach on Telegram (needs TELEGRAM_BOT_TOKEN)")
    return parser


def _library(settings: Settings) -> Library:
    try:
        return load_library(settings.content_dir)
    except ContentError as exc:
        print(f"The content in {settings.content_dir} is invalid:\n{exc}", file=sys.stderr)
        raise SystemExit(2) from exc


def _content_check(directory: Path | None, settings: Settings) -> int:
    folder = directory or settings.content_dir
    try:
        library = load_library(folder)
    except ContentError as exc:
        print(f"{folder}: {len(exc.problems)} problem(s)\n{exc}", file=sys.stderr)
        return 1
    print(f"{folder}: {len(library)} exercises, all valid")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    command = args.command or ("run" if settings.telegram_bot_token else "chat")
    if command == "content":
        return _content_check(args.directory, settings)
    library = _library(settings)
    if command == "ask":
        from bot.answers.cli import run_ask

        return run_ask(library, args.question, args.exercise, as_json=args.json, stdin=args.stdin)
    if command == "chat":
        from bot.terminal.chat import run_chat

        return run_chat(settings, library, user=getattr(args, "user", "me"))
    if command == "export":
        from bot.terminal.export_command import run_export

        names = {slug: ex.name for slug, ex in library.items()}
        return run_export(settings, user=args.user, fmt=args.format, names=names)
    if command == "import":
        from bot.terminal.importer import run_import

        return run_import(settings, library, user=args.user, file=args.file, yes=args.yes)
    if command == "db":
        from bot.storage.migrate import run_upgrade

        return run_upgrade(settings.database_url)
    from bot.telegram.application import run_bot

    return run_bot(settings, library)


if __name__ == "__main__":
    raise SystemExit(main())
