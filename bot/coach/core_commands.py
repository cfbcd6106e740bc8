"""The engine's own commands: /start, /help, /cancel, /ask, /workout (features own the rest)."""

from __future__ import annotations

from bot.answers.model import Topic
from bot.coach import keyboards as kb
from bot.coach import setloop
from bot.coach import typed as parse
from bot.coach.planning import workout_command
from bot.coach.prompts import ask
from bot.coach.state import PLAN_STEPS, WORKOUT_STEPS, State, Step
from bot.coach.turn import Turn

GREETING = (
    "Hi! I'm your single-leg coach. I take you through hip thrusts and their cousins one leg "
    "at a time, log every set, and answer your questions."
)
HELP = """Here's what I can do:
/workout: start a workout (or /workout sl hip thrust 3x10 @ 10kg to skip the questions)
During a set, tap or type your reps: 12, 12 @ 10kg, 10 hard, 8 easy wobbly.
Also: done (the target), skip, skip rest, stop. Say pain and we stop.
Ask me anything, any time: "what muscles does this work", "I feel it in my quads".
/ask QUESTION: ask about an exercise
/history, /progress: your sessions, and a chart of your left leg against your right
/remind: reminders to train, on your days, at your time
/settings: units, rest, starting leg, timezone · /export: your data · /deleteme
/import: bring your history from Strong, Hevy or FitNotes (/export strong takes it back)
/cancel: end the workout, keeping what you logged"""
TOO_LONG = f"That's a long one; I read up to {parse.TEXT_MAX} characters."
COMING: dict[str, str] = {}  # command name -> what it will do, said as "coming soon"


async def reask(turn: Turn, state: State, lead: str) -> None:
    """Say lead; mid-flow, repeat what the current step is waiting for."""
    if state.step is Step.IDLE:
        turn.say(lead)
    else:
        await ask(turn, state, lead)


async def answer(turn: Turn, state: State, question: str) -> None:
    """Answer about the exercise in hand, then ask the current step again."""
    reply = turn.answerer.answer(question, state.exercise)
    if state.step is Step.IDLE:
        named = turn.library.get(reply.exercise) if reply.exercise else None
        keyboard = kb.start_keyboard(state.token, named) if named else ()
        turn.say(reply.text, keyboard)
        return
    turn.say(reply.text)
    hint = {
        Step.SET: "For reps, type a number like 10.",
        Step.SWITCH: "For reps, type a number like 10.",
        Step.REST: "For the next set's reps, type a number like 10.",
    }.get(state.step, "")
    await ask(turn, state, hint if reply.topic is Topic.NONE else "")


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
        await reask(turn, state, HELP)
    elif name == "ask":
        if len(args) > parse.TEXT_MAX:
            await reask(turn, state, TOO_LONG)
        elif args.strip():
            await answer(turn, state, args.strip())
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
