"""What each flow asks, as data: the reflection's steps, the follow-up, the weekly
check-in and the dialogue talk. The reflection's screen builds its fields from these, and
plain mode (`--plain`) asks them line by line; both save through the same parsers as
`--from`. Also how a typed line becomes an answer (pure: no I/O, no clock)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import INTENSITY_RANGE, OPTIONS, RELATION_KEYS
from veerkracht.core.plan import DIALOGUE_BEFORE, SAFETY_RANGE
from veerkracht.core.records import AS_FEARED, CHECKIN_TEXTS, PILLARS, WENT_RANGE
from veerkracht.core.safety_plan import ANSWERS as SAFETY_ANSWERS
from veerkracht.core.safety_plan import PROFESSIONAL_FIELDS
from veerkracht.core.typed_dates import typed_day
from veerkracht.core.validation import day, text

#: A place in the content: ("reflect", "fields", "intensity").
Path = tuple[str, ...]
#: Asks written in the reflection (the screen's five fields).
ASK_SLOTS = 5
#: Agreements written in a follow-up or a talk (the forms' three rows).
AGREEMENT_ROWS = 3
YES = frozenset({"j", "ja", "y", "yes"})
NO = frozenset({"n", "nee", "no"})
#: Typed to empty an answer given before (when changing it).
CLEAR = "-"


class Unclear(VeerkrachtError):
    """A typed answer that does not fit the question; its words are in plain.toml."""


@dataclass(frozen=True)
class Question:
    """One answer of a flow, by its key in the flow's `--from` file."""

    name: str
    #: The question's words (empty: the step's own question says it).
    label: Path = ()
    #: Cannot be skipped (at least one feeling; how the talk went).
    required: bool = False


@dataclass(frozen=True)
class Choices(Question):
    """Options to pick from: a content group of options.toml, or `keys` with their words
    under `said` (or already written out in `shown`); with `one`, a single one."""

    group: str = ""
    keys: tuple[str, ...] = ()
    said: Path = ()
    shown: tuple[str, ...] = ()
    one: bool = False
    #: A small tip follows each choice (the barriers).
    tips: bool = False

    def options(self) -> tuple[str, ...]:
        return OPTIONS[self.group] if self.group else self.keys


@dataclass(frozen=True)
class Scale(Question):
    """A whole number from `low` to `high`."""

    low: int = INTENSITY_RANGE[0]
    high: int = INTENSITY_RANGE[1]


@dataclass(frozen=True)
class Text(Question):
    """Free text: lines until an empty one (`line`: one line only; `items`: a list, one
    item per line, at most that many)."""

    line: bool = False
    items: int = 0
    #: Only for the user: never in a card, share or report.
    private: bool = False


@dataclass(frozen=True)
class Asks(Question):
    """The concrete asks: one per line, or the number of an example to take over."""

    most: int = ASK_SLOTS


@dataclass(frozen=True)
class YesNo(Question):
    """Yes or no; with `flag`, only a yes is kept (as true)."""

    flag: bool = False


@dataclass(frozen=True)
class Texts(Question):
    """A few words for each of `keys`, each under its own words at `said` + key (+ each
    of `parts`, joined); with `gate`, asked only after a yes to `label`."""

    keys: tuple[str, ...] = ()
    said: Path = ()
    parts: tuple[str, ...] = ()
    gate: bool = False


@dataclass(frozen=True)
class Agreements(Question):
    """What was agreed, who, and by when: up to `rows`."""

    rows: int = AGREEMENT_ROWS


def _field(key: str) -> Path:
    return ("reflect", "fields", key)


#: The reflection, step by step (core/reflection.py: STEPS holds the welcome and summary
#: around these).
REFLECTION: dict[str, tuple[Question, ...]] = {
    "feelings": (
        Choices("feelings", group="feelings", required=True),
        Scale("intensity", _field("intensity")),
        Text("feelings_note", _field("feelings_note")),
    ),
    "triggers": (
        Choices("triggers", group="triggers"),
        Text("triggers_note", _field("triggers_note")),
    ),
    "impact": (Choices("impact", group="impact"), Text("impact_note", _field("impact_note"))),
    "relations": (Texts("relations", keys=RELATION_KEYS, said=("reflect", "fields")),),
    "fear": (Text("fear", _field("fear")),),
    "help": (
        Text("desired_change", _field("desired_change")),
        Choices("support", _field("support"), group="support"),
    ),
    "barriers": (Choices("barriers", group="barriers", tips=True),),
    "audience": (Choices("audience", group="audiences", one=True),),
    "boundaries": (
        Text("share", _field("share")),
        Text("private", _field("private"), private=True),
    ),
    "asks": (Asks("asks", _field("own_asks")),),
}


def followup_questions(asked_about_help: bool) -> tuple[Question, ...]:
    """After the talk; whether you talked to someone about how heavy it was is asked only
    after a reflection that showed the help notice."""
    words = ("after", "followup")
    talked = (YesNo("talked", (*words, "talked")),) if asked_about_help else ()
    return (
        Scale("went", (*words, "went"), required=True, low=WENT_RANGE[0], high=WENT_RANGE[1]),
        Choices("as_feared", (*words, "as_feared"), keys=AS_FEARED, said=words, one=True),
        *talked,
        Text("helped", (*words, "helped")),
        Agreements("agreements", (*words, "agreements")),
        Text("next_step", (*words, "next_step")),
    )


