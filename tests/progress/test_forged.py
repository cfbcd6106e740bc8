"""Forged buttons and arguments: a user only ever sees and changes their own data."""

from __future__ import annotations

import random
from typing import Any

import pytest

from bot.coach.events import Press
from bot.storage import Database
from tests.progress.conftest import SqlChat

STALE = "That button is out of date"


async def _snapshot(chat: SqlChat) -> tuple[Any, ...]:
    user = await chat.user()
    assert user is not None
    workouts = [(w.id, w.plan, w.status, w.effort, w.sets) for w in await chat.workouts()]
    return user.settings, user.state, user.timer, workouts


async def _two_users(chat: SqlChat, database: Database) -> tuple[SqlChat, SqlChat]:
    ana, ben = chat, SqlChat(chat.coach, database, key="ben", now=chat.now)
    for _ in range(6):
        await ana.session("slht 1x12 @ 20kg", [12], [12], days=1)
    await ben.session("glute bridge 1x7", [7])
    return ana, ben


async def test_another_users_buttons_never_reach_their_data(
    chat: SqlChat, database: Database
) -> None:
    ana, ben = await _two_users(chat, database)
    await ana.command("history")
    pressed = [ana.button("Older ▶")]
    await ana.command("progress")
    pressed.append(ana.button("All time"))
    await ana.command("settings")
    pressed += [ana.button("lb"), ana.button("Rest 180 s")]
    await ana.command("deleteme")
    pressed.append(ana.button("Yes, delete everything"))
    await ana.command("workout")
    await ana.press("Single-leg hip thrust")
    pressed.append(ana.button("Use today's plan"))
    ana_before, ben_before = await _snapshot(ana), await _snapshot(ben)
    for button in pressed:
        outcome = await ben.send(Press(button.data))
        assert (outcome.notice, outcome.replies) == (STALE, []), button.label
    assert await _snapshot(ana) == ana_before and await _snapshot(ben) == ben_before


async def test_the_same_token_still_shows_only_the_pressers_own_data(
    chat: SqlChat, database: Database
) -> None:
    ana, ben = chat, SqlChat(chat.coach, database, key="ben", now=chat.now)
    for _ in range(6):  # the same events, so the same step tokens
        await ana.session("slht 1x12", [12], [12], days=1)
        await ben.session("slht 1x7", [7], [7], days=0)
    assert (await ana.state()).token == (await ben.state()).token
    await ana.command("history")
    older = ana.button("Older ▶")
    await ben.send(Press(older.data))
    assert "Left 7 @ bodyweight │ Right 7 @ bodyweight" in ben.text and "12" not in ben.text
    await ana.command("deleteme")
    yes = ana.button("Yes, delete everything")
    ben.now = ana.now  # the same token and the same minute: ana's button is valid for ben ...
    await ben.command("settings")
    await ben.send(Press(yes.data))
    assert len(await ana.sets()) == 12  # ... and only ever deletes ben's own data
    assert await ben.user() is None


def _forgeries(token: int, minute: int) -> list[str]:
    t = str(token)
    return [
        f"pg:{t}:h:99999999:*", f"pg:{t}:h:-1:*", f"pg:{t}:h:1:../../etc", f"pg:{t}:h:١:*",
        f"pg:{t}:h:0:", f"pg:{t}:h:0:*:more", f"pg:{t}:h:0:ben", f"pg:{t}:c:5y:hip-thrust",
        f"pg:{t}:c:all:deadlift", f"pg:{t}:c:all", f"pg:{t}:s:r:99999", f"pg:{t}:s:r:-30",
        f"pg:{t}:s:u:stone", f"pg:{t}:s:z:Europe/Berlin", f"pg:{t}:s:f:both", f"pg:{t}:s:u",
        f"pg:{t}:d:0", f"pg:{t}:d:{minute + 5}", f"pg:{t}:d:{minute - 11}", f"pg:{t}:d:x",
        f"pg:{t}:a:single-leg-hip-thrust", f"pg:{t}:k:now", f"pg:{t}:zz", f"pg:{token + 1}:h:0:*",
        f"pg:{token - 1}:d:{minute}", "pg:", "pg:x:h:0:*", "pg:" + "9" * 30 + ":h:0:*",
        f"pg:{t}:h:0:*" + "x" * 60, "pg:" + t, f"pg:{t}::", f"PG:{t}:h:0:*",
    ]  # fmt: skip


async def test_forged_data_answers_out_of_date_and_changes_nothing(chat: SqlChat) -> None:
    await chat.session("slht 1x10 @ 10kg", [10], [8])
    token = (await chat.state()).token
    before = await _snapshot(chat)
    minute = int(chat.now.timestamp()) // 60
    for data in _forgeries(token, minute):
        outcome = await chat.send(Press(data), seconds=0)
        assert (outcome.notice, outcome.replies) == (STALE, []), data
    assert await _snapshot(chat) == before


async def test_random_forgeries_change_nothing(chat: SqlChat) -> None:
    await chat.session("slht 1x10 @ 10kg", [10], [8])
    token = (await chat.state()).token
    before = await _snapshot(chat)
    rng = random.Random(6)
    parts = ["h", "c", "s", "d", "a", "u", "r", "f", "z", "0", "1", "-1", "*", "all", "lb", "9" * 9,
             "single-leg-hip-thrust", "💪", "", " ", "12w", "kg", str(token)]  # fmt: skip
    for _ in range(150):
        data = ":".join(["pg", str(token), *rng.choices(parts, k=rng.randint(0, 4))])
        await chat.send(Press(data), seconds=0)
        # Some are real (a page, a setting): whatever they do, the log stays as it was.
        assert (await _snapshot(chat))[3] == before[3], data
    assert await chat.user() is not None


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("rest 1e9", "0 to 600 seconds"),
        ("rest -5", "0 to 600 seconds"),
        ("switch 500", "0 to 120 seconds"),
        ("unit stone", "kg or lb"),
        ("side middle", "Left or right"),
        ("timezone Mars/Olympus", "timezone"),
        ("💪" * 300, "I can't change"),
        ("rest " + "9" * 5000, "0 to 600 seconds"),
        ("colour blue", "I can't change"),
    ],
)
async def test_bad_settings_are_refused_and_change_nothing(
    chat: SqlChat, args: str, says: str
) -> None:
    await chat.command("settings")
    before = await _snapshot(chat)
    await chat.command("settings", args)
    assert says in chat.text and "Your settings:" in chat.text and len(chat.text) < 800
    assert await _snapshot(chat) == before


async def test_arguments_name_exercises_never_users(chat: SqlChat, database: Database) -> None:
    _, ben = await _two_users(chat, database)
    for name in ("history", "progress"):
        for args in ("ben", "tg:ben", "' OR 1=1 --", "../ben", "x" * 10_000, "💪"):
            await ben.command(name, args)
            assert "I don't know" in ben.text and len(ben.text) < 200
            assert all(r.photo is None for r in ben.replies)
    await ben.command("export", "../../etc/passwd")
    assert "CSV or JSON" in ben.text and ben.replies[0].document is None
    await ben.command("export")
    document = ben.replies[0].document
    assert document is not None and b"single-leg" not in document[1]  # ana's sessions: none
