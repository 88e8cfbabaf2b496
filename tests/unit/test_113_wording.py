"""Wherever veerkracht tells someone how to reach 113, it uses 113's own current words
(calling 113 is free since October 2025): in every content file, the README, the docs
and the code's help texts, in Dutch and English."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
WORDING = {
    "nl": "Denk je aan zelfdoding? Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl",
    "en": "Thinking about suicide? Call 113, free and anonymous, 24/7, or chat at 113.nl",
}
#: Words near a 113 that say how to reach it, not only name it as a place to go.
NEAR = 60
HOW_TO_REACH = re.compile(
    r"\b(?:bel|bellen|belt|chat|gratis|call|calling|free|phone|ring|contact)\b|0800|113\.nl",
    re.IGNORECASE,
)
#: How 113 used to be given: only 0800-0113 was free.
OLD = re.compile(r"\((?:of|or) 113\)|0800-0113 for free|gratis 0800-0113|free on 0800-0113")


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _strings(data: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from _strings(value, f"{key}.{name}" if key else name)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{key}[{index}]")


def _places() -> Iterator[tuple[str, str]]:
    """(where, text) for every content string and every paragraph of prose or code."""
    for path in sorted((ROOT / "src" / "veerkracht" / "content").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key, text in _strings(data):
            if key.startswith("signals."):
                continue  # the words the notice listens for, not words it says
            yield f"{path.name}: {key}", text
    prose = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    code = sorted((ROOT / "src" / "veerkracht").rglob("*.py"))
    for path in prose + code:
        for number, paragraph in enumerate(path.read_text(encoding="utf-8").split("\n\n")):
            yield f"{path.relative_to(ROOT)} ¶{number}", paragraph


PLACES = [(where, text) for where, text in _places() if "113" in text]


def test_there_are_places_that_name_113() -> None:
    assert len(PLACES) >= 10


@pytest.mark.parametrize(("where", "text"), PLACES, ids=[where for where, _ in PLACES])
def test_every_place_that_says_how_to_reach_113_uses_its_own_words(where: str, text: str) -> None:
    flat = _flat(text)
    assert not OLD.search(flat), f"{where} still gives 113 the old way"
    around = [flat[max(0, m.start() - NEAR) : m.end() + NEAR] for m in re.finditer("113", flat)]
    if not any(HOW_TO_REACH.search(part) for part in around):
        return  # names 113 as a place to go (a menu hint, a list), says nothing about reaching it
    wanted = [WORDING["en"]] if where.endswith(".en") else [WORDING["nl"]]
    if not where.endswith((".nl", ".en")):
        wanted = list(WORDING.values())  # prose and code: either language
    assert any(words in flat for words in wanted), f"{where}: {flat}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_notice_and_hulp_carry_the_wording_in_both_languages(language: str) -> None:
    from veerkracht.content import load

    safety = load("safety")
    assert WORDING[language] in _flat(safety["notice"]["text"][language])
    assert WORDING[language] in _flat(safety["hulp"][language])
