"""How a recovery plan is going: where you are, capacity against load per week, when
the plan is not enough, the lines a talk's report may hold, and the sections of a
progress share. Pure: the caller passes the records and `today`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.plan import DIALOGUE_BEFORE, WORK_PLAN, Dialogue, Plan
from veerkracht.core.records import CHECKIN_TEXTS, PILLARS, Agreement, CheckIn
from veerkracht.core.safety import words_need_notice

#: Sections of `plan share` and `plan report`, by stable key, in order (as the README lists them).
SECTIONS = ("weeks", "goals", "work_plan", "agreements", "trend", "insights", "evaluation")
#: Weeks in a row with load above capacity before the plan suggests a doctor.
HEAVY_WEEKS = 3


@dataclass
class PlanState:
    """A plan with everything that belongs to it, seen on one day."""

    plan: Plan
    today: date
    checkins: list[CheckIn]
    dialogues: list[Dialogue]
    agreements: list[Agreement]

    @property
    def week(self) -> int:
        return self.plan.week(self.today)

    @property
    def weeks_done(self) -> int:
        return self.plan.weeks_done(self.today)

    def checkin_this_week(self) -> CheckIn | None:
        found = [checkin for checkin in self.checkins if checkin.week == self.week]
        return found[-1] if found else None

    def dialogues_in(self, week: int) -> list[Dialogue]:
        return [dialogue for dialogue in self.dialogues if dialogue.week == week]

    def talk(self, ref: str) -> Dialogue:
        """The plan's talk with short id `ref`."""
        for dialogue in self.dialogues:
            if dialogue.id == ref.strip():
                return dialogue
        raise VeerkrachtError("talk_not_found", ref=ref)

    def prepared(self) -> Dialogue | None:
        """The last talk, if it was only prepared: what is written next completes it."""
        return self.dialogues[-1] if self.dialogues and not self.dialogues[-1].held else None

    def agreements_of(self, dialogue: Dialogue) -> list[Agreement]:
        return [agreement for agreement in self.agreements if agreement.dialogue == dialogue.uuid]

    def open_agreements(self) -> list[Agreement]:
        return [agreement for agreement in self.agreements if not agreement.done]

    def evaluation_due(self) -> bool:
        """The last week has come (or the plan ended) and there is no evaluation yet."""
        return not self.plan.evaluation and self.week >= self.plan.weeks

    def trend(self) -> list[tuple[int, int | None, int | None]]:
        """(week, capacity, load) for every week so far, from that week's last check-in;
        weeks without one stay in the list (None), so gaps show."""
        latest: dict[int, CheckIn] = {}
        for checkin in self.checkins:
            if checkin.week is not None:
                latest[checkin.week] = checkin
        return [
            (week, latest[week].capacity, latest[week].load)
            if week in latest
            else (week, None, None)
            for week in range(1, self.week + 1)
        ]

    def attention(self) -> list[str]:
        """Why the plan may not be enough now, calmly: words about not wanting to live,
        load above capacity three weeks in a row, or a week that was too much."""
        found = []
        texts = [_checkin_words(checkin) for checkin in self.checkins]
        texts += [_dialogue_words(dialogue) for dialogue in self.dialogues]
        if words_need_notice(texts):
            found.append("heavy_words")
        if _heavy_run(self.trend()) >= HEAVY_WEEKS:
            found.append("load_above_capacity")
        last = self.checkins[-1] if self.checkins else None
        if last is not None and last.too_much and (last.week or 0) >= self.week - 1:
            found.append("too_much")  # said this week or last week
        return found


def state_of(
    plan: Plan,
    today: date,
    checkins: Iterable[CheckIn],
    dialogues: Iterable[Dialogue],
    agreements: Iterable[Agreement],
) -> PlanState:
    """The plan's own check-ins, talks and the agreements made in those talks."""
    talks = [dialogue for dialogue in dialogues if dialogue.plan == plan.uuid]
    uuids = {dialogue.uuid for dialogue in talks}
    return PlanState(
        plan=plan,
        today=today,
        checkins=[checkin for checkin in checkins if checkin.plan == plan.uuid],
        dialogues=talks,
        agreements=[agreement for agreement in agreements if agreement.dialogue in uuids],
    )


def _checkin_words(checkin: CheckIn) -> dict[str, Any]:
    return {key: getattr(checkin, key) for key in CHECKIN_TEXTS} | checkin.pillars


def _dialogue_words(dialogue: Dialogue) -> dict[str, Any]:
    said = {key: getattr(dialogue, key) for key in (*DIALOGUE_BEFORE, "perspective", "private")}
    return said | {"insights": dialogue.insights}


def _heavy_run(trend: Sequence[tuple[int, int | None, int | None]]) -> int:
    """The number of weeks, ending now, with load above capacity (weeks without a
    check-in neither break nor extend the run)."""
    run = 0
    for _, capacity, load in reversed(trend):
        if capacity is None or load is None:
            continue
        if load <= capacity:
            break
        run += 1
    return run


# -- reports ---------------------------------------------------------------------------


def report_lines(dialogue: Dialogue, agreements: Sequence[Agreement]) -> list[tuple[str, str]]:
    """The lines a talk's report may hold, each with a stable key: the insights, the
    other's perspective and the agreements. Never the preparation or private notes."""
    lines = [(f"insights.{index}", insight) for index, insight in enumerate(dialogue.insights)]
    if dialogue.perspective:
        lines.append(("perspective", dialogue.perspective))
    lines += [(f"agreements.{agreement.uuid}", agreement.what) for agreement in agreements]
    return lines


def checked_lines(dialogue: Dialogue, agreements: Sequence[Agreement]) -> list[tuple[str, str]]:
    """What a checked talk's report shows: only the lines the employee kept."""
    if not dialogue.checked:
        return []
    kept = set(dialogue.kept)
    return [(key, line) for key, line in report_lines(dialogue, agreements) if key in kept]


def checked_insights(state: PlanState) -> list[str]:
    """Insights from checked talks, as kept: what a progress share may offer."""
    found = []
    for dialogue in state.dialogues:
        for key, line in checked_lines(dialogue, state.agreements_of(dialogue)):
            if key.startswith("insights."):
                found.append(line)
    return found


def share_sections(state: PlanState, chosen: Iterable[str]) -> dict[str, Any]:
    """The chosen sections of a progress share, in order; private fields are never a
    section, and talks show only what was checked."""
    wanted = set(chosen)
    plan = state.plan
    sections: dict[str, Any] = {}
    builders: dict[str, Callable[[], Any]] = {
        "weeks": lambda: {"done": state.weeks_done, "total": plan.weeks, "week": state.week},
        "goals": lambda: list(plan.goals),
        "work_plan": lambda: {key: list(getattr(plan, key)) for key in WORK_PLAN},
        "agreements": lambda: {
            "kept": [a.what for a in state.agreements if a.done],
            "open": [a.what for a in state.agreements if not a.done],
        },
        "trend": lambda: [
            {"week": week, "capacity": capacity, "load": load}
            for week, capacity, load in state.trend()
        ],
        "insights": lambda: checked_insights(state),
        "evaluation": lambda: {
            "pillars": {
                key: plan.evaluation.get("pillars", {}).get(key, "")
                for key in PILLARS
                if plan.evaluation.get("pillars", {}).get(key)
            },
            "holding": plan.evaluation.get("holding", ""),
            "next": plan.evaluation.get("next", ""),
        },
    }
    for key in SECTIONS:
        if key in wanted and (key != "evaluation" or plan.evaluation):
            sections[key] = builders[key]()
    return sections
