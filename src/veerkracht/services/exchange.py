"""Export everything for the user's own backup, and import it again: all or nothing,
merged by uuid, never duplicated."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from veerkracht.content import Content
from veerkracht.core.cards import CARD_FIELDS, CardEdit, parse_card
from veerkracht.core.errors import ValidationError, printable
from veerkracht.core.model import ANSWER_FIELDS, Entry, parse_answers
from veerkracht.core.plan import (
    DIALOGUE_FIELDS,
    PLAN_FIELDS,
    STATUSES,
    WEEKS_RANGE,
    Dialogue,
    Plan,
    parse_dialogue,
    parse_evaluation,
    parse_plan,
)
from veerkracht.core.records import (
    CHECKIN_FIELDS,
    Agreement,
    CheckIn,
    FollowUp,
    followup_from,
    parse_agreement,
    parse_checkin,
)
from veerkracht.core.safety_plan import ANSWERS as SAFETY_ANSWERS
from veerkracht.core.safety_plan import (
    PROFESSIONAL_FIELDS,
    SAFETY_PLAN_FIELDS,
    SafetyPlan,
    parse_safety_plan,
)
from veerkracht.core.support_note import SUPPORT_FIELDS, SupportNote, parse_support
from veerkracht.core.textsafe import for_markdown, json_escaped_bytes
from veerkracht.core.validation import (
    a_list,
    day,
    flag,
    known_fields,
    moment,
    one_of,
    short_id,
    shown,
    text,
    uuid,
    whole_number,
    within,
)
from veerkracht.render.cards import markdown_item
from veerkracht.store.store import Contents

FORMAT = "veerkracht-export"
VERSION = 1
KINDS = (
    "entries", "followups", "checkins", "agreements", "supports", "cards", "plans", "dialogues",
    "safety_plans",
)  # fmt: skip


class _Record(Protocol):
    """A record of any kind: its uuid for ever, and the short id people type."""

    uuid: str
    id: str


T = TypeVar("T", bound=_Record)


def export_data(contents: Contents) -> dict[str, Any]:
    """The `export --format json` contract: every record with its uuid."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "entries": [entry.to_record() for entry in contents.entries],
        "followups": [followup.to_record() for followup in contents.followups],
        "checkins": [checkin.to_record() for checkin in contents.checkins],
        "agreements": [agreement.to_record() for agreement in contents.agreements],
        "supports": [note.to_record() for note in contents.supports],
        "cards": [card.to_record() for card in contents.cards],
        "plans": [plan.to_record() for plan in contents.plans],
        "dialogues": [dialogue.to_record() for dialogue in contents.dialogues],
        "safety_plans": [plan.to_record() for plan in contents.safety_plans],
    }


def export_text(contents: Contents, content: Content, *, markdown: bool) -> str:
    """The whole export as written to a file: indented JSON (to restore) or Markdown."""
    if markdown:
        return export_markdown(contents, content)
    import orjson

    data = orjson.dumps(export_data(contents), option=orjson.OPT_INDENT_2)
    return json_escaped_bytes(data).decode() + "\n"


@dataclass
class ImportSet:
    """Everything in an export file, validated."""

    entries: list[Entry] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    supports: list[SupportNote] = field(default_factory=list)
    cards: list[CardEdit] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    dialogues: list[Dialogue] = field(default_factory=list)
    safety_plans: list[SafetyPlan] = field(default_factory=list)


def imported_summary(content: Content, added: Mapping[str, int]) -> str:
    """ "Ingelezen: 3 reflecties, 1 gespreksverslag, …": what an import added."""
    nouns = {"entries": "reflection", "followups": "followup", "checkins": "checkin",
             "agreements": "agreement"}  # fmt: skip
    counted = {kind: content.counted(noun, added[kind]) for kind, noun in nouns.items()}
    return content.message("imported", **counted)


