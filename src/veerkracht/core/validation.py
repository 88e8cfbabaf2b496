"""Checking what people and files hand us, field by field: one place for every rule a
refusal names (the field, what was given, what is allowed), used by every parser
(`--from` files, imports, edited cards). Messages live in content/messages.toml."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from veerkracht.core import zone
from veerkracht.core.errors import ValidationError, printable

#: Free text is kept whole up to this many characters.
MAX_TEXT = 5_000
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHORT_ID = re.compile(r"[0-9]{1,18}")


def shown(value: Any) -> str:
    """A refused value as a message shows it: its repr, control characters escaped,
    cut short."""
    return printable(repr(value))


def known_fields(data: Any, allowed: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    """The fields of an object (a file, or the object at `prefix` inside one), refusing
    unknown ones by name; null means not given."""
    if not isinstance(data, Mapping):
        if prefix:
            raise ValidationError("field_not_object", field=prefix)
        raise ValidationError("not_an_object", field="")
    for key in data:
        if key not in allowed:
            name = f"{prefix}.{printable(key)}" if prefix else printable(key)
            raise ValidationError("unknown_field", field=name, allowed=", ".join(allowed))
    return {key: value for key, value in data.items() if value is not None}


def flag(value: Any, name: str) -> bool:
    """A true/false answer."""
    if not isinstance(value, bool):
        raise ValidationError("not_a_bool", field=name)
    return value


def one_of(value: Any, name: str, allowed: tuple[Any, ...]) -> Any:
    """One of `allowed` (stable keys, languages, roles)."""
    if isinstance(value, bool) or value not in allowed:
        raise ValidationError(
            "unknown_option", field=name, value=shown(value), allowed=", ".join(map(str, allowed))
        )
    return value


def a_list(value: Any, name: str, most: int | None = None) -> list[Any]:
    """A list (never a string), at most `most` long."""
    if isinstance(value, str) or not isinstance(value, list):
        raise ValidationError("not_a_list", field=name)
    if most is not None and len(value) > most:
        raise ValidationError("too_many", field=name, max=most)
    return value


def keys_of(value: Any, name: str, allowed: tuple[str, ...]) -> list[str]:
    """A list of keys from `allowed`, duplicates dropped, order kept."""
    return list(dict.fromkeys(one_of(item, name, allowed) for item in a_list(value, name)))


def text(value: Any, name: str) -> str:
    """Free text as the user wrote it, trimmed at the ends."""
    if not isinstance(value, str):
        raise ValidationError("not_text", field=name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from JSON's \ud800 escapes
        raise ValidationError("not_text", field=name) from None
    if len(value) > MAX_TEXT:
        raise ValidationError("too_long", field=name, max=MAX_TEXT)
    return value.strip()


def texts(value: Any, name: str, most: int) -> list[str]:
    """A list of free texts (asks, lines), empty ones dropped."""
    items = a_list(value, name, most)
    checked = [text(item, f"{name}[{index}]") for index, item in enumerate(items)]
    return [item for item in checked if item]


def text_map(value: Any, name: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """A mapping of known keys to free text (relations, pillars, answers); empty texts
    are left out."""
    if not isinstance(value, Mapping):
        raise ValidationError("field_not_object", field=name)
    found = {}
    for key, note in value.items():
        if key not in allowed:
            raise ValidationError(
                "unknown_field", field=f"{name}.{printable(key)}", allowed=", ".join(allowed)
            )
        if note is not None and (cleaned := text(note, f"{name}.{key}")):
            found[key] = cleaned
    return found


def whole_number(value: Any, name: str, low: int, high: int) -> int:
    """An integer within [low, high]; booleans and fractions are refused."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError("out_of_range", field=name, value=shown(value), low=low, high=high)
    return value


def moment(value: Any, name: str) -> datetime:
    """An ISO 8601 date or date-time; a time without offset is taken as local time."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError("not_a_datetime", field=name, value=shown(value)) from None
    else:
        raise ValidationError("not_a_datetime", field=name, value=shown(value))
    try:
        return parsed if parsed.tzinfo else zone.local(parsed)
    except (OverflowError, OSError, ValueError):
        raise ValidationError("not_a_datetime", field=name, value=shown(value)) from None


def day(value: Any, name: str) -> date | None:
    """An ISO date (a due date); empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError("not_a_date", field=name, value=shown(value))


def uuid(value: Any, name: str) -> str:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise ValidationError("bad_uuid", field=name)
    return value


def short_id(value: Any, name: str) -> str:
    if not isinstance(value, str) or not _SHORT_ID.fullmatch(value):
        raise ValidationError("bad_id", field=name)
    return value


def within(error: ValidationError, where: str) -> ValidationError:
    """The same refusal, with the field named inside its record (`entries[3].feelings`)."""
    field_name = f"{where}.{error.field}" if error.field else where
    return ValidationError(error.code, **{**error.params, "field": field_name})
