"""Words as the help notice hears them: each word of a plain sentence in the one form the
windows in content/safety.toml are written in, so that word, wordt and werd are all
`worden`, and dood gaan, dood te gaan and doodga are all `doodgaan`.

Typing slips are smoothed on the way: three of a letter become two (gaaan → gaan), a
possessive `'s` stands apart (mother's → mother 's), and the forms list carries the
slips people make (nit → niet, levn → leven)."""

from __future__ import annotations

import re
from functools import cache

from veerkracht.content import load

_TRIPLED = re.compile(r"(\w)\1{2,}")


@cache
def _forms(language: str) -> tuple[dict[tuple[str, ...], str], int]:
    """Every form (one or more words) and the word it stands for; the longest form's length."""
    table: dict[tuple[str, ...], str] = {}
    for line in load("safety")["words"][language]:
        word, _, forms = line.partition(":")
        for form in [word, *forms.split(",")]:
            table[tuple(form.split())] = word.strip()
    return table, max(len(form) for form in table)


def _split(plain: str) -> list[str]:
    words: list[str] = []
    for word in _TRIPLED.sub(r"\1\1", plain).split():
        if word.endswith("'s") and len(word) > 2:
            words += [word[:-2], "'s"]
        elif word != "?":
            words.append(word)
    return words


def word_forms(plain: str, language: str) -> list[str]:
    """The words of a plain sentence (core.plaintext.plain), each as the notice's word for
    it in `language`; a word the list does not know stays as typed."""
    table, longest = _forms(language)
    words = _split(plain)
    heard: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 0, -1):
            word = table.get(tuple(words[at : at + size]))
            if word is not None:
                heard.append(word)
                at += size
                break
        else:
            heard.append(words[at])
            at += 1
    return heard
