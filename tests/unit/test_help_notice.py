"""The help notice hears how people really write that they do not want to live, and
stays quiet for idioms: checked on a corpus, with recall and false alarms printed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from veerkracht.core.safety import speaks_of_not_wanting_to_live

CORPORA = Path(__file__).parents[1] / "corpora"
CORPUS = tomllib.loads((CORPORA / "help_notice.toml").read_text(encoding="utf-8"))
SETS = sorted(CORPUS)
#: Written before the notice heard word forms and windows, never tuned on: its misses are
#: reported, not fixed here, so it keeps measuring sentences the matcher has not seen.
HELD_OUT = tomllib.loads((CORPORA / "help_notice_held_out.toml").read_text(encoding="utf-8"))
#: What the held-out set must keep: it may miss a sentence (it is not tuned on), not more.
HELD_OUT_RECALL = 0.95


@pytest.mark.parametrize("part", SETS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_sentence_that_must_show_the_notice_shows_it(
    part: str, language: str, figures: dict
) -> None:
    must_show = CORPUS[part]["show"][language]
    missed = [text for text in must_show if not speaks_of_not_wanting_to_live(text)]
    figures[f"help notice, tuned ({part}), {language}: recall"] = (
        f"{len(must_show) - len(missed)}/{len(must_show)}"
    )
    assert missed == []


@pytest.mark.parametrize("part", SETS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_idioms_stay_quiet(part: str, language: str, figures: dict) -> None:
    must_not = CORPUS[part]["quiet"][language]
    alarms = [text for text in must_not if speaks_of_not_wanting_to_live(text)]
    figures[f"help notice, tuned ({part}), {language}: false alarms"] = (
        f"{len(alarms)}/{len(must_not)}"
    )
    assert len(alarms) * 20 <= len(must_not), alarms  # at most one in twenty


@pytest.mark.parametrize("language", ["nl", "en"])
def test_sentences_never_tuned_on_show_the_notice_and_idioms_stay_quiet(
    language: str, figures: dict
) -> None:
    must_show, must_not = HELD_OUT["show"][language], HELD_OUT["quiet"][language]
    missed = [text for text in must_show if not speaks_of_not_wanting_to_live(text)]
    alarms = [text for text in must_not if speaks_of_not_wanting_to_live(text)]
    shown = len(must_show) - len(missed)
    figures[f"help notice, held out (never tuned on), {language}: recall"] = (
        f"{shown}/{len(must_show)}"
    )
    figures[f"help notice, held out (never tuned on), {language}: false alarms"] = (
        f"{len(alarms)}/{len(must_not)}"
    )
    assert shown >= HELD_OUT_RECALL * len(must_show), missed
    assert len(alarms) * 20 <= len(must_not), alarms


def test_the_corpus_is_large_enough() -> None:
    for part in SETS:
        for kind in ("show", "quiet"):
            assert sum(len(CORPUS[part][kind][lang]) for lang in ("nl", "en")) >= 30
    forms = CORPUS["forms"]
    assert sum(len(forms[kind][lang]) for kind in forms for lang in forms[kind]) >= 200
    assert sum(len(HELD_OUT[kind][lang]) for kind in HELD_OUT for lang in HELD_OUT[kind]) >= 100


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Ik wil er GEWOON niet meer zijn…", ["ik wil er gewoon niet meer zijn"]),
        ("Suïcidaal? Ja.\nSoms.", ["suicidaal ?", "ja", "soms"]),
        ("i dont   know, whats the point", ["i don't know what's the point"]),
    ],
)
def test_sentences_are_made_plain_before_matching(text: str, plain: list[str]) -> None:
    from veerkracht.core.plaintext import plain_sentences

    assert plain_sentences(text) == plain
