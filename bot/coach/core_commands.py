"""The engine's own commands: /start, /help, /cancel, /ask, /workout (features own the rest)."""

from __future__ import annotations

from pydantic import ValidationError

from bot.answers.model import Subject, Topic
from bot.coach import keyboards as kb
from bot.coach import setloop
from bot.coach import typed as parse
from bot.coach.planning import workout_command
from bot.coach.prompts import ask
from bot.coach.state import PLAN_STEPS, WORKOUT_STEPS, AskedAbout, State, Step
from bot.coach.turn import Turn

GREETING = (
    "Hi! I'm your single-leg coach. I take you through hip thrusts and their cousins one leg "
    "at a time, log every set, and answer your questions."
)
# The commands, under the answerer's what-to-ask and how-to-log (bot/answers/help.py).
COMMANDS_LINE = (
    "Resting: skip rest when you're ready. /ask QUESTION works too.\n"
    "/workout · /history · /progress · /remind · /settings · /export · /import · /cancel · "
    "/deleteme"
)
FOLLOW_UP_SECONDS = 10 * 60  # "and the GHR?" builds on the last question for this long
TOO_LONG = f"That's a long one; I read up to {parse.TEXT_MAX} characters."
COMING: dict[str, str] = {}  # command name -> what it will do, said as "coming soon"


async def reask(turn: Turn, state: State, lead: str) -> None:
    """Say lead; mid-flow, repeat what the current step is waiting for."""
    if state.step is Step.IDLE:
        turn.say(lead)
    else:
        await ask(turn, state, lead)


def help_text(turn: Turn) -> str:
    return f"{turn.answerer.help()}\n{COMMANDS_LINE}"


def _previous(turn: Turn, state: State) -> Subject | None:
    """The last question's subject, while a follow-up may still build on it."""
    asked = state.asked
    if asked is None or int(turn.now.timestamp()) - asked.at > FOLLOW_UP_SECONDS:
        return None
    try:
        return Subject.model_validate(asked.subject)
    except ValidationError:  # from an older answerer: no follow-up then
        return None


async def answer(turn: Turn, state: State, question: str) -> State:
    """Answer about the exercise in hand (and the last subject), then ask the step again.
    Returns the state with the new subject kept for follow-ups."""
    reply = turn.answerer.answer(question, state.exercise, _previous(turn, state))
    asked = None
    if reply.subject is not None:
        subject = reply.subject.model_dump(mode="json")
        asked = AskedAbout(subject=subject, at=int(turn.now.timestamp()))
    new = state.model_copy(update={"asked": asked})
    more = kb.more_keyboard(state.token) if reply.more else ()
    if state.step is Step.IDLE:
        named = turn.library.get(reply.exercise) if reply.exercise else None
        keyboard = kb.start_keyboard(state.token, named) if named else ()
        turn.say(reply.text, (*more, *keyboard))
        return new
    turn.say(reply.text, more)
    hint = {
        Step.SET: "For reps, type a number like 10.",
        Step.SWITCH: "For reps, type a number like 10.",
        Step.REST: "For the next set's reps, type a number like 10.",
    }.get(state.step, "")
    await ask(turn, state, hint if reply.topic is Topic.NONE else "")
    return new


async def run(turn: Turn, state: State, name: str, args: str) -> State:
    name = name.lower().lstrip("/").split("@")[0]
    if name == "workout":
        return await workout_command(turn, state, args)
    if name == "cancel":
        return await cancel(turn, state)
    if name == "start":
        if state.step is Step.IDLE:
            turn.say(f"{GREETING}\n/help shows how.", kb.start_keyboard(state.token))
        else:
            await ask(turn, state, "Welcome back! Here's where we were.")
        return state
    if name == "help":
        await reask(turn, state, help_text(turn))
    elif name == "ask":
        if len(args) > parse.TEXT_MAX:
            await reask(turn, state, TOO_LONG)
        elif args.strip():
            return await answer(turn, state, args.strip())
        else:
            await reask(turn, state, "Ask me after /ask, like: /ask what muscles does it work")
    elif name in COMING:
        await reask(turn, state, f"Coming soon: {COMING[name]}. /help shows what I can do now.")
    else:
        shown = name[:30] or "that"
        await reask(turn, state, f"I don't know /{shown}. /help lists what I can do.")
    return state


async def cancel(turn: Turn, state: State) -> State:
    if state.step in WORKOUT_STEPS:
        return await setloop.stop(turn, state)
    if state.step in PLAN_STEPS or state.step in (Step.CHOOSE, Step.EFFORT):
        turn.say("OK, cancelled. /workout when you're ready.")
        return state.to(Step.IDLE, draft=None, progress=None)
    turn.say("Nothing to cancel. /workout to start one.")
    return state
