"""Content is data: every stable key has words in Dutch and in English."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest

from veerkracht.content import LANGUAGES, STRICT_ENV, Content, MissingPlaceholder, load
from veerkracht.core.model import OPTIONS

#: The keys the README promises, written out again so that dropping one fails here.
STABLE_KEYS = {
    "feelings": "tired tense sad angry insecure overstimulated anxious lonely ashamed guilty "
    "frustrated",
    "triggers": "workload unclear_expectations home conflict health reorganisation caregiving "
    "grief misconduct not_seen always_adapting loyalty_cost responsibility_without_support",
    "impact": "concentration mistakes procrastination emotional_reactions fatigue irritability "
    "rumination",
    "support": "listening validating practical informational relational",
    "barriers": "judgement perfectionism unsafe_culture bad_experiences unclear_boundaries",
    "audiences": "colleague manager hr confidential_adviser works_council company_doctor",
}

#: The fields each group's options carry, and (second) the ones some of them carry.
FIELDS = {
    "feelings": ({"label", "hint"}, {"said_apart"}),
    "triggers": ({"label", "hint"}, set()),
    "impact": ({"label", "hint", "say"}, set()),
    "support": ({"label", "hint", "need", "need_clause", "request", "asks"}, set()),
    "barriers": ({"label", "hint", "tip"}, set()),
    "audiences": ({"label", "hint", "confidential", "when"}, set()),
}

CONTENT_FILES = sorted(
    path.name.removesuffix(".toml")
    for path in files("veerkracht.content").iterdir()
    if path.name.endswith(".toml")
)


def leaves(node: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every table that holds words in some language."""
    if isinstance(node, dict):
        if set(node) & set(LANGUAGES):
            yield path, node
        else:
            for key, child in node.items():
                yield from leaves(child, f"{path}.{key}" if path else key)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("group", sorted(STABLE_KEYS))
def test_every_stable_key_is_in_the_model_and_the_content(group: str) -> None:
    promised = STABLE_KEYS[group].split()
    assert list(OPTIONS[group]) == promised
    assert list(load("options")[group]) == promised


@pytest.mark.parametrize("group", sorted(FIELDS))
def test_every_option_has_its_fields(group: str) -> None:
    required, optional = FIELDS[group]
    for key, option in load("options")[group].items():
        assert required <= set(option) <= required | optional, f"{group}.{key}"


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_every_text_has_both_languages(name: str) -> None:
    found = list(leaves(load(name)))
    assert found, f"{name}.toml holds no texts"
    for path, texts in found:
        assert set(texts) == set(LANGUAGES), f"{name}.toml: {path} has {sorted(texts)}"
        for language in LANGUAGES:
            value = texts[language]
            items = value if isinstance(value, list) else [value]
            # A pair is a pattern to find and the words it gives (language.toml).
            items = [i[-1] if isinstance(i, list) and len(i) == 2 else i for i in items]
            assert items and all(isinstance(i, str) and i.strip() for i in items), (
                f"{name}.toml: {path}.{language} is empty"
            )
        if isinstance(texts["nl"], list):
            if path.endswith(".asks"):  # translations of each other, item by item
                assert len(texts["nl"]) == len(texts["en"]), f"{name}.toml: {path} lengths"
        else:
            assert placeholders(texts["nl"]) == placeholders(texts["en"]), path


def test_dutch_speaks_to_you_not_u() -> None:
    for name in CONTENT_FILES:
        for path, texts in leaves(load(name)):
            if path.endswith(("patterns", "signals")):  # words to detect, not to say
                continue
            items = texts["nl"] if isinstance(texts["nl"], list) else [texts["nl"]]
            items = [i[-1] if isinstance(i, list) else i for i in items]
            for text in items:
                assert not re.search(r"\b(u|uw)\b", text), f"{name}.toml: {path}: {text}"
                assert "je moet" not in text.lower(), f"{name}.toml: {path}: {text}"


def test_labels_come_in_the_chosen_language() -> None:
    assert Content("nl").label("feelings", "tired") == "moe"
    assert Content("en").label("feelings", "tired") == "tired"
    assert Content("en").option("audiences", "company_doctor", "confidential").startswith("The")


def test_messages_fill_in_their_placeholders() -> None:
    text = Content("en").message("file_not_found", path="a.json")
    assert text == "The file a.json does not exist."


def test_a_placeholder_left_unfilled_raises_in_the_tests() -> None:
    with pytest.raises(MissingPlaceholder, match=r"messages.entry_not_found: .*\{ref\}"):
        Content("en").message("entry_not_found")


def test_a_placeholder_left_unfilled_stays_visible_outside_the_tests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(STRICT_ENV)
    assert "number {ref}." in Content("en").message("entry_not_found")


def test_a_template_is_given_unfilled_for_its_caller_to_fill() -> None:
    progress = Content("en").template("prepare", "ui", "rehearse_progress")
    assert progress.format(number=2, total=5) == "Sentence 2 of 5"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        Content("fr")
