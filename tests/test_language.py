"""The language check, on real sentences: ones that must be flagged and ones that must not."""

from __future__ import annotations

import pytest

from veerkracht.content import Content
from veerkracht.language import check, sentences


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jij luistert nooit naar mij.", "generalisation"),
        ("Iedereen schuift zijn werk naar mij door.", "generalisation"),
        ("Ik moet altijd alles alleen doen.", "generalisation"),
        ("Jij moet ook eens naar mij luisteren.", "blame"),
        ("Het is jouw schuld dat ik zo moe ben.", "blame"),
        ("Jullie doen maar wat.", "blame"),
        ("Ik voel me genegeerd in het overleg.", "thought_as_feeling"),
        ("Ik voel me afgewezen door het team.", "thought_as_feeling"),
        ("Ik voel me gemanipuleerd.", "thought_as_feeling"),
        ("Ik heb het gevoel dat jij me niet serieus neemt.", "thought_as_feeling"),
        ("Ik eis dat mijn rooster verandert.", "demand"),
        ("Ik wil dat je dit per direct oplost.", "demand"),
        ("Dit moet nu geregeld worden.", "demand"),
        ("You never listen to me.", "blame"),
        ("Everyone dumps their work on me.", "generalisation"),
        ("You should have seen this coming.", "blame"),
        ("I feel ignored in meetings.", "thought_as_feeling"),
        ("I feel like you don’t care.", "thought_as_feeling"),
        ("I want you to fix this.", "demand"),
    ],
)
def test_sentences_that_derail_a_conversation_are_flagged(text: str, kind: str) -> None:
    (finding,) = check([text])
    assert finding.check == kind
    assert finding.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "Ik voel me moe en gespannen.",
        "Ik voel me onzeker als mijn voorstel niet besproken wordt.",
        "Kunnen we mijn taken samen tegen het licht houden?",
        "Ik merk dat ik de laatste weken meer fouten maak.",
        "Zou je af en toe met me willen checken hoe het gaat?",
        "Is het mogelijk om tijdelijk één project minder te doen?",
        "Ik wil dat graag met je bespreken.",
        "Ik heb het gevoel dat ik het niet meer bijhoud.",
        "Wat ik nodig heb is rust in mijn planning.",
        "I feel tired and anxious.",
        "Could we look at my priorities together?",
        "I notice I make more mistakes lately.",
        "Ik werk al jaren bij de afdeling Nooitgedacht.",
    ],
)
def test_calm_sentences_are_left_alone(text: str) -> None:
    assert check([text]) == []


def test_each_sentence_is_checked_on_its_own() -> None:
    findings = check(["Ik ben moe. Jij doet nooit iets! Kunnen we praten?"])
    assert [f.sentence for f in findings] == ["Jij doet nooit iets!"]


def test_a_tip_quotes_the_sentence_and_offers_a_calmer_way() -> None:
    (finding,) = check(["Ik voel me genegeerd."])
    tip = finding.tip(Content("nl"))
    assert tip.startswith("‘Ik voel me genegeerd.’")
    assert "Wat voel je erbij?" in tip
    assert "What do you feel?" in finding.tip(Content("en"))


def test_sentences_are_split_on_punctuation_and_lines() -> None:
    assert sentences("Een. Twee?\nDrie!  ") == ["Een.", "Twee?", "Drie!"]