def parse_export(data: Any) -> ImportSet:
    """Validate a whole export file before anything is written; refusals name the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("not_an_object", field="")
    if data.get("format") != FORMAT:
        raise ValidationError("not_an_export", field="format", expected=FORMAT)
    if data.get("version") != VERSION:
        raise ValidationError("export_version", field="version", value=shown(data.get("version")))
    for key in data:
        if key not in ("format", "version", *KINDS):
            raise ValidationError("unknown_field", field=printable(key), allowed=", ".join(KINDS))
    found = ImportSet()
    for kind, parse in (
        ("entries", _entry),
        ("followups", _followup),
        ("checkins", _checkin),
        ("agreements", _agreement),
        ("supports", _support),
        ("cards", _card),
        ("plans", _plan),
        ("dialogues", _dialogue),
        ("safety_plans", _safety_plan),
    ):
        records = a_list(data.get(kind, []), kind)
        getattr(found, kind).extend(
            parse(record, f"{kind}[{index}]") for index, record in enumerate(records)
        )
    return found


def _exported(record: Any, where: str, allowed: tuple[str, ...]) -> tuple[dict[str, Any], str, str]:
    """An exported record's fields, uuid and id (each record keeps its own)."""
    values = known_fields(record, ("id", "uuid", *allowed), where)
    record_uuid = uuid(values.get("uuid"), f"{where}.uuid")
    record_id = short_id(values.get("id"), f"{where}.id")
    fields = {key: value for key, value in values.items() if key not in ("id", "uuid")}
    return fields, record_uuid, record_id


def _parsed(record: Any, where: str, allowed: tuple[str, ...], parse: Callable[..., T]) -> T:
    """A record checked by the parser of its own kind (the one `--from` files use), with
    its uuid, id and date kept and every refusal named inside the record."""
    fields, record_uuid, record_id = _exported(record, where, allowed)
    if fields.get("created") is None:  # an exported record keeps its own date
        raise ValidationError("required_text", field=f"{where}.created")
    created = moment(fields["created"], f"{where}.created")
    try:
        parsed = parse(fields, now=created)
    except ValidationError as error:
        raise within(error, where) from None
    parsed.uuid, parsed.id = record_uuid, record_id
    return parsed


def _entry(record: Any, where: str) -> Entry:
    return _parsed(record, where, ANSWER_FIELDS, parse_answers)


def _followup(record: Any, where: str) -> FollowUp:
    allowed = ("entry", "created", "went", "as_feared", "helped", "next_step", "talked")
    fields, record_uuid, record_id = _exported(record, where, allowed)
    entry = uuid(fields.get("entry"), f"{where}.entry")
    created = moment(fields.get("created"), f"{where}.created")
    try:
        followup = followup_from(fields, created, entry)
    except ValidationError as error:
        raise within(error, where) from None
    followup.uuid, followup.id = record_uuid, record_id
    return followup


def _checkin(record: Any, where: str) -> CheckIn:
    fields = known_fields(record, ("id", "uuid", *CHECKIN_FIELDS, "plan", "week"), where)
    link = {key: fields.pop(key) for key in ("plan", "week") if key in fields}
    checkin = _parsed(fields, where, CHECKIN_FIELDS, parse_checkin)
    if link.get("plan"):
        checkin.plan = uuid(link["plan"], f"{where}.plan")
        checkin.week = whole_number(link.get("week", 1), f"{where}.week", *WEEKS_RANGE)
    return checkin


def _plan(record: Any, where: str) -> Plan:
    extra = ("status", "pauses", "evaluation")
    fields = known_fields(record, ("id", "uuid", "created", *PLAN_FIELDS, *extra), where)
    kept = {key: fields.pop(key) for key in extra if key in fields}
    plan = _parsed(fields, where, ("created", *PLAN_FIELDS), parse_plan)
    plan.status = one_of(kept.get("status", "active"), f"{where}.status", STATUSES)
    for index, pause in enumerate(a_list(kept.get("pauses", []), f"{where}.pauses")):
        at = f"{where}.pauses[{index}]"
        dates = known_fields(pause, ("from", "to"), at)
        begun, ended = day(dates.get("from"), f"{at}.from"), day(dates.get("to"), f"{at}.to")
        if begun is None:
            raise ValidationError("not_a_date", field=f"{at}.from", value="''")
        plan.pauses.append({"from": begun.isoformat(), "to": ended.isoformat() if ended else ""})
    evaluation = kept.get("evaluation") or {}
    if evaluation:
        said = {key: value for key, value in evaluation.items() if key != "created"}
        created = moment(evaluation.get("created"), f"{where}.evaluation.created")
        try:
            plan.evaluation = parse_evaluation(said, now=created)
        except ValidationError as error:
            raise within(error, f"{where}.evaluation") from None
    return plan