def checkin_questions(open_agreements: Sequence[tuple[str, str]]) -> tuple[Question, ...]:
    """The weekly check-in; `open_agreements` are (id, how it reads) to tick off."""
    words = ("after", "checkin")
    kept: tuple[Question, ...] = ()
    if open_agreements:
        ids, lines = zip(*open_agreements, strict=True)
        kept = (Choices("kept", ("plain", "checkin", "kept"), keys=ids, shown=lines),)
    return (
        *(Text(key, (*words, key)) for key in CHECKIN_TEXTS),
        Scale("capacity", (*words, "capacity")),
        Scale("load", (*words, "load")),
        YesNo("too_much", (*words, "too_much"), flag=True),
        *kept,
        Texts(
            "pillars",
            (*words, "pillars"),
            keys=PILLARS,
            said=("after", "pillars"),
            parts=("label", "question"),
            gate=True,
        ),
    )


def _safety_question(key: str) -> Question:
    if key in PROFESSIONAL_FIELDS:
        return Text(key, ("safetyplan", "professionals", key), line=key != "other_care")
    return Text(key, ("safetyplan", "parts", key, "question"))


#: The safety plan: the seven parts, the fifth as what only the user knows (their GP, the
#: out-of-hours service, other care) beside the fixed numbers.
SAFETY_PLAN: tuple[Question, ...] = tuple(_safety_question(key) for key in SAFETY_ANSWERS)


def _talk(key: str) -> Path:
    return ("plan", "dialogue", key)


#: A dialogue talk of the recovery plan: before it, and after it.
DIALOGUE: dict[str, tuple[Question, ...]] = {
    "before": (
        Text("with", _talk("with"), line=True),
        *(Text(key, _talk(key)) for key in DIALOGUE_BEFORE),
    ),
    "after": (
        Text("insights", _talk("insights"), items=20),
        Text("perspective", _talk("perspective")),
        Agreements("agreements", _talk("agreements")),
        Scale("safety", _talk("safety"), low=SAFETY_RANGE[0], high=SAFETY_RANGE[1]),
        Text("private", _talk("private"), private=True),
    ),
}
#: The sentences of a talk the language check reads as they are written.
SAID_IN_TALK = ("bottleneck", "feeling", "expect_me")


# -- typed answers -------------------------------------------------------------------------


def picked(said: str, keys: Sequence[str], labels: Sequence[str], *, one: bool) -> list[str]:
    """The keys a typed line names: numbers from the list (`1,3` or `1 3`) or the words
    shown (`moe, gespannen`), in the list's order, each once."""
    chosen: set[str] = set()
    for part in (part.strip() for part in said.split(",")):
        if not part:
            continue
        if re.fullmatch(r"\d+(\s+\d+)*", part):
            for number in part.split():
                if not 1 <= int(number) <= len(keys):
                    raise Unclear("not_listed", value=number, count=len(keys))
                chosen.add(keys[int(number) - 1])
            continue
        named = {_plain(label): key for key, label in zip(keys, labels, strict=True)}
        named.update({_plain(key): key for key in keys})
        if _plain(part) not in named:
            raise Unclear("not_listed", value=part, count=len(keys))
        chosen.add(named[_plain(part)])
    if one and len(chosen) > 1:
        raise Unclear("only_one", count=len(keys))
    return [key for key in keys if key in chosen]


def number_in(said: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`."""
    cleaned = said.strip()
    if not cleaned.isdigit() or not low <= int(cleaned) <= high:
        raise Unclear("not_a_number", value=said.strip(), low=low, high=high)
    return int(cleaned)


def means_yes(said: str) -> bool:
    """A yes/no that is no unless the answer is j/ja/y/yes (either language)."""
    return said.strip().lower() in YES


def yes_or_no(said: str) -> bool:
    """j/ja/y/yes or n/nee/no, in either language."""
    if means_yes(said):
        return True
    if said.strip().lower() in NO:
        return False
    raise Unclear("not_yes_no")


def date_in(said: str, example: date, today: date) -> str:
    """An ISO date, as a file would hold it, from a date typed as people say it."""
    try:
        found = day(typed_day(said.strip(), today), "due")
    except ValidationError:
        raise Unclear("not_a_date", value=said.strip(), example=example.isoformat()) from None
    return found.isoformat() if found else ""


def written(lines: Sequence[str]) -> str:
    """Lines typed for one answer: newlines kept, the ends trimmed as a form trims them."""
    try:
        return text("\n".join(lines), "text")
    except ValidationError as error:
        raise Unclear(error.code, **error.params) from None


def _plain(words: str) -> str:
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


# -- answers as a file holds them ----------------------------------------------------------


def is_empty(value: Any) -> bool:
    return value in (None, "", [], {})


def put(answers: dict[str, Any], name: str, value: Any) -> None:
    """Set an answer, or leave it out when empty (as the screens' drafts do)."""
    if is_empty(value):
        answers.pop(name, None)
    else:
        answers[name] = value
