"""When to show the calm notice about where to find help. One place, for CLI and TUI."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from veerkracht.content import LANGUAGES, load
from veerkracht.model import TEXT_FIELDS

HIGH_INTENSITY = 9
#: Several recent heavy reflections count too: this many, each at least SUSTAINED_LEVEL…
SUSTAINED_COUNT = 3
SUSTAINED_LEVEL = 8
#: …within this window.
SUSTAINED_WINDOW = timedelta(days=21)


@cache
def _signals() -> re.Pattern[str]:
    phrases = [phrase for language in LANGUAGES for phrase in load("safety")["signals"][language]]
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


def speaks_of_not_wanting_to_live(text: str) -> bool:
    """True when free text, in Dutch or English, speaks of not wanting to live."""
    normalised = text.replace("’", "'").replace("‘", "'")
    return bool(_signals().search(normalised))


def free_texts(answers: Mapping[str, Any]) -> list[str]:
    """Every free text of answers in answers-file form: notes, relations and asks."""
    texts = [answers.get(name) or "" for name in TEXT_FIELDS]
    return texts + list((answers.get("relations") or {}).values()) + list(answers.get("asks") or [])


def needs_notice(
    intensity: int | None,
    texts: Iterable[str],
    recent: Sequence[tuple[datetime, int | None]],
    now: datetime,
) -> bool:
    """Whether to show where to find help.

    `intensity` and `texts` are what the user is writing `now`; `recent` holds the
    (created, intensity) of earlier entries.
    """
    if intensity is not None and intensity >= HIGH_INTENSITY:
        return True
    if any(speaks_of_not_wanting_to_live(text) for text in texts if text):
        return True
    return _sustained(intensity, recent, now)


def _sustained(
    intensity: int | None, recent: Sequence[tuple[datetime, int | None]], now: datetime
) -> bool:
    if intensity is None or intensity < SUSTAINED_LEVEL:
        return False
    since = now - SUSTAINED_WINDOW
    heavy = [level for created, level in recent if created >= since and level is not None]
    heavy = [level for level in heavy if level >= SUSTAINED_LEVEL]
    return len(heavy) + 1 >= SUSTAINED_COUNT
