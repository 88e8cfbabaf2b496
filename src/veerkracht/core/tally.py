"""What the patterns count, kept as sums: how often each option was chosen, the
trigger–feeling pairs, and the intensities per day. Sums can be added and taken away, so
the patterns of most of a history are those of all of it less the few records left out,
and a week's tally can be kept beside the records (the store's summary). Pure: no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, product
from operator import attrgetter
from typing import Any

from veerkracht.core.model import Entry

COUNTED_GROUPS = ("feelings", "triggers", "impact", "support")
_TRIGGERS, _FEELINGS = attrgetter("triggers"), attrgetter("feelings")


@dataclass
class Tally:
    """Entries counted: `chosen[group]` per option key, `pairs` per (trigger, feeling),
    and `days[day] = (sum, count)` of the intensities given that (local) day."""

    count: int = 0
    chosen: dict[str, Counter[str]] = field(
        default_factory=lambda: {group: Counter() for group in COUNTED_GROUPS}
    )
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    days: dict[date, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Tally:
        tally = cls()
        tally.add(entries)
        return tally

    def add(self, entries: Iterable[Entry], sign: int = 1) -> None:
        """Count `entries` in (sign 1) or out again (sign -1)."""
        entries = list(entries)
        self.count += sign * len(entries)
        counting = Counter.update if sign > 0 else Counter.subtract
        for group, counter in self.chosen.items():
            counting(counter, chain.from_iterable(map(attrgetter(group), entries)))
        chosen_pairs = map(product, map(_TRIGGERS, entries), map(_FEELINGS, entries))
        counting(self.pairs, chain.from_iterable(chosen_pairs))
        days = self.days
        for entry in entries:
            if entry.intensity is not None:
                day = entry.created.date()
                total, rated = days.get(day, (0, 0))
                if rated + sign:
                    days[day] = (total + sign * entry.intensity, rated + sign)
                else:
                    del days[day]

    def without(self, entries: Iterable[Entry]) -> Tally:
        """A copy of this tally with `entries` (counted in it) taken out."""
        copy = self.copy()
        copy.add(entries, -1)
        return copy

    def merge(self, other: Tally) -> None:
        """Count in what `other` counted."""
        self.count += other.count
        for group, counter in other.chosen.items():
            self.chosen[group].update(counter)
        self.pairs.update(other.pairs)
        for day, (total, rated) in other.days.items():
            held_total, held_rated = self.days.get(day, (0, 0))
            self.days[day] = (held_total + total, held_rated + rated)

    def copy(self) -> Tally:
        return Tally(
            self.count,
            {group: Counter(counter) for group, counter in self.chosen.items()},
            Counter(self.pairs),
            dict(self.days),
        )

    def counted(self, group: str) -> dict[str, int]:
        """Each key chosen at least once, with how often."""
        return {key: times for key, times in self.chosen[group].items() if times > 0}

    def counted_pairs(self) -> dict[tuple[str, str], int]:
        return {pair: times for pair, times in self.pairs.items() if times > 0}

    def to_plain(self) -> dict[str, Any]:
        """JSON-ready, in a stable order (what the store keeps per week)."""
        return {
            "count": self.count,
            "chosen": {group: dict(sorted(self.counted(group).items())) for group in self.chosen},
            "pairs": [[*pair, times] for pair, times in sorted(self.counted_pairs().items())],
            "days": [[day.isoformat(), *held] for day, held in sorted(self.days.items())],
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tally) and self.to_plain() == other.to_plain()
