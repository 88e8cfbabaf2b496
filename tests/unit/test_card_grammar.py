"""Grammar invariants of the card, for every combination of answers: each line a whole
sentence (a capital at the start, a full stop, question mark or exclamation mark at the
end), no doubled words, never ‘Wat ik hoop: Ik’, and at most 12 spoken lines on.

Answers are pasted in as typed, so the user's fragments never stand alone as a spoken
line ("Minder tegelijk op mijn bord.", "Dat ik slecht slaap.", "That work suffers."): they
are framed or completed, with the user's words kept. And a card says each thing once."""

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
    "Dat ik slecht slaap en dat mijn werk eronder lijdt.",
    "That work suffers.",
    "less on my plate at once",
    "wat meer flexibiliteit in mijn werktijden",
    "het thuis zwaar is",
    "Mijn moeder woont sinds kort bij ons.",
    "Ik werk al weken ’s avonds door om bij te blijven.",
]
#: The ones that are not a sentence of their own: never a bare spoken line.
FRAGMENTS = {
    "nl": ["minder tegelijk op mijn bord", "Dat ik het werk weer aankan.",
           "we samen kijken wat er kan", "dat het thuis zwaar is", "Eén project minder tot januari",
           "Dat ik slecht slaap en dat mijn werk eronder lijdt.", "het thuis zwaar is",
           "wat meer flexibiliteit in mijn werktijden"],
    "en": ["that we plan my week together", "That work suffers.", "less on my plate at once"],
}  # fmt: skip
#: How the rest of a sentence starts: never a spoken line of its own.
THAT = {"nl": r"dat ", "en": r"that "}
#: Three words that carry meaning, in a row, on two lines of one card: a thing said twice.
RUN = 3
#: Words that carry no meaning of their own ("I'd like to talk" is not a thing said).
LITTLE = set(
    "ik je jij me mij mijn m'n we wij ons onze het de een en of dat wat er is ben zijn in op "
    "te van voor met om aan bij als dan ook nog wel niet graag wil zou kan kun kunnen "
    "i i'd i'm you me my we our the a an and or that what it is am are in on to of for with "
    "at as so too also still not would could can like how it's going hoe gaat this your do "
    "have has".split()
)
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


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.casefold())


def assert_no_bare_fragment(lines: list[str], language: str) -> None:
    """No fragment said as it was typed, and no line that starts as the rest of a
    sentence ("Dat …", "That …")."""
    bare = {tuple(words(fragment)) for fragment in FRAGMENTS[language]}
    for line in lines:
        assert tuple(words(line)) not in bare, f"a fragment as a spoken line: {line!r}"
        assert not re.match(THAT[language], line, re.IGNORECASE), line


def runs(text: str) -> set[tuple[str, ...]]:
    found = [word.replace("’", "'") for word in words(text)]
    found = [word for word in found if word not in LITTLE]
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def assert_said_once(spoken: list[str], own: list[str]) -> None:
    """No line twice, and no four words in a row on two lines (the user's own words may
    repeat themselves: that is theirs)."""

    def own_words(line: str) -> bool:
        said = " ".join(words(line))
        return any(words(text) and " ".join(words(text)) in said for text in own)

    ours = [line for line in spoken if not own_words(line)]
    assert len(set(ours)) == len(ours), ours
    said = [f"{lead}{text}" for text in own for lead in ("", "dat ", "that ")]
    theirs = set().union(*(runs(text) for text in said))
    seen: dict[tuple[str, ...], str] = {}
    for line in spoken:
        for run in runs(line) - theirs:
            assert seen.get(run, line) == line, f"said twice: {seen[run]!r} / {line!r}"
            seen[run] = line


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
    every = [line for s in script.sections if s.key in SPOKEN_SECTIONS for line in s.all_lines]
    assert_no_bare_fragment(every, language)
    assert_said_once(spoken, own=[desired, share, *asks])


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


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", OPTIONS["audiences"])
def test_the_golden_cards_say_each_thing_once_in_whole_sentences(
    audience: str, language: str, now: datetime
) -> None:
    from tests.unit.test_golden_cards import REFLECTIONS, reflection

    for name, answers in REFLECTIONS.items():
        entry = reflection(now, name, language)
        script = build_script(entry, Content(language), audience)
        spoken = [line for s in script.sections if s.key in SPOKEN_SECTIONS for line in s.lines]
        own = [entry.share, entry.desired_change, *entry.asks]
        assert_no_bare_fragment(spoken, language)
        assert_said_once(spoken, own=own)
        assert answers  # every golden reflection is read
