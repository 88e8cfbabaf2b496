"""The history view both faces show: filters, the search and the patterns of what is
left, from one read of the store."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import NOW
from veerkracht.content import Content
from veerkracht.core.model import parse_answers
from veerkracht.core.patterns import Filters
from veerkracht.core.search import Query
from veerkracht.services.history_view import History
from veerkracht.store.store import Store


def _filled(store: Store) -> History:
    for days, feelings, note in (
        (0, ["tired"], "De deadline drukt."),
        (7, ["tense"], "Een vergadering liep uit."),
        (14, ["tired", "sad"], "Weer die deadline."),
    ):
        moment = NOW + timedelta(days=days)
        store.add_entry(parse_answers({"feelings": feelings, "triggers_note": note}, now=moment))
    return History.read(store, Content("nl").label)


def test_filters_and_search_narrow_the_view_and_its_patterns(store: Store) -> None:
    history = _filled(store)
    today = (NOW + timedelta(days=20)).date()
    everything = history.view(Filters(), None, today)
    assert [e.id for e in everything.entries] == ["1", "2", "3"]
    assert everything.patterns["count"] == 3 and everything.found is None
    tired = history.view(Filters(feeling="tired"), Query.parse("deadline"), today)
    assert [e.id for e in tired.entries] == ["1", "3"]
    assert tired.patterns["count"] == 2
    assert tired.found is not None and [e.id for e in tired.found.entries] == ["1", "3"]
    found = history.where(Query.parse("vergadering"), everything.entries[1])
    assert found is not None and found.field == "triggers_note"


def test_an_empty_search_is_no_search(store: Store) -> None:
    history = _filled(store)
    view = history.view(Filters(), Query(()), NOW.date())
    assert len(view.entries) == 3 and view.found is None
