"""When to show the calm notice about where to find help. One place, for CLI and TUI.

Words are matched locally and instantly: each sentence is made plain (lower case, no
accents or punctuation, straight apostrophes, single spaces) and tried, in both
languages, against the signals in content/safety.toml (phrases), and then, its words in
their one form (core/wordforms.py), against the windows there (core/word_windows.py):
the same thought with its verb inflected or its words turned around."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from veerkracht.content import LANGUAGES, load
from veerkracht.core.plaintext import plain_sentences
from veerkracht.core.word_windows import windows
from veerkracht.core.wordforms import word_forms

HIGH_INTENSITY = 9
#: Several recent heavy reflections count too: this many, each at least SUSTAINED_LEVEL…
SUSTAINED_COUNT = 3
SUSTAINED_LEVEL = 8
#: …within this window.
SUSTAINED_WINDOW = timedelta(days=21)


@cache
def _signals() -> re.Pattern[str]:
    phrases = [phrase for language in LANGUAGES for phrase in load("safety")["signals"][language]]
    return re.compile("|".join(f"(?:{phrase})" for phrase in phrases))


def speaks_of_not_wanting_to_live(text: str) -> bool:
    """True when free text, in Dutch or English, speaks of not wanting to live."""
    return any(_heard(sentence) for sentence in plain_sentences(text))


def _heard(sentence: str) -> bool:
    if _signals().search(sentence):
        return True
    for language in LANGUAGES:
        words = word_forms(sentence, language)
        if any(window.heard(words) for window in windows(language)):
            return True
    return False


def free_texts(data: Any) -> list[str]:
    """Every text in a record or answers of any kind (a reflection, a follow-up, a
    check-in, a support note), however deeply nested. Option keys and dates come along
    too; no signal matches them."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, Mapping):
        return [text for value in data.values() for text in free_texts(value)]
    if isinstance(data, list | tuple):
        return [text for value in data for text in free_texts(value)]
    return []


def words_need_notice(data: Any) -> bool:
    """Whether anything written in `data` speaks of not wanting to live."""
    return any(speaks_of_not_wanting_to_live(text) for text in free_texts(data) if text)


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
