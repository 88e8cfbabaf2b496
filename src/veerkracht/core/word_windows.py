"""Windows of words: a thought heard wherever its words stand, in any order and with
other words between them, as long as they fall within a few words of each other.

A window in content/safety.toml reads `wakker~ + worden + niet|nooit / 8 ! van de wekker`:
slots joined by `+`, each slot one word of several (`|`), in the forms of
core/wordforms.py; `~` after a word lets it carry one typing slip (a letter missing,
added, changed or two swapped); `/ 8` is how many words the slots may span (six unless
said); each `!` names words that, right around the match, make it an idiom or everyday
talk instead (two words before it to three after it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from veerkracht.content import load

DEFAULT_SPAN = 6
#: Around a match, where an `!` is looked for: this many words before and after it.
BEFORE, AFTER = 2, 3
#: A word shorter than this carries no typing slip (too many short words are a slip apart).
SLIP_LENGTH = 5


def one_slip(word: str, target: str) -> bool:
    """Whether `word` is `target` with at most one letter missing, added, changed, or two
    neighbouring letters swapped."""
    if word == target:
        return True
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        if len(diffs) != 2 or diffs[1] != diffs[0] + 1:
            return False
        first, second = diffs
        return word[first] == target[second] and word[second] == target[first]
    short, longer = sorted((word, target), key=len)
    if len(longer) - len(short) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == short for i in range(len(longer)))


@dataclass(frozen=True)
class Slot:
    """One place in a window: any of `words`, or one slip away from any of `slipped`."""

    words: frozenset[str]
    slipped: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Slot:
        options = [option.strip() for option in text.split("|")]
        return cls(
            frozenset(option for option in options if not option.endswith("~")),
            tuple(option[:-1] for option in options if option.endswith("~")),
        )

    def fits(self, word: str) -> bool:
        if word in self.words:
            return True
        return (
            bool(self.slipped)
            and len(word) >= SLIP_LENGTH
            and any(one_slip(word, slipped) for slipped in self.slipped)
        )


@dataclass(frozen=True)
class Window:
    """Slots that must all be filled within `span` words, unless an idiom stands by."""

    slots: tuple[Slot, ...]
    span: int
    unless: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, rule: str) -> Window:
        head, *idioms = rule.split("!")
        slots, _, span = head.partition("/")
        return cls(
            tuple(Slot.parse(slot) for slot in slots.split("+")),
            int(span) if span.strip() else DEFAULT_SPAN,
            tuple(tuple(idiom.split()) for idiom in idioms),
        )

    def heard(self, words: Sequence[str]) -> bool:
        """Whether the window is filled somewhere in `words`, away from its idioms."""
        present = set(words)
        if not all(any(slot.fits(word) for word in present) for slot in self.slots):
            return False  # most windows, for most sentences: a word is missing
        fits = [{i for i, slot in enumerate(self.slots) if slot.fits(word)} for word in words]
        for end in range(len(words)):
            start = max(0, end - self.span + 1)
            if not fits[end] or len(set().union(*fits[start : end + 1])) < len(self.slots):
                continue
            first = next(at for at in range(start, end + 1) if fits[at])
            if not self._idiom(words[max(0, first - BEFORE) : end + 1 + AFTER]):
                return True
        return False

    def _idiom(self, around: Sequence[str]) -> bool:
        return any(
            tuple(around[at : at + len(idiom)]) == idiom
            for idiom in self.unless
            for at in range(len(around) - len(idiom) + 1)
        )


@cache
def windows(language: str) -> tuple[Window, ...]:
    """The windows of content/safety.toml in `language`."""
    return tuple(Window.parse(rule) for rule in load("safety")["windows"][language])
