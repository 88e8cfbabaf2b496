"""Free-text search in the user's own history. Every word of the query must occur (AND),
in any case and with or without accents, somewhere in a reflection: its answers and
notes (the private text too, for history is the user's own view), the names of the
options chosen, its follow-ups and their agreements. Check-ins are searched the same way.
Notes written to support someone else (`support`) are never searched: they are about
another person. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from veerkracht.core.model import OPTIONS, RELATION_KEYS, Entry
from veerkracht.core.plaintext import fold
from veerkracht.core.records import CHECKIN_TEXTS, Agreement, CheckIn, FollowUp

SNIPPET_WIDTH = 60
PRIVATE = "private"
#: An entry's own words, in the order a snippet prefers them (private text last).
_ENTRY_TEXTS = ("feelings_note", "triggers_note", "impact_note")
_ENTRY_TEXTS_AFTER = ("desired_change", "share", "fear")
#: Option groups whose names (in the user's language) are searched too.
_NAMED = ("feelings", "triggers", "impact", "support", "barriers")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Punctuation around a typed word that is not part of it.
_EDGES = "\"'“”„‘’«»()[]{}<>.,;:!?…*_-"

#: The name people see for an option: (group, key) -> label.
Label = Callable[[str, str], str]
Fields = list[tuple[str, str]]
_Record = TypeVar("_Record", Entry, CheckIn)


@dataclass(frozen=True)
class Query:
    """The words to find, folded (lower case, no accents), each once; `said` is the
    query as typed, one space between words, for showing it back."""

    words: tuple[str, ...]
    said: str = ""

    @classmethod
    def parse(cls, text: str) -> Query:
        words: list[str] = []
        for word in fold(text).split():
            word = word.strip(_EDGES)
            if word and word not in words:
                words.append(word)
        return cls(tuple(words), " ".join(text.split()))

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, folded: str) -> bool:
        return all(word in folded for word in self.words)


@dataclass(frozen=True)
class Snippet:
    """A short piece of a field's text (one line, `…` where it was cut) and where the
    query's words stand in it, as (start, end) offsets."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Found:
    """Where a record matches best: the field's stable key (`triggers_note`,
    `relations.drains`, `asks`, `followup.helped`, `agreement.what`, `feelings` for the
    names of the options chosen, `was_hard`, `pillars.trust`, …) and a snippet of it."""

    field: str
    snippet: Snippet

    @property
    def private(self) -> bool:
        """The user's private text: named, never quoted, in anything printed."""
        return self.field == PRIVATE


@dataclass(frozen=True)
class Results:
    """What a search found: the entries and check-ins holding every word, in order."""

    query: Query
    entries: list[Entry]
    checkins: list[CheckIn]
    index: SearchIndex

    def where(self, record: Entry | CheckIn) -> Found | None:
        return self.index.where(self.query, record)


