"""The recovery plan for people and machines: where you are (text and JSON), a week's
report of checked talks, the closing report, and the progress share (Markdown, JSON).
The user's words are escaped for Markdown and made visible for terminals."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from veerkracht.content import Content
from veerkracht.core.plan import WORK_PLAN, Plan
from veerkracht.core.progress import SECTIONS, PlanState, checked_lines, share_sections
from veerkracht.core.records import PILLARS, Agreement
from veerkracht.core.textsafe import for_markdown, visible
from veerkracht.render.agreements import agreement_line

BAR = 10
#: How the user's words go into a document: escaped for Markdown, or as written.
Words = Callable[[str], str]


def bar(level: int | None) -> str:
    """A level 0–10 as a small bar that reads without colour."""
    if level is None:
        return "·" * BAR
    return "■" * level + "□" * (BAR - level)


def plan_json(state: PlanState) -> dict[str, Any]:
    """`plan --format json`: the plan (without `private`), its check-ins, talks (without
    their private notes), the agreements made in them, and what needs attention."""
    plan = state.plan
    record = {key: value for key, value in plan.to_record().items() if key != "private"}
    record.update(week=state.week, weeks_done=state.weeks_done)
    return {
        "plan": record,
        "checkins": [checkin.to_record() for checkin in state.checkins],
        "dialogues": [
            {k: v for k, v in dialogue.to_record().items() if k != "private"}
            for dialogue in state.dialogues
        ],
        "agreements": [agreement.to_record() for agreement in state.agreements],
        "attention": state.attention(),
    }


def status_lines(state: PlanState, content: Content, where: str = "cli") -> list[str]:
    """Where you are, for the terminal (`cli`) and the plan screen (`screen`): the hints
    name a command or a key accordingly."""
    plan = state.plan
    how = {key: content.text("plan", "how", where, key) for key in ("pause", "evaluate", "checkin")}

    def say(*path: str, **params: Any) -> str:
        return content.text("plan", *path, **params, **how)

    status = say("ui", f"status_{plan.status}")
    lines = [
        f"{say('ui', 'week', week=state.week, weeks=plan.weeks)} · {status} · "
        + say("ui", "since", start=plan.start.isoformat()),
    ]
    if plan.status == "paused":
        lines.append(say("ui", "paused_note"))
    if plan.status == "done":
        lines.append(say("ui", "ended"))
    if plan.status != "done":  # a finished plan has no "this week"
        lines += ["", say("ui", "this_week")]
        checkin = state.checkin_this_week()
        if checkin is None:
            lines.append("  " + say("ui", "checkin_open"))
        else:
            shown = {key: "—" if value is None else value for key, value in
                     (("capacity", checkin.capacity), ("load", checkin.load))}  # fmt: skip
            lines.append("  " + say("ui", "checkin_done", **shown))
        talks = state.dialogues_in(state.week)
        held = sum(1 for dialogue in talks if dialogue.held)
        lines.append("  " + say("ui", "talks", count=held, prepared=len(talks) - held))
        for dialogue in talks:
            checked = say("ui", "talk_checked" if dialogue.checked else "talk_unchecked")
            if not dialogue.held:
                checked = say("ui", "talk_prepared")
            partner = visible(dialogue.partner) or say("ui", "talk_someone")
            date = dialogue.created.date().isoformat()
            lines.append(
                "    " + say("ui", "talk_line", date=date, partner=partner, checked=checked)
            )
    lines += ["", say("ui", "open_agreements")]
    open_ones = state.open_agreements()
    overdue = say("ui", "overdue")
    lines += [
        f"  {a.id} · {visible(agreement_line(a))}"
        + (f" · {overdue}" if a.overdue(state.today) else "")
        for a in open_ones
    ] or ["  " + say("ui", "no_open_agreements")]
    lines += ["", say("ui", "trend")]
    lines += ["  " + line for line in trend_lines(state.trend(), content)]
    if plan.status != "done" and state.evaluation_due():
        lines += ["", say("ui", "evaluation_due")]
    attention = state.attention()
    if attention and plan.status != "done":
        lines += ["", say("attention", "title")]
        lines += ["  " + say("attention", key) for key in attention]
        lines += ["", say("attention", "advice")]
    return lines


def trend_lines(rows: Iterable[tuple[int, int | None, int | None]], content: Content) -> list[str]:
    """Capacity against load per week as bars that read without colour; a week without
    a check-in is marked as a gap."""
    lines = []
    for week, capacity, load in rows:
        if capacity is None and load is None:
            lines.append(content.text("plan", "ui", "trend_gap", week=week))
            continue
        shown = {
            name: f"{bar(level)} {'—' if level is None else level:>2}"
            for name, level in (("capacity", capacity), ("load", load))
        }
        lines.append(content.text("plan", "ui", "trend_row", week=week, **shown))
    return lines


# -- reports ---------------------------------------------------------------------------


def report_json(state: PlanState, week: int) -> dict[str, Any]:
    """`plan report WEEK --format json`: the checked talks of a week, only their kept
    lines, and how many talks are not checked yet."""
    talks = state.dialogues_in(week)
    checked = []
    for dialogue in talks:
        if not dialogue.checked:
            continue
        agreements = {f"agreements.{a.uuid}": a for a in state.agreements_of(dialogue)}
        lines = checked_lines(dialogue, list(agreements.values()))
        checked.append({
            "id": dialogue.id,
            "date": dialogue.created.date().isoformat(),
            "with": dialogue.partner,
            "insights": [line for key, line in lines if key.startswith("insights.")],
            "perspective": next((line for key, line in lines if key == "perspective"), ""),
            "agreements": [
                _agreement_json(agreements[key]) for key, _ in lines if key in agreements
            ],
        })  # fmt: skip
    return {
        "plan": state.plan.id,
        "week": week,
        "talks": checked,
        "unchecked": sum(1 for dialogue in talks if not dialogue.checked),
    }


def _agreement_json(agreement: Agreement) -> dict[str, Any]:
    due = agreement.due.isoformat() if agreement.due else None
    return {"what": agreement.what, "who": agreement.who, "due": due, "done": agreement.done}


def report_markdown(report: dict[str, Any], content: Content, words: Words = for_markdown) -> str:
    """A week's report as Markdown; with `words=visible`, the same as plain text for a
    terminal or a screen (the user's words as written, not escaped for Markdown)."""

    def say(key: str, **params: Any) -> str:
        return content.text("plan", "report", key, **params)

    parts = [f"# {say('heading', week=report['week'])}", ""]
    for talk in report["talks"]:
        partner = talk["with"] or content.text("plan", "ui", "talk_someone")
        parts += [
            f"## {say('talk', id=talk['id'], date=talk['date'], partner=words(partner))}",
            "",
        ]
        parts += [f"- {say('insight')}: {words(line)}" for line in talk["insights"]]
        if talk["perspective"]:
            parts.append(f"- {say('perspective')}: {words(talk['perspective'])}")
        for agreement in talk["agreements"]:
            said = " · ".join(
                p for p in (agreement["what"], agreement["who"], agreement["due"]) if p
            )
            parts.append(f"- {say('agreement')}: {words(said)}")
        parts.append("")
    if not report["talks"]:
        parts += [say("nothing"), ""]
    if report["unchecked"]:
        parts += [say("unchecked", count=report["unchecked"]), ""]
    return "\n".join(parts)


def sections_json(state: PlanState, chosen: set[str]) -> dict[str, Any]:
    """`plan share --format json` and the closing report: the plan's identity and the
    chosen sections, in order."""
    plan = state.plan
    return {
        "plan": {
            "id": plan.id,
            "start": plan.start.isoformat(),
            "weeks": plan.weeks,
            "week": state.week,
            "status": plan.status,
        },
        "sections": share_sections(state, chosen),
    }


def sections_markdown(
    shared: dict[str, Any],
    content: Content,
    title: str,
    subtitle: str = "subtitle",
    words: Words = for_markdown,
) -> str:
    """A progress share (or, with its own subtitle, the closing report) as Markdown,
    section by section."""

    def say(*path: str, **params: Any) -> str:
        return content.text("plan", *path, **params)

    plan = shared["plan"]
    sections = shared["sections"]
    weeks_done = sections.get("weeks", {}).get("done")
    parts = [f"# {title}", ""]
    if weeks_done is not None:
        parts += [f"_{say('share', subtitle, weeks_done=weeks_done, weeks=plan['weeks'])}_", ""]
    for key in SECTIONS:
        if key in sections:
            parts += [section_markdown(key, sections[key], content, words), ""]
    parts += ["---", "", say("share", "footer"), ""]
    return "\n".join(parts)


def section_markdown(key: str, value: Any, content: Content, words: Words = for_markdown) -> str:
    """One section of a share: its heading and lines (also the preview when asking)."""
    title = content.text("plan", "sections", key)
    return "\n".join([f"## {title}", "", *_section_lines(key, value, content, words)])


def _section_lines(key: str, value: Any, content: Content, words: Words) -> list[str]:
    def say(*path: str, **params: Any) -> str:
        return content.text("plan", *path, **params)

    def items(values: list[str]) -> list[str]:
        return [f"- {words(item)}" for item in values] or ["- —"]

    if key == "weeks":
        return [say("sections", "weeks_text", **value)]
    if key in ("goals", "insights"):
        return items(value)
    if key == "work_plan":
        lines = []
        for part in WORK_PLAN:
            lines += [f"**{say('sections', part)}**", "", *items(value[part]), ""]
        return lines[:-1]
    if key == "agreements":
        return [
            f"**{say('sections', 'kept')}**", "", *items(value["kept"]), "",
            f"**{say('sections', 'open')}**", "", *items(value["open"]),
        ]  # fmt: skip
    if key == "trend":
        rows = [(row["week"], row["capacity"], row["load"]) for row in value]
        return ["```", *trend_lines(rows, content), "```"]
    lines = [
        f"- {content.text('after', 'pillars', pillar, 'label')}: {words(text)}"
        for pillar, text in value["pillars"].items()
        if pillar in PILLARS
    ]
    for part in ("holding", "next"):
        if value[part]:
            lines.append(f"- {say('sections', part)}: {words(value[part])}")
    return lines


def plan_summary(plan: Plan, content: Content) -> list[str]:
    """Who is involved, the goals and the work plan, for the plan screen (never
    `private`)."""

    def say(*path: str, **params: Any) -> str:
        return content.text("plan", *path, **params)

    lines = []
    if plan.people:
        people = ", ".join(
            f"{visible(person['name'])} ({say('summary', person['role'])})"
            if person.get("name")
            else say("summary", person["role"])
            for person in plan.people
        )
        lines.append(say("summary", "people", people=people))
    if plan.goals:
        lines += [say("ui", "goals"), *[f"  • {visible(goal)}" for goal in plan.goals]]
    for part in WORK_PLAN:
        if found := getattr(plan, part):
            lines += [say("summary", part), *[f"  • {visible(item)}" for item in found]]
    if plan.review:
        lines.append(say("ui", "review", date=plan.review.isoformat()))
    return lines
