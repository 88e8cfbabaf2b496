"""Charts of the weeks as plain text: vertical bars on a 0–10 axis, one column per ISO
week, and a week without data as a visible gap (`··` on the axis). Shapes, not colours:
a second series is drawn as a thin line beside the bar, so the chart reads the same in
black and white, in a pipe and on screen."""

from __future__ import annotations

from collections.abc import Sequence

HEIGHT = 5
TOP = 10
GAP = "··"
#: Bars grow in eighths of a cell; a thin line in halves.
BAR = " ▁▂▃▄▅▆▇█"
LINE = " ╻┃"
_GUTTER = 4  # "10 ┤"
_SLOT = 3  # a space and two cells per week

#: One week: its ISO name and a value per series (None: no value), or None for a gap.
Column = tuple[str, Sequence[float | None] | None]


def weeks_that_fit(width: int) -> int:
    """How many weeks a chart `width` cells wide can show."""
    return max(1, (width - _GUTTER) // _SLOT)


def week_chart(columns: Sequence[Column], ramps: Sequence[str] = (BAR,)) -> list[str]:
    """The chart's lines, top to bottom: HEIGHT rows of bars with a 0–10 axis, the base
    line and the week numbers. One series fills both cells of a week; two series get one
    cell each, drawn with their own ramp (`BAR`, `LINE`)."""
    rows = []
    for row in reversed(range(HEIGHT)):
        label = {HEIGHT - 1: "10", HEIGHT // 2: "5", 0: "0"}.get(row)
        line = f"{label:>2} ┤" if label else "   │"
        for _, values in columns:
            line += " " + _cells(values, ramps, row)
        rows.append(line.rstrip())
    rows.append("   └" + "─" * (_SLOT * len(columns)))
    rows.append(" " * _GUTTER + "".join(f" {week[-2:]}" for week, _ in columns))
    return rows


def _cells(values: Sequence[float | None] | None, ramps: Sequence[str], row: int) -> str:
    """Two cells of one week in `row` (0 is the bottom)."""
    if values is None:
        return GAP if row == 0 else "  "
    if len(values) == 1:
        return _cell(values[0], ramps[0], row) * 2
    return "".join(_cell(value, ramp, row) for value, ramp in zip(values, ramps, strict=True))


def _cell(value: float | None, ramp: str, row: int) -> str:
    """One cell of a bar: full below its top, partly filled at it, empty above. A value
    (even 0) shows at least its smallest step, so a week with data never looks empty."""
    if value is None:
        return " "
    steps = len(ramp) - 1
    filled = max(1, round(min(max(value, 0), TOP) / TOP * HEIGHT * steps))
    return ramp[min(steps, max(0, filled - row * steps))]
