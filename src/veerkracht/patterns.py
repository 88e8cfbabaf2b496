"""Statistics over entries: plain data, no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from statistics import fmean
from typing import Any

from veerkracht.model import OPTIONS, Entry

COUNTED_GROUPS = ("feelings", "triggers", "impact", "support")


def iso_week(entry: Entry) -> str:
    """The ISO week of the entry's own local date, e.g. `2026-W47`."""
    year, week, _ = entry.created.isocalendar()
    return f"{year}-W{week:02d}"


def summarize(entries: Sequence[Entry]) -> dict[str, Any]:
    """The `patterns` object of `history --format json` (see DESIGN.md)."""
    patterns: dict[str, Any] = {"count": len(entries)}
    for group in COUNTED_GROUPS:
        patterns[group] = _counts(group, (getattr(entry, group) for entry in entries))
    patterns["intensity"] = _intensity(entries)
    patterns["conversations"] = {"count": 0, "better": 0, "same": 0, "worse": 0}
    return patterns


def _counts(group: str, chosen: Iterable[list[str]]) -> dict[str, int]:
    """How often each key was chosen, most often first, ties in the content's order."""
    counter = Counter(key for keys in chosen for key in keys)
    order = {key: index for index, key in enumerate(OPTIONS[group])}
    ranked = sorted(counter, key=lambda key: (-counter[key], order.get(key, len(order))))
    return {key: counter[key] for key in ranked}


def _intensity(entries: Sequence[Entry]) -> dict[str, Any]:
    rated = [entry for entry in entries if entry.intensity is not None]
    by_week: dict[str, list[int]] = {}
    for entry in rated:
        by_week.setdefault(iso_week(entry), []).append(entry.intensity)  # type: ignore[arg-type]
    return {
        "mean": _mean([entry.intensity for entry in rated]),  # type: ignore[misc]
        "by_week": [
            {"week": week, "mean": _mean(values), "count": len(values)}
            for week, values in sorted(by_week.items())
        ],
    }


def _mean(values: list[int]) -> float | None:
    return round(fmean(values), 2) if values else None
