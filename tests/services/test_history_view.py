"""The history view both faces show: filters, the search and the patterns of what is
left, from one read of the store."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import NOW
from veerkracht.content import Content
from veerkracht.core.model import OPTIONS, parse_answers
from veerkracht.core.patterns import Filters, summarize
from veerkracht.core.records import CheckIn
from veerkracht.core.search import Query, SearchIndex
from veerkracht.services.history_view import History
from veerkracht.store.store import Contents, Store


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


_WORDS = ("slaap", "slecht", "zorg", "druk", "moeder", "werk", "Één")
_TYPED = st.lists(
    st.one_of(
        st.sampled_from([*"slaeptzorgé", " ", "\b", "\b\b"]),  # keys, and backspaces
        st.sampled_from(["feeling", "trigger", "clear"]),  # a filter chosen or cleared
    ),
    max_size=25,
)


def _stored(draw_seed: int, count: int) -> Contents:
    import random

    rng = random.Random(draw_seed)
    entries = []
    for number in range(count):
        answers = {
            "feelings": rng.sample(OPTIONS["feelings"], rng.randint(1, 3)),
            "triggers": rng.sample(OPTIONS["triggers"], rng.randint(0, 2)),
            "intensity": rng.choice([None, *range(11)]),
            "triggers_note": " ".join(rng.choices(_WORDS, k=rng.randint(0, 4))),
        }
        moment = NOW - timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 23))
        entry = parse_answers(answers, now=moment)
        entry.id = str(number + 1)
        entries.append(entry)
    checkins = [
        CheckIn(
            created=NOW - timedelta(days=days), went_well=rng.choice(_WORDS), capacity=days % 11
        )
        for days in rng.sample(range(120), 3)
    ]
    return Contents(entries, [], [], checkins, {}, [], [], [], [])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**16), st.integers(0, 40), _TYPED)
def test_a_view_kept_up_key_by_key_is_the_view_made_anew(seed: int, count: int, typed) -> None:
    """What the dashboard reuses from the searches before (narrowing, going back, the
    tally less what dropped out) gives the same view as one made from nothing."""
    contents = _stored(seed, count)
    label = Content("nl").label
    kept = History(contents, label)
    text, filters, today = "", Filters(), NOW.date()
    for step in typed:
        if step == "feeling":
            filters = Filters(feeling="tired", trigger=filters.trigger)
        elif step == "trigger":
            filters = Filters(feeling=filters.feeling, trigger=OPTIONS["triggers"][0])
        elif step == "clear":
            filters = Filters()
        elif step.startswith("\b"):
            text = text[: -len(step)]
        else:
            text += step
        query = Query.parse(text)
        view = kept.view(filters, query, today)
        fresh = History(contents, label).view(filters, query, today)
        assert [e.uuid for e in view.entries] == [e.uuid for e in fresh.entries]
        assert view.checkins == fresh.checkins
        assert view.patterns == fresh.patterns
        entries = [e for e in contents.entries if filters.keep(e)]
        if query:
            entries = SearchIndex(label=label).entries(query, entries)
        checkins = filters.apply_dates(contents.checkins)
        if query:
            checkins = SearchIndex(label=label).checkins(query, checkins)
        assert view.patterns == summarize(entries, today, checkins=checkins)
