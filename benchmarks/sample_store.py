"""A store of realistic reflections, for benchmarks and dashboard tests (seeded, so the
same count always gives the same store)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from veerkracht.core.model import OPTIONS, parse_answers
from veerkracht.store.store import Store

WORDS = (
    "ik merk dat de werkdruk hoog is en dat ik slecht slaap sinds de reorganisatie "
    "thuis is het ook zwaar mijn moeder heeft zorg nodig en ik wil dat niet laten merken"
).split()


def realistic_answers(rng: random.Random, when: datetime) -> dict:
    """A reflection shaped like a real one: a few choices and a few sentences."""

    def pick(group: str, most: int) -> list[str]:
        return rng.sample(OPTIONS[group], rng.randint(1, most))

    def sentence(length: int) -> str:
        return " ".join(rng.choices(WORDS, k=length)).capitalize() + "."

    return {
        "feelings": pick("feelings", 3),
        "intensity": rng.randint(2, 9),
        "feelings_note": sentence(20),
        "triggers": pick("triggers", 3),
        "triggers_note": sentence(25),
        "impact": pick("impact", 3),
        "impact_note": sentence(15),
        "relations": {"drains": sentence(8), "gives": sentence(8)},
        "desired_change": sentence(15),
        "support": pick("support", 2),
        "barriers": pick("barriers", 2),
        "audience": rng.choice(OPTIONS["audiences"]),
        "share": sentence(30),
        "private": sentence(20),
        "asks": [sentence(12), sentence(10)],
        "fear": sentence(12),
        "created": when.isoformat(),
    }


def realistic_export(count: int) -> dict:
    """An export file (the import format) with `count` realistic reflections."""
    rng = random.Random(count)
    start = datetime(2025, 1, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    entries = []
    for number in range(1, count + 1):
        moment = start + timedelta(hours=7 * number)
        entry = parse_answers(realistic_answers(rng, moment), now=moment)
        entry.id = str(number)
        entries.append(entry.to_record())
    return {"format": "veerkracht-export", "version": 1, "entries": entries}


def build_store(directory: Path, count: int) -> Store:
    """A store of `count` entries, written in one transaction."""
    rng = random.Random(count)
    store = Store(directory)
    start = datetime(2025, 1, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    with store.transaction() as tables:
        entries = tables.setdefault("entries", {})
        for number in range(1, count + 1):
            moment = start + timedelta(hours=7 * number)
            entry = parse_answers(realistic_answers(rng, moment), now=moment)
            entry.id = str(number)
            entries[str(number)] = entry.to_record()
        tables.setdefault("meta", {}).setdefault("1", {})["counters"] = {"entries": count}
    return store
