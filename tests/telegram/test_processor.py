"""One chat's updates one after another, in order; other chats meanwhile."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.telegram.processor import ChatLocks, ChatOrderedProcessor


def _update(update_id: int, chat_id: int) -> Update:
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": chat_id, "type": "private", "first_name": "A"},
            "text": str(update_id),
        },
    }
    update = Update.de_json(data, None)
    assert update is not None
    return update


async def test_one_chat_waits_its_turn_while_another_chat_goes_ahead() -> None:
    processor = ChatOrderedProcessor(ChatLocks(), concurrency=8)
    release_first = asyncio.Event()
    log: list[str] = []

    async def work(name: str, wait: asyncio.Event | None = None) -> None:
        log.append(f"{name} start")
        if wait is not None:
            await wait.wait()
        log.append(f"{name} end")

    first = asyncio.create_task(processor.process_update(_update(1, 10), work("A1", release_first)))
    second = asyncio.create_task(processor.process_update(_update(2, 10), work("A2")))
    other = asyncio.create_task(processor.process_update(_update(3, 20), work("B1")))
    await other  # chat 20 finishes while chat 10's first update is still stuck
    assert log == ["A1 start", "B1 start", "B1 end"]
    release_first.set()
    await asyncio.gather(first, second)
    assert log[3:] == ["A1 end", "A2 start", "A2 end"]
    assert len(processor.locks) == 0  # locks of idle chats are dropped


async def test_a_hundred_updates_of_one_chat_run_in_arrival_order() -> None:
    processor = ChatOrderedProcessor(ChatLocks(), concurrency=4)
    seen: list[int] = []

    async def work(number: int) -> None:
        await asyncio.sleep((100 - number) / 100_000)  # later updates would overtake
        seen.append(number)

    await asyncio.gather(
        *(processor.process_update(_update(n, 10 + n % 3), work(n)) for n in range(100))
    )
    for chat in range(3):
        mine = [n for n in seen if n % 3 == chat]
        assert mine == sorted(mine)
