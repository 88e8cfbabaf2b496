"""The language check on a corpus of sentences people write before a talk: at least nine
in ten that derail a talk are named, at most one in twenty calm ones are. Precision,
recall and how often the category is right are printed under "measured"."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from veerkracht.core.language import CHECKS, check

CORPUS = tomllib.loads(
    (Path(__file__).parents[1] / "corpora" / "language.toml").read_text(encoding="utf-8")
)
SETS = sorted(CORPUS)


@pytest.mark.parametrize("part", SETS)
def test_sentences_that_derail_a_talk_are_named(part: str, figures: dict) -> None:
    must_flag = CORPUS[part]["flag"]
    must_not = CORPUS[part]["quiet"]
    named = [item for item in must_flag if check([item["text"]])]
    alarms = [item["text"] for item in must_not if check([item["text"]])]
    right = [item for item in named if check([item["text"]])[0].check == item["check"]]
    flagged = len(named) + len(alarms)
    figures[f"language check, {part}: recall"] = (
        f"{len(named)}/{len(must_flag)} ({len(named) / len(must_flag):.0%})"
    )
    figures[f"language check, {part}: precision"] = (
        f"{len(named)}/{flagged} ({len(named) / flagged:.0%})"
    )
    figures[f"language check, {part}: right category"] = f"{len(right)}/{len(named)}"
    missed = [item["text"] for item in must_flag if item not in named]
    assert len(named) * 10 >= len(must_flag) * 9, missed


@pytest.mark.parametrize("part", SETS)
def test_calm_sentences_are_rarely_named(part: str, figures: dict) -> None:
    must_not = CORPUS[part]["quiet"]
    alarms = [item["text"] for item in must_not if check([item["text"]])]
    figures[f"language check, {part}: false alarms"] = f"{len(alarms)}/{len(must_not)}"
    assert len(alarms) * 20 <= len(must_not), alarms


def test_the_corpus_is_large_and_balanced() -> None:
    flags = sum(len(CORPUS[part]["flag"]) for part in SETS)
    quiets = sum(len(CORPUS[part]["quiet"]) for part in SETS)
    assert flags >= 60 and quiets >= 60
    assert 0.8 <= flags / quiets <= 1.25
    named_checks = {item["check"] for part in SETS for item in CORPUS[part]["flag"]}
    assert named_checks == set(CHECKS)
