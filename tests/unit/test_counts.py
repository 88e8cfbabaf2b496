"""Counts read like speech: "1 afspraak", "3 afspraken", never "afspraak/afspraken"."""

from __future__ import annotations

import pytest

from veerkracht.content import LANGUAGES, Content, load


@pytest.mark.parametrize(
    ("language", "noun", "count", "said"),
    [
        ("nl", "agreement", 1, "1 afspraak"),
        ("nl", "agreement", 3, "3 afspraken"),
        ("nl", "agreement", 0, "0 afspraken"),
        ("nl", "followup", 1, "1 gespreksverslag"),
        ("nl", "day", 2, "2 dagen"),
        ("en", "reflection", 1, "1 reflection"),
        ("en", "conversation", 2, "2 conversations"),
    ],
)
def test_a_count_takes_the_form_that_fits(language: str, noun: str, count: int, said: str) -> None:
    assert Content(language).counted(noun, count) == said


def test_every_noun_has_two_forms_in_both_languages() -> None:
    for noun, forms in load("counts").items():
        assert set(forms) == set(LANGUAGES), noun
        assert all(len(forms[language]) == 2 for language in LANGUAGES), noun


def test_no_text_fakes_a_plural() -> None:
    faked = ("afspraak/afspraken", "(s)", "(en)", "(ken)")
    for name in ("messages", "history", "home", "after", "plan", "prepare", "support"):
        text = str(load(name))
        assert not any(form in text for form in faked), name
