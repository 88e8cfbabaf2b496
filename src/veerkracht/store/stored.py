"""What a stored record may look like, checked on every read, by readers and writers
alike: a file that is not what this version writes is named as damaged and never
written over. Plain predicates per field, fast enough for 10,000 entries per read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from veerkracht.core.model import MAX_ASKS, OPTIONS, RELATION_KEYS
from veerkracht.core.plan import MAX_ITEMS, ROLES, STATUSES
from veerkracht.core.records import AS_FEARED, PILLARS
from veerkracht.core.safety_plan import ANSWERS as SAFETY_ANSWERS
from veerkracht.core.validation import MAX_TEXT

Check = Callable[[Any], bool]


def is_text(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_TEXT


def is_short_id(value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 36


def is_link(value: Any) -> bool:
    """A uuid linking to another record, or empty (an agreement made outside a talk)."""
    return value == "" or is_uuid(value)


def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_moment(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def is_day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def number(low: int, high: int) -> Check:
    def check(value: Any) -> bool:
        return type(value) is int and low <= value <= high

    return check


def optional(check: Check) -> Check:
    def maybe(value: Any) -> bool:
        return value is None or check(value)

    return maybe


def key_of(group: str) -> Check:
    allowed = frozenset(OPTIONS[group])
    return lambda value: isinstance(value, str) and value in allowed


def one_of(*allowed: Any) -> Check:
    return lambda value: value in allowed


def keys_of(group: str, *, at_least_one: bool = False) -> Check:
    allowed = frozenset(OPTIONS[group])

    def check(value: Any) -> bool:
        if type(value) is not list or (at_least_one and not value):
            return False
        try:
            return allowed.issuperset(value)
        except TypeError:  # a list or a dict where a key should be
            return False

    return check


def texts(limit: int) -> Check:
    return lambda value: type(value) is list and len(value) <= limit and all(map(is_text, value))


def text_map(keys: tuple[str, ...] | None = None) -> Check:
    def check(value: Any) -> bool:
        return isinstance(value, Mapping) and all(
            isinstance(key, str) and (keys is None or key in keys) and is_text(text)
            for key, text in value.items()
        )

    return check


def lines_map(value: Any) -> bool:
    """An edited card's lines: section → list of texts."""
    return isinstance(value, Mapping) and all(
        isinstance(key, str) and isinstance(lines, list) and all(map(is_text, lines))
        for key, lines in value.items()
    )


def positions_map(value: Any) -> bool:
    return isinstance(value, Mapping) and all(
        isinstance(key, str)
        and isinstance(found, list)
        and all(type(index) is int and index >= 0 for index in found)
        for key, found in value.items()
    )


def keys_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(key, str) for key in value)


def people(value: Any) -> bool:
    return type(value) is list and all(
        isinstance(person, Mapping)
        and person.keys() <= {"role", "name"}
        and person.get("role") in ROLES
        and is_text(person.get("name", ""))
        for person in value
    )


def pauses(value: Any) -> bool:
    return type(value) is list and all(
        isinstance(pause, Mapping)
        and pause.keys() == {"from", "to"}
        and is_day(pause["from"])
        and (pause["to"] == "" or is_day(pause["to"]))
        for pause in value
    )


