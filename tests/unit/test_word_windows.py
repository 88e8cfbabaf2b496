"""The help notice hears words in their one form and in windows: any order, any tense,
a typing slip, and idioms kept quiet right where they stand."""

from __future__ import annotations

import pytest

from veerkracht.core.plaintext import plain
from veerkracht.core.safety import speaks_of_not_wanting_to_live
from veerkracht.core.word_windows import Window, one_slip
from veerkracht.core.wordforms import word_forms


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ik werd niet meer wakker", ["ik", "worden", "niet", "meer", "wakker"]),
        ("dood te gaan", ["doodgaan"]),
        ("dood gaaan", ["doodgaan"]),
        ("ik wil nit meer levn", ["ik", "willen", "niet", "meer", "leven"]),
        ("waarom leef ik nog?", ["waarom", "leven", "ik", "nog"]),
    ],
)
def test_dutch_words_come_in_one_form(text: str, words: list[str]) -> None:
    assert word_forms(plain(text), "nl") == words


def test_english_words_come_in_one_form_and_a_possessive_stands_apart() -> None:
    assert word_forms(plain("I dont want to be dead"), "en") == ["i", "not", "want", "bedead"]
    assert word_forms(plain("my mother's death"), "en") == ["my", "mother", "'s", "death"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("zelfmoord", True), ("zelmoord", True), ("zelfmoordd", True), ("zeflmoord", True),
     ("zelfmaord", True), ("zelfmo", False), ("zelfdoding", False)],
)  # fmt: skip
def test_one_typing_slip_is_forgiven(word: str, *, expected: bool) -> None:
    assert one_slip(word, "zelfmoord") is expected


def test_a_window_hears_its_words_in_any_order_within_its_span() -> None:
    window = Window.parse("wakker + worden + niet + meer / 7 ! van de wekker")
    assert window.heard("ik wil niet meer wakker worden".split())
    assert window.heard("wakker worden hoeft voor mij niet meer".split())
    assert not window.heard("wakker worden is zwaar maar ik ga er heel vaak niet meer".split())
    assert not window.heard("ik worden niet meer wakker van de wekker".split())


@pytest.mark.parametrize(
    "text",
    [
        # the three sentences issue 28 found missed, and the same thoughts turned around
        "als ik morgen niet meer wakker word vind ik het ook best",
        "ik denk de laatste tijd heel vaak aan doodgaan",
        "wat heeft het nog voor zin om te leven eigenlijk",
        "als ik morgen niet meer wakker werd, vond ik het ook best",
        "aan dood gaan denk ik de laatste tijd heel vaak",
        "om te leven, wat heeft dat nog voor zin",
        "I keep thinking about dying lately",
        "no reason left for me to keep living",
    ],
)
def test_inflected_and_reordered_sentences_show_the_notice(text: str) -> None:
    assert speaks_of_not_wanting_to_live(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik ga dood van de hitte",
        "die deadline is mijn dood",
        "I could kill for a coffee",
        "this job is killing me",  # strain, not a wish to die: a 9 or 10 brings the notice
        "ik werd vannacht om drie uur wakker en sliep niet meer",
        "ik denk vaak aan de dood van mijn vader",
    ],
)
def test_idioms_and_everyday_talk_stay_quiet(text: str) -> None:
    assert not speaks_of_not_wanting_to_live(text)
