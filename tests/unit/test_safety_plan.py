"""The veiligheidsplan's words and record: seven parts in Stanley and Brown's order, in
both languages, in the voice of veerkracht (je, choices, plain words, short); it says
it is best made together with someone and does not replace help; the help lines are
113's own words, 0800-0113 and 112; what is typed is kept as typed."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from veerkracht.content import LANGUAGES, Content, load
from veerkracht.core.errors import ValidationError
from veerkracht.core.safety_plan import ANSWERS, PARTS, SafetyPlan, items, parse_safety_plan
from veerkracht.render.safety import safety_markdown, safety_text

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
WORDS = load("safetyplan")
#: Stanley and Brown's Safety Planning Intervention, in its order.
TITLES = {
    "nl": [
        "1. Mijn waarschuwingssignalen",
        "2. Wat ik zelf kan doen",
        "3. Mensen en plekken die me afleiden",
        "4. Mensen die ik om hulp kan vragen",
        "5. Professionele hulp",
        "6. Mijn omgeving veiliger maken",
        "7. Wat mijn leven de moeite waard maakt",
    ],
    "en": [
        "1. My warning signs",
        "2. What I can do myself",
        "3. People and places that take my mind off it",
        "4. People I can ask for help",
        "5. Professional help",
        "6. Making my surroundings safer",
        "7. What makes life worth living for me",
    ],
}
#: Words of the clinic, of alarm or of orders: not for someone on a very bad day.
NOT_SAID = {
    "nl": r"\b(u|uw|moet|moeten|suïcid\w*|crisis\w*|patiënt\w*|stoornis\w*|psychiatr\w*|"
    r"risico\w*|safety|coping|tips?)\b",
    "en": r"\b(must|suicidal|crisis|patient|disorder|psychiatr\w*|risk\w*)\b",
}


def strings(node: object) -> list[tuple[str, str]]:
    """(language, text) of every text in the safety plan's content."""
    if isinstance(node, dict):
        if set(node) == set(LANGUAGES):
            return [(language, node[language]) for language in LANGUAGES]
        return [found for value in node.values() for found in strings(value)]
    return []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seven_parts_come_in_stanley_and_browns_order(language: str) -> None:
    content = Content(language)
    assert tuple(WORDS["parts"]) == PARTS
    assert [content.text("safetyplan", "parts", part, "title") for part in PARTS] == TITLES[
        language
    ]


def test_every_text_is_there_in_both_languages_and_in_the_voice() -> None:
    found = strings(WORDS)
    assert len(found) >= 2 * 30
    for language, text in found:
        assert text.strip(), text
        assert not re.search(NOT_SAID[language], text, re.IGNORECASE), f"{language}: {text}"
        assert "!" not in text  # calm, no alarm


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_question_is_short_and_speaks_to_you(language: str) -> None:
    for part in PARTS:
        question = WORDS["parts"][part]["question"][language]
        assert len(question) <= 2 * 78, "at most two lines of explanation"
    dutch = [WORDS["parts"][part]["question"]["nl"] for part in PARTS]
    assert sum(bool(re.search(r"\b(je|jij|jou)\b", text)) for text in dutch) >= 5
    asked = [text for text in dutch if "?" in text]
    assert len(asked) >= 4 and all(text.split("?")[0] for text in asked)


@pytest.mark.parametrize(
    ("language", "together", "no_substitute"),
    [
        ("nl", "samen met iemand: je huisarts, de POH-GGZ of 113", "vervangt geen hulp"),
        ("en", "together with someone: your GP (huisarts)", "does not replace help"),
    ],
)
def test_it_says_plainly_it_is_best_made_together_and_does_not_replace_help(
    language: str, together: str, no_substitute: str
) -> None:
    intro = " ".join(WORDS["ui"]["intro"][language].split())
    assert together in intro and no_substitute in intro
    assert no_substitute in WORDS["ui"]["end"][language]


@pytest.mark.parametrize(
    ("language", "wording", "danger"),
    [
        (
            "nl",
            "Denk je aan zelfdoding? Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl",
            "112",
        ),
        (
            "en",
            "Thinking about suicide? Call 113, free and anonymous, 24/7, or chat at 113.nl",
            "112",
        ),
    ],
)
def test_part_five_carries_the_fixed_numbers(language: str, wording: str, danger: str) -> None:
    fixed = WORDS["professionals"]["fixed"][language]
    assert wording in fixed and "0800-0113" in fixed and danger in fixed
    plan = parse_safety_plan({"reasons": "mijn kat"}, now=NOW)
    for page in (safety_text(plan, Content(language)), safety_markdown(plan, Content(language))):
        flat = " ".join(page.split())
        assert wording in flat and "0800-0113" in flat and "112" in flat


def test_the_record_keeps_every_word_as_typed() -> None:
    said = {key: f"  {key} één\n\n{key} twee  " for key in ANSWERS}
    plan = parse_safety_plan(said, now=NOW)
    assert plan.created == NOW
    assert plan.people == "people één\n\npeople twee"
    assert items(plan.people) == ["people één", "people twee"]
    again = SafetyPlan.from_record(plan.to_record())
    assert again == plan
    assert again.answers() == {key: value.strip() for key, value in said.items()}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, ""),
        ({"coping": "   "}, ""),
        ({"wishes": "x"}, "wishes"),
        ({"coping": 3}, "coping"),
        ({"people": "x" * 5001}, "people"),
        ("niet een object", ""),
    ],
)
def test_a_wrong_plan_is_refused_by_field(data: object, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_safety_plan(data, now=NOW)
    assert refused.value.field == field
