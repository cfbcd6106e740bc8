"""The progress chart as PNG bytes: best set and volume per side over time, the gap shaded."""

from __future__ import annotations

import gc
import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bot.coach.ports import Side
from bot.progress.series import Series

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from numpy.typing import NDArray

COLOURS = {Side.LEFT: "#1f6fb4", Side.RIGHT: "#e8770e", Side.BOTH: "#2a9d4a",
           Side.UNKNOWN: "#8c8c8c"}  # fmt: skip
GAP_COLOUR = "#d62728"
LABELS = {Side.LEFT: "Left", Side.RIGHT: "Right", Side.BOTH: "Both legs",
          Side.UNKNOWN: "Side unknown"}  # fmt: skip
# Past this many sessions the per-session gap bars would blur into the shading.
BARS_MAX = 40
SIZE_INCHES, DPI = (8.0, 5.6), 100


def volume_label(series: Series) -> str:
    if series.bodyweight_only:
        return "Volume (total reps)"
    return f"Volume (reps × {series.unit.value})"


def footnote(series: Series) -> str:
    if series.bodyweight_only:
        return "All bodyweight, so volume is the total reps."
    return "Volume is reps × added load; bodyweight sets count 0 added load."


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection inside; afterwards one young collection.

    A chart is thousands of short-lived objects, many in reference cycles. Left to the
    collector, the young collections that run meanwhile promote them to the oldest generation,
    where only a full collection (tens of ms over every object of the process) frees them: that
    made one chart in ten twice as slow. Paused, the dead objects are still young afterwards and
    one young collection frees them. The pause is process-wide, so it is kept short, and only
    whoever paused resumes (a nested or concurrent pause finds collection already off).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def render(series: Series, caption: str) -> bytes:
    """The chart as PNG bytes (about 0.1 s of CPU: call it in a worker thread)."""
    with collection_paused():
        return _draw(series, caption)


def _draw(series: Series, caption: str) -> bytes:
    """Two panels sharing the time axis: best set, then volume.

    matplotlib is imported here, not at the top: only a chart needs it, and it takes most of a
    second to import. The object API (Figure + the Agg canvas) keeps no global pyplot state, so
    two charts drawn at once in two threads do not share a figure.
    """
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
    FigureCanvasAgg(figure)
    best_axes, volume_axes = figure.subplots(2, 1, sharex=True)
    import numpy as np

    # matplotlib would draw aware times in UTC; the user's local dates are what they remember.
    times = np.array([p.at.replace(tzinfo=None) for p in series.points], dtype="datetime64[s]")
    panels = (
        (best_axes, [p.best for p in series.points], "Best set (reps)"),
        (volume_axes, [p.volume for p in series.points], volume_label(series)),
    )
    for axes, values, label in panels:
        lines = {side: [float(v.get(side, math.nan)) for v in values] for side in series.sides}
        for side, ys in lines.items():
            axes.plot(times, ys, marker="o", markersize=3.5, linewidth=1.8,
                      color=COLOURS[side], label=LABELS[side])  # fmt: skip
        if _legs(series):
            _shade(axes, times, lines[Side.LEFT], lines[Side.RIGHT])
        axes.set_ylabel(label)
        axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        axes.grid(alpha=0.3)
        highest = max((y for ys in lines.values() for y in ys if not math.isnan(y)), default=1.0)
        axes.set_ylim(0, highest * 1.15 or 1.0)  # room above the top points
    _key(figure, series)
    # Few ticks: every tick label is text to lay out, the bulk of the drawing time.
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)  # type: ignore[no-untyped-call]
    volume_axes.xaxis.set_major_locator(locator)
    concise = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    volume_axes.xaxis.set_major_formatter(concise)
    if len(times) == 1:  # one day would be a zero-width axis
        margin = np.timedelta64(3, "D")
        volume_axes.set_xlim(times[0] - margin, times[0] + margin)
    figure.suptitle(f"{series.name}: left vs right" if _legs(series) else series.name)
    figure.text(0.5, 0.045, caption, ha="center", fontsize=10)
    figure.text(0.5, 0.012, footnote(series), ha="center", fontsize=8, color="#666666")
    figure.subplots_adjust(left=0.1, right=0.97, top=0.92, bottom=0.16, hspace=0.12)
    out = io.BytesIO()
    # Fast zlib level: a tenth of the encoding time for a file ~10 % larger.
    figure.savefig(out, format="png", pil_kwargs={"compress_level": 1})
    return out.getvalue()


def _key(figure: Figure, series: Series) -> None:
    """Which colour is which, as coloured words above the top right corner: a fraction of what
    a matplotlib legend costs to draw, and it never covers a line."""
    entries = [(f"● {LABELS[side]}", COLOURS[side]) for side in series.sides]
    if _legs(series):
        entries.append(("▮ Gap", GAP_COLOUR))
    right = 0.97
    for label, colour in reversed(entries):
        figure.text(right, 0.935, label, ha="right", va="bottom", color=colour, fontsize=9)
        right -= max(0.09, 0.0075 * len(label) + 0.03)  # a longer word takes more room


def _legs(series: Series) -> bool:
    """A left-against-right chart (its unknown-side line, if any, is drawn beside)."""
    return Side.LEFT in series.sides and Side.RIGHT in series.sides


def _shade(axes: Axes, times: NDArray[Any], left: list[float], right: list[float]) -> None:
    """The gap between the legs: shaded where both were counted, plus a bar per session."""
    import numpy as np

    low, high = np.fmin(left, right), np.fmax(left, right)
    both = ~(np.isnan(left) | np.isnan(right))
    axes.fill_between(times, low, high, where=both, color=GAP_COLOUR, alpha=0.18, linewidth=0,
                      label="Gap")  # fmt: skip
    if len(times) <= BARS_MAX:
        axes.vlines(times[both], low[both], high[both], color=GAP_COLOUR, alpha=0.45,
                    linewidth=2)  # fmt: skip