def _talk_only(data: Any, *, now: datetime) -> Dialogue:
    """An exported talk (its agreements are exported as agreements of their own)."""
    return parse_dialogue(data, now=now)[0]


def _dialogue(record: Any, where: str) -> Dialogue:
    extra = ("plan", "week", "checked", "kept", "partner")
    fields = known_fields(record, ("id", "uuid", *DIALOGUE_FIELDS, *extra), where)
    kept = {key: fields.pop(key) for key in extra if key in fields}
    if "partner" in kept:
        fields["with"] = kept["partner"]
    talk = _parsed(fields, where, DIALOGUE_FIELDS, _talk_only)
    talk.plan = uuid(kept.get("plan"), f"{where}.plan")
    talk.week = whole_number(kept.get("week", 1), f"{where}.week", *WEEKS_RANGE)
    talk.checked = flag(kept.get("checked", False), f"{where}.checked")
    lines = a_list(kept.get("kept", []), f"{where}.kept")
    talk.kept = [text(key, f"{where}.kept") for key in lines]
    return talk


def _agreement(record: Any, where: str) -> Agreement:
    allowed = ("what", "who", "due", "done", "entry", "followup", "dialogue")
    fields, record_uuid, record_id = _exported(record, where, allowed)
    links = {link: fields.get(link) or "" for link in ("entry", "followup", "dialogue")}
    for link, value in links.items():
        if value:
            uuid(value, f"{where}.{link}")
    done = flag(fields.get("done", False), f"{where}.done")
    said = {key: fields[key] for key in ("what", "who", "due") if key in fields}
    agreement = parse_agreement(said, None)
    agreement.done, agreement.entry, agreement.followup = done, links["entry"], links["followup"]
    agreement.dialogue = links["dialogue"]
    agreement.uuid, agreement.id = record_uuid, record_id
    return agreement


def _support(record: Any, where: str) -> SupportNote:
    return _parsed(record, where, SUPPORT_FIELDS, parse_support)


def _safety_plan(record: Any, where: str) -> SafetyPlan:
    return _parsed(record, where, SAFETY_PLAN_FIELDS, parse_safety_plan)


def _card(record: Any, where: str) -> CardEdit:
    card = _parsed(record, where, CARD_FIELDS, parse_card)
    uuid(card.entry, f"{where}.entry")
    return card


