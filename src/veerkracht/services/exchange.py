"""Export everything for the user's own backup, and import it again: all or nothing,
merged by uuid, never duplicated."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from veerkracht.content import Content
from veerkracht.core.cards import CARD_FIELDS, CardEdit, parse_card
from veerkracht.core.errors import ValidationError, printable
from veerkracht.core.model import (
    ANSWER_FIELDS,
    Entry,
    flag,
    moment,
    parse_answers,
    text,
    whole_number,
)
from veerkracht.core.records import (
    AS_FEARED,
    CHECKIN_FIELDS,
    WENT_RANGE,
    Agreement,
    CheckIn,
    FollowUp,
    parse_agreement,
    parse_checkin,
)
from veerkracht.core.support_note import SUPPORT_FIELDS, SupportNote, parse_support
from veerkracht.core.textsafe import for_markdown
from veerkracht.render.cards import markdown_item
from veerkracht.store.store import Contents

FORMAT = "veerkracht-export"
VERSION = 1
KINDS = ("entries", "followups", "checkins", "agreements", "supports", "cards")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_ID = re.compile(r"[0-9]{1,18}")
T = TypeVar("T")


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
    }


@dataclass
class ImportSet:
    """Everything in an export file, validated."""

    entries: list[Entry] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    supports: list[SupportNote] = field(default_factory=list)
    cards: list[CardEdit] = field(default_factory=list)


def parse_export(data: Any) -> ImportSet:
    """Validate a whole export file before anything is written; refusals name the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("not_an_object", field="")
    if data.get("format") != FORMAT:
        raise ValidationError("not_an_export", field="format", expected=FORMAT)
    if data.get("version") != VERSION:
        raise ValidationError("export_version", field="version", value=repr(data.get("version")))
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
    ):
        records = data.get(kind, [])
        if not isinstance(records, list):
            raise ValidationError("not_a_list", field=kind)
        getattr(found, kind).extend(
            parse(record, f"{kind}[{index}]") for index, record in enumerate(records)
        )
    return found


def _identity(record: Mapping[str, Any], where: str) -> tuple[str, str]:
    uuid, short_id = record.get("uuid"), record.get("id")
    if not isinstance(uuid, str) or not _UUID.fullmatch(uuid):
        raise ValidationError("bad_uuid", field=f"{where}.uuid")
    if not isinstance(short_id, str) or not _ID.fullmatch(short_id):
        raise ValidationError("bad_id", field=f"{where}.id")
    return uuid, short_id


def _object(record: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(record, Mapping):
        raise ValidationError("field_not_object", field=where)
    for key in record:
        if key not in allowed:
            raise ValidationError(
                "unknown_field", field=f"{where}.{printable(key)}", allowed=", ".join(allowed)
            )
    return dict(record)


def _parsed(record: Any, where: str, allowed: tuple[str, ...], parse: Callable[..., T]) -> T:
    """A record checked by the parser of its own kind (the one `--from` files use), with
    its uuid, id and date kept and every refusal named inside the record."""
    values = _object(record, where, ("id", "uuid", *allowed))
    uuid, short_id = _identity(values, where)
    if values.get("created") is None:  # an exported record keeps its own date
        raise ValidationError("required_text", field=f"{where}.created")
    created = moment(values["created"], f"{where}.created")
    try:
        fields = {key: value for key, value in values.items() if key not in ("id", "uuid")}
        parsed = parse(fields, now=created)
    except ValidationError as error:
        raise _within(error, where) from None
    parsed.uuid, parsed.id = uuid, short_id  # type: ignore[attr-defined]
    return parsed


def _entry(record: Any, where: str) -> Entry:
    return _parsed(record, where, ANSWER_FIELDS, parse_answers)


def _followup(record: Any, where: str) -> FollowUp:
    allowed = (
        "id", "uuid", "entry", "created", "went", "as_feared", "helped", "next_step", "talked",
    )  # fmt: skip
    values = _object(record, where, allowed)
    uuid, short_id = _identity(values, where)
    entry = values.get("entry")
    if not isinstance(entry, str) or not _UUID.fullmatch(entry):
        raise ValidationError("bad_uuid", field=f"{where}.entry")
    went = values.get("went")
    as_feared = values.get("as_feared")
    if as_feared is not None and as_feared not in AS_FEARED:
        raise ValidationError(
            "unknown_option", field=f"{where}.as_feared", value=repr(as_feared)[:40],
            allowed=", ".join(AS_FEARED),
        )  # fmt: skip
    return FollowUp(
        entry=entry,
        created=moment(values.get("created"), f"{where}.created"),
        went=None if went is None else whole_number(went, f"{where}.went", *WENT_RANGE),
        as_feared=as_feared,
        helped=text(values.get("helped") or "", f"{where}.helped"),
        next_step=text(values.get("next_step") or "", f"{where}.next_step"),
        talked=None if values.get("talked") is None else flag(values["talked"], f"{where}.talked"),
        uuid=uuid,
        id=short_id,
    )


def _checkin(record: Any, where: str) -> CheckIn:
    return _parsed(record, where, CHECKIN_FIELDS, parse_checkin)


def _agreement(record: Any, where: str) -> Agreement:
    values = _object(
        record, where, ("id", "uuid", "what", "who", "due", "done", "entry", "followup")
    )
    uuid, short_id = _identity(values, where)
    for link in ("entry", "followup"):
        value = values.get(link) or ""
        if value and not (isinstance(value, str) and _UUID.fullmatch(value)):
            raise ValidationError("bad_uuid", field=f"{where}.{link}")
    done = values.get("done", False)
    if not isinstance(done, bool):
        raise ValidationError("not_a_bool", field=f"{where}.done")
    fields = {key: values.get(key) for key in ("what", "who", "due")}
    agreement = parse_agreement({k: v for k, v in fields.items() if v is not None}, None)
    agreement.done, agreement.entry = done, values.get("entry") or ""
    agreement.followup, agreement.uuid, agreement.id = values.get("followup") or "", uuid, short_id
    return agreement


def _support(record: Any, where: str) -> SupportNote:
    return _parsed(record, where, SUPPORT_FIELDS, parse_support)


def _card(record: Any, where: str) -> CardEdit:
    card = _parsed(record, where, CARD_FIELDS, parse_card)
    if not _UUID.fullmatch(card.entry):
        raise ValidationError("bad_uuid", field=f"{where}.entry")
    return card


def _within(error: ValidationError, where: str) -> ValidationError:
    """The same refusal, with the field named inside its record."""
    field_name = f"{where}.{error.field}" if error.field else where
    return ValidationError(error.code, **{**error.params, "field": field_name})


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
    return "\n".join(parts)
