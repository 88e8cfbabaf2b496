"""The history as both faces show it: the store's records read once, the filters and
the search applied, and the patterns of what is left. `history` prints one view; the
dashboard asks for a new one on every keystroke without reading the store again, so a
view costs what changed: a search that only adds letters looks within what the last one
found, and the patterns of most of the history are those of all of it less the records
left out (`core/tally.py`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from veerkracht.core.model import Entry
from veerkracht.core.patterns import Filters, summarize
from veerkracht.core.records import CheckIn
from veerkracht.core.search import Found, Query, Results, SearchIndex
from veerkracht.core.tally import Tally
from veerkracht.store.store import Contents, Store

#: How many searches are kept for going back (a backspace, a word taken away).
KEPT_SEARCHES = 32


@dataclass(frozen=True)
class HistoryView:
    """What passes the filters and the search, oldest first, and its patterns."""

    entries: list[Entry]
    checkins: list[CheckIn]
    patterns: dict[str, Any]
    #: The search's results (None without a search): where each record matched.
    found: Results | None


class History:
    """A store's records for looking back; filtering and searching work in memory."""

    def __init__(self, contents: Contents, label: Callable[[str, str], str]) -> None:
        self.contents = contents
        self.label = label
        self._index: SearchIndex | None = None
        self._tally: Tally | None = None
        #: The last searches, newest last: their filters, what each found and the tally
        #: of its entries (a backspace finds the search before it here).
        self._searched: dict[tuple[Filters, tuple[str, ...]], tuple[Results, Tally]] = {}

    @classmethod
    def read(cls, store: Store, label: Callable[[str, str], str]) -> History:
        return cls(store.contents(), label)

    @property
    def entries(self) -> list[Entry]:
        """Every reflection, oldest first."""
        return self.contents.entries

    @property
    def index(self) -> SearchIndex:
        """Built on the first search: its words are folded once."""
        if self._index is None:
            self._index = SearchIndex(self.contents.followups, self.contents.agreements, self.label)
        return self._index

    def prepare_search(self) -> None:
        """Every record's words folded, before the first key of a search is typed."""
        self.index.prepare([*self.contents.entries, *self.contents.checkins])

    def view(self, filters: Filters, query: Query | None, today: date) -> HistoryView:
        """The entries and check-ins within `filters` that hold every word of `query`,
        and their patterns up to the filter's end (else `today`)."""
        contents = self.contents
        found = None
        if query:
            found, tally = self.search(filters, query)
            entries, checkins = found.entries, found.checkins
        else:
            entries = filters.apply(contents.entries)
            checkins = filters.apply_dates(contents.checkins)
            tally = self.tally_of(entries)
        patterns = summarize(
            entries, filters.until or today, contents.followups, contents.agreements, checkins,
            tally,
        )  # fmt: skip
        return HistoryView(entries, checkins, patterns, found)

    def search(self, filters: Filters, query: Query) -> tuple[Results, Tally]:
        """The search within `filters`, and the tally of the entries it found. When each
        word of the last search is part of a word of `query` (what holds the longer words
        holds those), only the last results are looked in, for the words not looked for
        yet, and the tally is the last one less the entries that dropped out."""
        key = (filters, query.words)
        if key in self._searched:
            before, tally = self._searched.pop(key)
            found = Results(query, before.entries, before.checkins, before.index)
            self._searched[key] = (found, tally)
            return found, tally
        index, last = self.index, next(reversed(self._searched.items()), None)
        if last is not None and last[0][0] == filters and _narrows(last[1][0].query, query):
            before, tally = last[1]
            new = Query(tuple(word for word in query.words if word not in before.query.words))
            entries, checkins = before.entries, before.checkins
            if new:
                entries, dropped = index.partition(new, entries)
                checkins = index.checkins(new, checkins)
                tally = tally.without(dropped) if dropped else tally
        else:
            entries = index.entries(query, filters.apply(self.contents.entries))
            checkins = index.checkins(query, filters.apply_dates(self.contents.checkins))
            tally = self.tally_of(entries)
        found = Results(query, entries, checkins, index)
        self._searched[key] = (found, tally)
        while len(self._searched) > KEPT_SEARCHES:
            del self._searched[next(iter(self._searched))]
        return found, tally

    def tally_of(self, entries: list[Entry]) -> Tally:
        """The tally of `entries` (some of the history's, in its order): once every entry
        has been tallied (the dashboard's first view), most of them are tallied as all of
        them less those left out; else they are counted."""
        everything = self.contents.entries
        if len(entries) == len(everything):
            if self._tally is None:
                self._tally = Tally.of(everything)
            return self._tally
        if self._tally is None or len(entries) * 2 <= len(everything):
            return Tally.of(entries)
        kept = set(map(id, entries))
        return self._tally.without([entry for entry in everything if id(entry) not in kept])

    def where(self, query: Query, entry: Entry) -> Found | None:
        """Where the search's words stand in `entry` (None: nowhere)."""
        return self.index.where(query, entry)


def _narrows(before: Query, after: Query) -> bool:
    """Whatever holds every word of `after` holds every word of `before`."""
    return all(any(word in longer for longer in after.words) for word in before.words)