def export_markdown(contents: Contents, content: Content) -> str:
    """Everything, readable, for the user's own keeping (private text included, marked)."""
    from veerkracht.core.reflection import summary

    heading = content.text("exchange", "title")
    parts = [f"# {heading}", "", content.text("exchange", "private_note"), ""]
    empty = content.text("reflect", "fields", "empty")
    by_uuid = {entry.uuid: entry for entry in contents.entries}
    for entry in contents.entries:
        title = content.text("history", "ui", "detail", id=entry.id,
                             date=entry.created.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
        parts += [f"## {title}", ""]
        for step, line in summary(entry.to_record(), content):
            if line != empty:
                title = content.text("reflect", "steps", step, "title")
                parts.append(markdown_item(f"**{title}**: {for_markdown(line)}"))
        parts.append("")
    if contents.followups:
        parts += [f"## {content.text('exchange', 'followups')}", ""]
        for followup in contents.followups:
            about = by_uuid.get(followup.entry)
            parts.append(
                markdown_item(
                    content.text(
                        "exchange",
                        "followup_line",
                        date=followup.created.date().isoformat(),
                        entry=about.id if about else "?",
                        went=followup.went if followup.went is not None else "—",
                        as_feared=followup.as_feared or "—",
                        helped=for_markdown(followup.helped) or "—",
                        next_step=for_markdown(followup.next_step) or "—",
                    )
                )
            )
        parts.append("")
    if contents.agreements:
        parts += [f"## {content.text('exchange', 'agreements')}", ""]
        for agreement in contents.agreements:
            mark = "x" if agreement.done else " "
            due = f" ({agreement.due.isoformat()})" if agreement.due else ""
            who = f" — {for_markdown(agreement.who)}" if agreement.who else ""
            parts.append(markdown_item(f"[{mark}] {for_markdown(agreement.what)}{who}{due}"))
        parts.append("")
    if contents.checkins:
        parts += [f"## {content.text('exchange', 'checkins')}", ""]
        for checkin in contents.checkins:
            texts = [checkin.went_well, checkin.was_hard, checkin.learned, checkin.do_differently]
            said = " · ".join(for_markdown(part) for part in texts if part) or "—"
            levels = f"{checkin.capacity if checkin.capacity is not None else '—'}/" + (
                f"{checkin.load if checkin.load is not None else '—'}"
            )
            parts.append(markdown_item(f"{checkin.created.date().isoformat()} ({levels}): {said}"))
        parts.append("")
    parts += _plans_markdown(contents, content)
    parts += _safety_markdown(contents, content)
    return "\n".join(parts)


def _safety_markdown(contents: Contents, content: Content) -> list[str]:
    """The safety plan, every part as written (the newest; an older one after an import
    comes along too, so nothing is left out of the user's own copy)."""
    parts: list[str] = []
    for plan in contents.safety_plans:
        title = content.text("safetyplan", "ui", "title")
        updated = content.text("safetyplan", "ui", "updated", date=plan.created.date().isoformat())
        parts += [f"## {title} · {updated}", ""]
        for key in SAFETY_ANSWERS:
            said = getattr(plan, key)
            if not said:
                continue
            if key in PROFESSIONAL_FIELDS:
                label = content.text("safetyplan", "professionals", f"short_{key}")
            else:
                label = content.text("safetyplan", "parts", key, "title")
            parts.append(markdown_item(f"**{label}**: {for_markdown(said)}"))
        parts.append("")
    return parts


#: A question's hint in brackets, left out where the question labels an answer.
_HINT = re.compile(r"\s*\([^)]*\)$")


def _plans_markdown(contents: Contents, content: Content) -> list[str]:
    """Each recovery plan with its talks, every field as written (private included)."""
    parts: list[str] = []
    for plan in contents.plans:
        title = content.text("plan", "ui", "title").split("· ")[-1].capitalize()
        since = content.text("plan", "ui", "since", start=plan.start.isoformat())
        parts += [f"## {title} {plan.id} · {since}", ""]
        for key in (*PLAN_FIELDS[2:7], "private"):
            value = getattr(plan, key)
            said = " · ".join(value) if isinstance(value, list) else value
            if said:
                label = _HINT.sub("", content.text("plan", "start", key))
                parts.append(markdown_item(f"**{label}** {for_markdown(said)}"))
        talks = [talk for talk in contents.dialogues if talk.plan == plan.uuid]
        for talk in talks:
            heading = content.text("plan", "dialogue", "heading", week=talk.week)
            parts += ["", f"### {heading} · {talk.created.date().isoformat()}", ""]
            for key in ("with", *DIALOGUE_FIELDS[1:6], "insights", "perspective", "private"):
                value = getattr(talk, "partner" if key == "with" else key)
                said = " · ".join(value) if isinstance(value, list) else value
                if said:
                    label = _HINT.sub("", content.text("plan", "dialogue", key))
                    parts.append(markdown_item(f"**{label}** {for_markdown(said)}"))
        parts.append("")
    return parts
