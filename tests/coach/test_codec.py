"""The one button codec: what it writes it reads back; anything else it refuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.coach import codec

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)


@given(
    owner=st.sampled_from(["c", "pg", "rm", "im"]),
    token=st.integers(0, 10**18 - 1),
    action=WORD,
    args=st.lists(WORD, max_size=3),
)
def test_what_the_codec_writes_it_reads_back(
    owner: str, token: int, action: str, args: list[str]
) -> None:
    data = codec.encode(owner, token, action, *args)
    if data is None:  # too long for Telegram: left out, never cut
        assert len(":".join((owner, str(token), action, *args)).encode()) > codec.DATA_MAX
        return
    assert len(data.encode()) <= codec.DATA_MAX
    assert codec.decode(data) == codec.ButtonData(owner, token, action, tuple(args))


@pytest.mark.parametrize(
    "forged",
    [
        "",
        ":",
        "c",
        "c:",
        "c:1",
        "c:1:",
        "c::n",
        "c:-1:n",
        "c:1e3:n",
        "c:１:n",
        "c:²:n",
        "c:1:n::",
        "C:1:n",
        "cc1:1:n",
        "toolong:1:n",
        "c:" + "9" * 19 + ":n",
        "c:1:" + "n" * 80,
        "🏋️:1:n",
    ],
)
def test_forged_data_is_refused(forged: str) -> None:
    assert codec.decode(forged) is None


def test_a_press_counts_only_while_its_token_is_current() -> None:
    data = codec.decode("pg:41:h:0:*")
    assert data is not None
    assert data.is_current(41) and not data.is_current(42) and not data.is_current(40)


def test_the_codec_refuses_to_write_what_it_could_not_read() -> None:
    for owner, action, args in (("Pg", "h", ()), ("pg", "h:x", ()), ("pg", "h", ("",))):
        with pytest.raises(ValueError):
            codec.encode(owner, 1, action, *args)
