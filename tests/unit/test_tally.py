"""A tally of entries can be added to and taken from: any split gives the same sums."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from veerkracht.core.model import OPTIONS, Entry
from veerkracht.core.tally import Tally

_ENTRIES = st.lists(
    st.builds(
        lambda feelings, triggers, intensity, days: Entry(
            feelings=feelings,
            triggers=triggers,
            intensity=intensity,
            created=datetime(2026, 9, 1, tzinfo=UTC) + timedelta(days=days),
        ),
        feelings=st.lists(
            st.sampled_from(OPTIONS["feelings"]), min_size=1, max_size=3, unique=True
        ),
        triggers=st.lists(st.sampled_from(OPTIONS["triggers"]), max_size=3, unique=True),
        intensity=st.none() | st.integers(0, 10),
        days=st.integers(0, 30),
    ),
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(_ENTRIES, st.data())
def test_taking_out_and_merging_give_the_tally_made_anew(entries: list[Entry], data) -> None:
    out = data.draw(st.sets(st.integers(0, max(0, len(entries) - 1))))
    kept = [entry for number, entry in enumerate(entries) if number not in out]
    left = [entry for number, entry in enumerate(entries) if number in out]
    everything = Tally.of(entries)
    assert everything.without(left) == Tally.of(kept)
    assert everything == Tally.of(entries)  # taking out copies: the tally stays as it was
    merged = Tally.of(kept)
    merged.merge(Tally.of(left))
    assert merged == everything
    assert everything.without(entries).to_plain() == Tally().to_plain()