def evaluation(value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    if not value:
        return True
    return (
        value.keys() <= {"pillars", "holding", "next", "created"}
        and text_map(PILLARS)(value.get("pillars", {}))
        and is_text(value.get("holding", ""))
        and is_text(value.get("next", ""))
        and is_moment(value.get("created"))
    )


_IDENTITY = {"id": is_short_id, "uuid": is_uuid}

#: Per table: every field a record may hold, and whether it must be there.
SCHEMAS: dict[str, dict[str, tuple[Check, bool]]] = {
    "entries": {
        "created": (is_moment, True),
        "feelings": (keys_of("feelings", at_least_one=True), True),
        "intensity": (optional(number(0, 10)), False),
        "feelings_note": (is_text, False),
        "triggers": (keys_of("triggers"), False),
        "triggers_note": (is_text, False),
        "impact": (keys_of("impact"), False),
        "impact_note": (is_text, False),
        "relations": (text_map(RELATION_KEYS), False),
        "desired_change": (is_text, False),
        "support": (keys_of("support"), False),
        "barriers": (keys_of("barriers"), False),
        "audience": (optional(key_of("audiences")), False),
        "share": (is_text, False),
        "private": (is_text, False),
        "asks": (texts(MAX_ASKS), False),
        "fear": (is_text, False),
        "help_notice": (is_bool, False),
    },
    "followups": {
        "entry": (is_link, True),
        "created": (is_moment, True),
        "went": (optional(number(1, 5)), False),
        "as_feared": (optional(one_of(*AS_FEARED)), False),
        "helped": (is_text, False),
        "next_step": (is_text, False),
        "talked": (optional(is_bool), False),
    },
    "agreements": {
        "what": (is_text, True),
        "who": (is_text, False),
        "due": (optional(is_day), False),
        "done": (is_bool, False),
        "entry": (is_link, False),
        "followup": (is_link, False),
        "dialogue": (is_link, False),
    },
    "checkins": {
        "created": (is_moment, True),
        "went_well": (is_text, False),
        "was_hard": (is_text, False),
        "learned": (is_text, False),
        "do_differently": (is_text, False),
        "capacity": (optional(number(0, 10)), False),
        "load": (optional(number(0, 10)), False),
        "pillars": (text_map(PILLARS), False),
        "too_much": (is_bool, False),
        "plan": (is_link, False),
        "week": (optional(number(1, 26)), False),
    },
    "plans": {
        "start": (is_day, True),
        "created": (is_moment, True),
        "weeks": (number(1, 26), True),
        "goals": (texts(MAX_ITEMS), False),
        "keeps_me_well": (texts(MAX_ITEMS), False),
        "early_signs": (texts(MAX_ITEMS), False),
        "others_can_do": (texts(MAX_ITEMS), False),
        "adjustments": (texts(MAX_ITEMS), False),
        "review": (optional(is_day), False),
        "people": (people, False),
        "private": (is_text, False),
        "status": (one_of(*STATUSES), True),
        "pauses": (pauses, False),
        "evaluation": (evaluation, False),
    },
    "dialogues": {
        "plan": (is_uuid, True),
        "created": (is_moment, True),
        "week": (number(1, 26), True),
        "partner": (is_text, False),
        "understand": (is_text, False),
        "bottleneck": (is_text, False),
        "expect_me": (is_text, False),
        "expect_other": (is_text, False),
        "feeling": (is_text, False),
        "insights": (texts(MAX_ITEMS), False),
        "perspective": (is_text, False),
        "safety": (optional(number(1, 5)), False),
        "private": (is_text, False),
        "checked": (is_bool, False),
        "kept": (keys_list, False),
    },
    "supports": {
        "created": (is_moment, True),
        "role": (one_of("colleague", "manager"), False),
        "name": (is_text, False),
        "signals": (keys_list, False),
        "noticed": (is_text, False),
        "hybrid": (is_bool, False),
        "answers": (text_map(), False),
    },
    "safety_plans": {
        "created": (is_moment, True),
        **dict.fromkeys(SAFETY_ANSWERS, (is_text, False)),
    },
    "cards": {
        "entry": (is_uuid, True),
        "audience": (key_of("audiences"), True),
        "lang": (one_of("nl", "en"), True),
        "created": (is_moment, True),
        "lines": (lines_map, False),
        "enabled": (keys_list, False),
        "off": (positions_map, False),
    },
}


def problem(tables: Mapping[str, Any]) -> str | None:
    """What is wrong with the records of a store, or None when every record is one this
    version writes (tables it does not know, like `meta`, are left alone)."""
    for table, schema in SCHEMAS.items():
        records = tables.get(table, {})
        if not isinstance(records, Mapping):
            return f"{table} is not a table"
        checks, texts_, required = _compiled(schema)
        for doc_id, record in records.items():
            if type(record) is not dict and not isinstance(record, Mapping):
                return f"{table}/{doc_id} is not a record"
            found = _record_problem(record, checks, texts_, required)
            if found:
                return f"{table}/{doc_id}: {found}"
    return None


def _record_problem(
    record: Mapping[str, Any],
    checks: dict[str, Check],
    plain_texts: frozenset[str],
    required: frozenset[str],
) -> str:
    """The first field of `record` that is wrong, or missing ones; "" when it is right.
    Plain text fields, most of a record, are checked here without a call per field."""
    if not required <= record.keys():
        return ", ".join(sorted(required - record.keys()))
    for name, value in record.items():
        if name in plain_texts:
            if type(value) is str and len(value) <= MAX_TEXT:
                continue
            return name
        check = checks.get(name)
        if check is None or not check(value):
            return name
    return ""


_COMPILED: dict[int, tuple[dict[str, Check], frozenset[str], frozenset[str]]] = {}


def _compiled(
    schema: dict[str, tuple[Check, bool]],
) -> tuple[dict[str, Check], frozenset[str], frozenset[str]]:
    """A table's checks by field (identity included), the fields that are plain text
    (`is_text`), and the fields it must have."""
    found = _COMPILED.get(id(schema))
    if found is None:
        checks = {**_IDENTITY, **{name: check for name, (check, _) in schema.items()}}
        plain_texts = frozenset(name for name, check in checks.items() if check is is_text)
        required = frozenset(_IDENTITY) | {name for name, (_, must) in schema.items() if must}
        found = _COMPILED[id(schema)] = (checks, plain_texts, required)
    return found
