"""The README's input → logged table from read_entry: `python -m bot.coach.entry.table`."""

from __future__ import annotations

from dataclasses import replace

from bot.coach.entry.entry import read_entry
from bot.coach.entry.loads import Load
from bot.coach.entry.results import (
    BothSides,
    Confirm,
    Context,
    Entry,
    LoadChange,
    Option,
    PainReport,
    Ready,
    Refused,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
)
from bot.coach.ports import Side, Unit

KG = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10)
LB = Context(Unit.LB, Load(135.0, Unit.LB), Side.LEFT, 8)
SECTIONS: list[tuple[str, Context, list[str]]] = [
    ("Counts", KG, ["10", "12 reps", "ten", "Twelve reps", "nine repetitions", "twenty-five",
                    "1️⃣0️⃣", "🔟", "10r",
                    "x10", "8reps", "did 9", "ok 10", "8/10", "10!!! 💪", "done", "👍", "ate reps",
                    "1o", "missed 2", "one short", "did for reps", "Set 1 · Left · 9 reps",
                    "✅ 10 reps @ 10 kg"]),
    ("Same again (the last set logged: 8)", replace(KG, last=8), ["same", "again", "ditto"]),
    ("Loads with the count", KG, ["12 @ 12.5kg", "12x12.5kg", "12.5kg x 12", "12.5x10",
                                  "12 reps at 25kg", "12 with 25 kg", "12@25", "12 @ 12,5kg",
                                  "12 @ 25lb", "12 @ bw", "bw x 12", "Set 2: 30 kgs x 8",
                                  "1x10 @ 12.5",
                                  "eight reps at twelve and a half kilos", "10 @ 100", "10 @7.5"]),
    ("Loads for a lb user at 135 lb (target 8)", LB, ["8 @ 185", "135 x 8", "8@135#", "8 @ 9",
                                                      "135"]),
    ("Loads for a lb user at 25 lb", replace(LB, load=Load(25.0, Unit.LB), target=10),
     ["10 with the 30s", "using the 20s now", "45s", "a plate", "10 w a plate on my lap",
      "a quarter"]),
    ("Weight added to bodyweight", replace(KG, load=Load(None, Unit.KG), target=12),
     ["12 +5kg", "12 with 5kg plate", "adding 5kg"]),
    ("A weight alone", KG, ["12 kg", "@15kg", "25 lb", "20kg bell", "going up to 12.5", "+2.5kg",
                            "bodyweight", "bw only now", "12.5", "+2kg next set",
                            "going up 2.5 next set",
                            "added a 5kg plate", "holding a 10kg plate on my hips now",
                            "12kg on the left", "a plate"]),
    ("Effort, RPE, RIR", KG, ["10 easy", "10 tough", "9 harder than last", "10 smooth",
                              "11, last one was a grind", "ugh 6", "8 💀", "10, ok",
                              "8 to failure", "6f", "failed the 8th", "failed at 8",
                              "5 couldnt get the 6th", "10 rpe 8", "10 @ rpe 8.5",
                              "10 @ 12.5kg @9", "9reps14kg", "10 rir 2", "10 2 in the tank",
                              "7, 1 left in tank", "8 nothing left in the tank",
                              "10 could have done 2 more", "10 hard rpe 9", "8 ugly",
                              "15 reps, too easy 😴", "got 6 then failed", "8, knackered",
                              "kinda easy 12",
                              "10 piece of cake",
                              "8 and it was a struggle"]),
    ("Pain", KG, ["10 no pain", "10 pain free", "10, knee didn't hurt this time",
                  "10 without pain", "10 pain 0/10", "10 pain 2/10", "10 hamstring cramped",
                  "10 — knee ok", "10 knee hurts", "10, bit of a niggle in my hip",
                  "9 tweaky hammy",
                  "12 burns so good", "10 knee sore, no pain though",
                  "10 reps, left knee a bit sore but ok", "8 sharp pain in my knee",
                  "6 lower back tweaked", "my knee hurts", "stop, knee hurts",
                  "will this hurt my knees?"]),
    ("Sides (the left leg awaited, the first of its set)", KG,
     ["left 10", "10 left", "L10", "8L", "10 right", "R10", "10 R", "10 each", "12e", "8/side",
      "6 my left knee hurts a bit", "8 left weaker", "L10 R9", "left 8, right 7", "8/8",
      "10 both legs"]),
    ("Sides (the right leg awaited, the left logged)", replace(KG, side=Side.RIGHT, first=False),
     ["9 R", "L10 R9", "no right today, knee"]),
    ("Corrections", KG, ["undo", "oops", "scratch that", "oops undo that", "wrong one, remove it",
                         "erase last entry", "that was the wrong leg",
                         "I meant 9", "make that 9", "edit last set to 9", "fix: 11",
                         "oops I meant 10", "*9", "oops left was 8", "left was only 10",
                         "sorry it was 9 not 10", "actually make that last one 12",
                         "left should be 9", "change left to 9", "oops set 1 left was 11 not 12",
                         "wait i did 7 on the left not 8"]),
    ("Skip, stop, rest over", KG, ["skip", "skip this side", "not doing this side today",
                                   "skip right", "pass on this one", "gonna skip this one",
                                   "finish",
                                   "im done for today", "im calling it",
                                   "that's it for today", "gotta go", "that's me done",
                                   "skip rest", "go", "skip the rest",
                                   "bench is taken, skip this one", "no band today",
                                   "should I skip this if my knee hurts?"]),
    ("During the rest", replace(KG, waiting=True), ["skip the rest", "skip set 2"]),
    ("Far from the target (10), and refusals", KG,
     ["100", "30", "25", "0", "-5", "201", "1e9", "10.5 reps", "3x10", "2 sets of 8",
      "165 x 5 x 3", "10 12", "22x8", "10 @ 12.555kg", "10 @ 12.1kg", "10 @ 600kg", "10 @ 0kg",
      "10 rpe 11",
      "12 @", "10 what muscles does this work?"]),
    ("Notes and chatter", KG, ["10 wobbly", "10 - hips dropped", "10 easy, felt strong",
                               "how low should my hips go?", "thanks", "ok",
                               "one sec, grabbing water"]),
]  # fmt: skip


