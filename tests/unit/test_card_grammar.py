"""Grammar invariants of the card, for every combination of answers: each line a whole
sentence (a capital at the start, a full stop, question mark or exclamation mark at the
end), no doubled words, never ‘Wat ik hoop: Ik’, and at most 12 spoken lines on."""

from __future__ import annotations

import itertools
import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.cardwriter import CardWriter
from veerkracht.core.model import OPTIONS, Entry, parse_answers
from veerkracht.core.scripts import MAX_SPOKEN, SPOKEN_SECTIONS, build_script

#: What people type, in both languages: with and without a capital or a full stop.
OWN_WORDS = [
    "",
    "minder tegelijk op mijn bord",
    "Dat ik het werk weer aankan.",
    "we samen kijken wat er kan",
    "dat het thuis zwaar is",
    "ik zit er even doorheen",
    "I hope to have fewer meetings",
    "that we plan my week together",
    "Is een dag thuiswerken mogelijk?",
    "Eén project minder tot januari",
]
subsets = {group: st.lists(st.sampled_from(list(OPTIONS[group])), unique=True) for group in OPTIONS}
SENTENCE_END = re.compile(r"[.?!][’'\")\]]*$")
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def entry_from(now: datetime, answers: dict) -> Entry:
    entry = parse_answers({"created": "2026-11-21T09:30:00+01:00", **answers}, now=now)
    entry.id = "1"
    return entry


def assert_a_sentence(line: str) -> None:
    assert line[:1].isupper() or line[:1] in "‘'\"(", line
    assert SENTENCE_END.search(line), line
    assert not DOUBLED.search(line), line
    assert not re.search(r"\b(?:hoop|hope)\b:\s*(?:Ik|I)\b", line), line
    assert "  " not in line and " ." not in line and " ," not in line, line


@settings(max_examples=400, deadline=None)
@given(
    feelings=subsets["feelings"].filter(bool),
    triggers=subsets["triggers"],
    impact=subsets["impact"],
    support=subsets["support"],
    barriers=subsets["barriers"],
    intensity=st.none() | st.integers(1, 10),
    help_notice=st.booleans(),
    chosen=st.none() | st.sampled_from(list(OPTIONS["audiences"])),
    audience=st.sampled_from(list(OPTIONS["audiences"])),
    language=st.sampled_from(LANGUAGES),
    desired=st.sampled_from(OWN_WORDS),
    share=st.sampled_from(OWN_WORDS),
    asks=st.lists(st.sampled_from(OWN_WORDS[1:]), max_size=3, unique=True),
)
def test_every_line_of_every_card_is_a_whole_sentence(
    feelings: list, triggers: list, impact: list, support: list, barriers: list,
    intensity: int | None, help_notice: bool, chosen: str | None, audience: str,
    language: str, desired: str, share: str, asks: list,
    now: datetime,) -> None:  # fmt: skip
    entry = entry_from(now, {
        "feelings": feelings, "triggers": triggers, "impact": impact, "support": support,
        "barriers": barriers, "intensity": intensity, "audience": chosen,
        "desired_change": desired, "share": share, "asks": asks, "help_notice": help_notice,
    })  # fmt: skip
    script = build_script(entry, Content(language), audience)
    for section in script.sections:
        for line in section.all_lines:  # the lines waiting in the editor too
            assert_a_sentence(line)
    spoken = [line for s in script.sections if s.key in SPOKEN_SECTIONS for line in s.lines]
    assert 1 <= len(spoken) <= MAX_SPOKEN
    assert len(script.section("opening").lines) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_combination_of_feelings_and_intensity_is_said_correctly(
    language: str, now: datetime
) -> None:
    """All 2047 choices of feelings × four intensities: the first line of the card."""
    content = Content(language)
    keys = list(OPTIONS["feelings"])
    for size in range(1, len(keys) + 1):
        for chosen in itertools.combinations(keys, size):
            for intensity in (None, 3, 5, 9):
                entry = entry_from(now, {"feelings": list(chosen), "intensity": intensity})
                for line in CardWriter(entry, content, "manager").situation():
                    assert_a_sentence(line.text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_combination_of_effects_on_work_is_said_correctly(
    language: str, now: datetime
) -> None:
    content = Content(language)
    keys = list(OPTIONS["impact"])
    for size in range(len(keys) + 1):
        for chosen in itertools.combinations(keys, size):
            (line,) = CardWriter(
                entry_from(now, {"feelings": ["tired"], "impact": list(chosen)}), content, "hr"
            ).impact()
            assert_a_sentence(line.text)
