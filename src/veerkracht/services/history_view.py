"""The history as both faces show it: the store's records read once, the filters and
the search applied, and the patterns of what is left. `history` prints one view; the
dashboard asks for a new one on every keystroke without reading the store again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from veerkracht.core.model import Entry
from veerkracht.core.patterns import Filters, summarize
from veerkracht.core.records import CheckIn
from veerkracht.core.search import Found, Query, Results, SearchIndex
from veerkracht.store.store import Contents, Store


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

    def view(self, filters: Filters, query: Query | None, today: date) -> HistoryView:
        """The entries and check-ins within `filters` that hold every word of `query`,
        and their patterns up to the filter's end (else `today`)."""
        contents = self.contents
        entries = filters.apply(contents.entries)
        checkins = filters.apply_dates(contents.checkins)
        found = None
        if query:
            found = self.index.search(query, entries, checkins)
            entries, checkins = found.entries, found.checkins
        patterns = summarize(
            entries, filters.until or today, contents.followups, contents.agreements, checkins
        )
        return HistoryView(entries, checkins, patterns, found)

    def where(self, query: Query, entry: Entry) -> Found | None:
        """Where the search's words stand in `entry` (None: nowhere)."""
        return self.index.where(query, entry)
