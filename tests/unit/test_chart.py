"""The weeks as a chart and as lines: every week on the axis, a week without data marked
as a gap by a shape (not a colour), long gaps said in one line."""

from __future__ import annotations

from veerkracht.content import Content
from veerkracht.core.patterns import on_weeks, week_span
from veerkracht.render.chart import GAP, week_chart, weeks_that_fit
from veerkracht.render.history import capacity_chart, heaviness_chart, week_lines

BY_WEEK = [
    {"week": "2026-W51", "mean": 6.0, "count": 2},
    {"week": "2027-W02", "mean": 9.0, "count": 1},
]


def test_the_span_runs_through_empty_weeks_and_across_the_new_year() -> None:
    span = week_span(BY_WEEK)
    assert span == ["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert week_span(BY_WEEK, weeks=2) == ["2027-W01", "2027-W02"]
    assert [row is None for _, row in on_weeks(BY_WEEK, span)] == [False, True, True, True, False]
    assert week_span([]) == []


def test_a_gap_is_marked_on_the_axis_and_a_value_is_a_bar() -> None:
    lines = week_chart([("2026-W51", (6.0,)), ("2026-W52", None), ("2026-W53", (0,))])
    bottom, weeks = lines[-3], lines[-1]
    assert bottom.startswith(" 0 ┤") and bottom.split("┤")[1] == " ██ ·· ▁▁"
    assert weeks.split() == ["51", "52", "53"]
    assert lines[0].startswith("10 ┤") and "█" not in lines[0]  # 6 of 10 stays below the top
    assert weeks_that_fit(28) == 8


def test_the_dashboards_charts_say_what_a_gap_is_and_which_weeks() -> None:
    nl = Content("nl")
    lines = heaviness_chart(BY_WEEK, week_span(BY_WEEK), nl)
    assert lines[-2] == "week 2026-W51 t/m 2027-W02"
    assert lines[-1] == f"{GAP} geen reflecties"
    balance = [{"week": "2026-W51", "capacity": 4.0, "load": 8.0}]
    lines = capacity_chart(balance, ["2026-W50", "2026-W51"], Content("en"))
    assert " ·· █┃" in lines[-6]  # the bottom row: a gap, then capacity and load side by side
    assert lines[-3] == "█ capacity  ┃ load" and lines[-1] == f"{GAP} no check-in"


def test_the_report_lists_every_week_and_says_the_gaps() -> None:
    span = week_span(BY_WEEK)
    lines = week_lines(BY_WEEK, span, "geen reflecties", Content("nl"), lambda row: "x")
    assert lines == [
        "2026-W51  x",
        f"2026-W52  {GAP} geen reflecties (3 weken, t/m 2027-W01)",
        "2027-W02  x",
    ]
    short = week_lines(BY_WEEK, span[2:], "no reflections", Content("en"), lambda row: "x")
    assert short[:2] == [f"2026-W53  {GAP} no reflections", f"2027-W01  {GAP} no reflections"]