def _set(answer: SetAnswer) -> str:
    load = "current load" if answer.load is None else answer.load.text()
    parts = [f"log {answer.reps} reps, @ {load}"]
    parts += [f"side {answer.side.value}"] if answer.side else []
    parts += [f"effort {answer.effort.value}"] if answer.effort else []
    parts += [f"RPE {answer.rpe:g}"] if answer.rpe is not None else []
    parts += [f"RIR {answer.rir}"] if answer.rir is not None else []
    parts += ["**pain** (stop)"] if answer.pain else []
    parts += [f'note "{answer.note}"'] if answer.note else []
    return ", ".join(parts)


def _option(option: Option) -> str:
    return f"[{option.label}]"


def describe(entry: Entry | None) -> str:
    """What the set step does with a result, in the README's words."""
    if entry is None:
        return "not a set (None): the answerer takes it"
    if isinstance(entry, SetAnswer):
        return _set(entry)
    if isinstance(entry, BothSides):
        return f"{_set(entry.first)}; then the other leg: {_set(entry.second)}"
    if isinstance(entry, LoadChange):
        return f"load {entry.load.text()} from now; nothing logged"
    if isinstance(entry, Confirm):
        return f"ask “{entry.question}” " + " / ".join(map(_option, entry.options))
    if isinstance(entry, Refused):
        return f"refuse: “{entry.reason}”"
    if isinstance(entry, Replace):
        side = f" of the {entry.entry.side.value} leg" if entry.entry.side else ""
        which = f" set {entry.set_number}" if entry.set_number else " set"
        was = f" (the one of {entry.was}, if any)" if entry.was is not None else ""
        return f"replace the last{which}{side}{was}: {entry.entry.reps} reps"
    if isinstance(entry, PainReport):
        return f'pain, no count: stop the set for pain, note "{entry.note}"'
    if isinstance(entry, Stop):
        return f'stop (reason "{entry.reason}", pain)' if entry.pain else "stop"
    if isinstance(entry, Skip):
        return f'skip this side, saying why: "{entry.reason}"' if entry.reason else "skip this side"
    if isinstance(entry, Ready):
        return "rest / switch over"
    assert isinstance(entry, Undo)
    return "undo the last set"


def table() -> str:
    """Every section: typed, and what is logged."""
    lines: list[str] = []
    for title, context, inputs in SECTIONS:
        lines += [f"### {title}", "", "| typed | what is logged |", "|---|---|"]
        lines += [f"| `{text}` | {describe(read_entry(text, context))} |" for text in inputs]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(table(), end="")