class SearchIndex:
    """The user's words per reflection and check-in, folded once per record and searched
    as often as the query changes (the dashboard searches on every key)."""

    def __init__(
        self,
        followups: Iterable[FollowUp] = (),
        agreements: Iterable[Agreement] = (),
        label: Label | None = None,
    ) -> None:
        self._followups: dict[str, list[FollowUp]] = {}
        for followup in followups:
            self._followups.setdefault(followup.entry, []).append(followup)
        self._agreements: dict[str, list[Agreement]] = {}
        for agreement in agreements:
            if agreement.entry:
                self._agreements.setdefault(agreement.entry, []).append(agreement)
        #: The names of the options, looked up once: {group: {key: name}}.
        self._names = {
            group: {key: label(group, key) for key in OPTIONS[group]}
            for group in _NAMED
            if label is not None
        }
        self._folded: dict[str, str] = {}

    def prepare(self, records: Iterable[Entry | CheckIn]) -> None:
        """Fold the words of `records` now, so the first search need not."""
        for record in records:
            self._haystack(record)

    def search(
        self, query: Query, entries: Iterable[Entry], checkins: Iterable[CheckIn] = ()
    ) -> Results:
        return Results(query, self.entries(query, entries), self.checkins(query, checkins), self)

    def entries(self, query: Query, entries: Iterable[Entry]) -> list[Entry]:
        """The entries holding every word of `query`, in their order."""
        return self._holding(query, entries)

    def checkins(self, query: Query, checkins: Iterable[CheckIn]) -> list[CheckIn]:
        """The check-ins holding every word of `query`, in their order."""
        return self._holding(query, checkins)

    def _holding(self, query: Query, records: Iterable[_Record]) -> list[_Record]:
        return self.partition(query, records)[0]

    def partition(
        self, query: Query, records: Iterable[_Record]
    ) -> tuple[list[_Record], list[_Record]]:
        """The records holding every word of `query`, and the others, in their order."""
        folded, haystack, words = self._folded, self._haystack, query.words
        holding: list[_Record] = []
        others: list[_Record] = []
        if len(words) == 1:  # as you type: one new word, looked for the fastest way
            (word,) = words
            for record in records:
                (
                    holding if word in (folded.get(record.uuid) or haystack(record)) else others
                ).append(record)
        else:
            for record in records:
                (
                    holding
                    if query.matches(folded.get(record.uuid) or haystack(record))
                    else others
                ).append(record)
        return holding, others

    def where(self, query: Query, record: Entry | CheckIn) -> Found | None:
        """The field holding the most of the query's words (the first such field), with a
        snippet around the first word found; None when no field holds any."""
        best, most = None, 0
        for name, text in self.fields(record):
            folded = fold(text)
            found = sum(word in folded for word in query.words)
            if found > most:
                best, most = (name, text), found
        if best is None:
            return None
        return Found(best[0], snippet(best[1], query.words))

    def fields(self, record: Entry | CheckIn) -> Fields:
        """Every piece of text searched for `record`, as (field, text)."""
        if isinstance(record, CheckIn):
            return _checkin_fields(record)
        return self._entry_fields(record)

    def _entry_fields(self, entry: Entry) -> Fields:
        fields = [(name, getattr(entry, name)) for name in _ENTRY_TEXTS]
        fields += [
            (f"relations.{key}", entry.relations[key])
            for key in RELATION_KEYS
            if key in entry.relations
        ]
        fields += [(name, getattr(entry, name)) for name in _ENTRY_TEXTS_AFTER]
        fields += [("asks", ask) for ask in entry.asks]
        for followup in self._followups.get(entry.uuid, ()):
            fields += [("followup.helped", followup.helped)]
            fields += [("followup.next_step", followup.next_step)]
        for agreement in self._agreements.get(entry.uuid, ()):
            fields += [("agreement.what", agreement.what), ("agreement.who", agreement.who)]
        for group, names in self._names.items():
            chosen = getattr(entry, group)
            if chosen:
                fields.append((group, ", ".join([names.get(key, key) for key in chosen])))
        fields.append((PRIVATE, entry.private))
        return [(name, text) for name, text in fields if text]

    def _haystack(self, record: Entry | CheckIn) -> str:
        folded = self._folded.get(record.uuid)
        if folded is None:
            folded = fold("\n".join(text for _, text in self.fields(record)))
            self._folded[record.uuid] = folded
        return folded


def _checkin_fields(checkin: CheckIn) -> Fields:
    fields = [(name, getattr(checkin, name)) for name in CHECKIN_TEXTS]
    fields += [(f"pillars.{key}", text) for key, text in checkin.pillars.items()]
    return [(name, text) for name, text in fields if text]


def snippet(text: str, words: Sequence[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """About `width` characters of `text` on one line around the first of `words` in it
    (cut between words, `…` where cut), with every place a word stands marked."""
    flat = " ".join(text.split())
    folded, where = _folded_with_places(flat)
    found = sorted((at, word) for word in words if (at := folded.find(word)) >= 0)
    start, end = 0, 0
    if found:
        at, word = found[0]
        start, end = where[at], where[at + len(word) - 1] + 1
    begin = max(0, start - max(0, width - (end - start)) // 3)
    stop = min(len(flat), begin + width)
    begin = max(0, min(begin, stop - width))
    if begin > 0 and (space := flat.find(" ", begin, start)) != -1:
        begin = space + 1
    if stop < len(flat) and (space := flat.rfind(" ", end, stop)) != -1:
        stop = space
    lead = "…" if begin > 0 else ""
    piece = lead + flat[begin:stop] + ("…" if stop < len(flat) else "")
    return Snippet(piece, _marks(piece, words))


def _marks(piece: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    folded, where = _folded_with_places(piece)
    marks = set()
    for word in words:
        at = folded.find(word)
        while at >= 0:
            marks.add((where[at], where[at + len(word) - 1] + 1))
            at = folded.find(word, at + 1)
    return tuple(sorted(marks))


def _folded_with_places(text: str) -> tuple[str, Sequence[int]]:
    """`text` folded, and for each folded character the place in `text` it came from.
    ASCII stays in place; only other characters are folded one by one."""
    if text.isascii():
        return fold(text), range(len(text))
    parts: list[str] = []
    where: list[int] = []
    done = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        parts.append(fold(text[done:start]))
        where.extend(range(done, start))
        for index in range(start, end):
            folded = fold(text[index])
            parts.append(folded)
            where.extend([index] * len(folded))
        done = end
    parts.append(fold(text[done:]))
    where.extend(range(done, len(text)))
    return "".join(parts), where
