"""The conversation script: its sections, its words per audience, and what never goes in."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import NOW
from veerkracht.content import LANGUAGES, Content
from veerkracht.model import OPTIONS, Entry, parse_answers
from veerkracht.render import FORMATS, render
from veerkracht.scripts import SECTION_KEYS, audience_for, build_script, join_words

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def make_entry(answers: dict, entry_id: str = "3") -> Entry:
    entry = parse_answers({"created": "2026-11-21T09:30:00+01:00", **answers}, now=NOW)
    entry.id = entry_id
    entry.uuid = "00000000-0000-4000-8000-000000000003"
    return entry


@pytest.fixture
def entry(answers: dict) -> Entry:
    return make_entry(answers)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", ["manager", "confidential_adviser"])
def test_golden_cards(entry: Entry, audience: str, language: str) -> None:
    """The Markdown card, word for word. UPDATE_GOLDEN=1 rewrites them (read them first)."""
    content = Content(language)
    card = render(build_script(entry, content, audience), content, "markdown")
    path = GOLDEN / f"prepare_{audience}_{language}.md"
    if UPDATE:
        path.write_text(card, encoding="utf-8")
    assert card == path.read_text(encoding="utf-8")


def test_sections_come_in_the_contract_order(entry: Entry) -> None:
    data = build_script(entry, Content("nl")).to_json()
    assert [section["key"] for section in data["sections"]] == list(SECTION_KEYS)
    assert (data["entry"], data["audience"], data["lang"]) == ("3", "manager", "nl")
    assert all(section["lines"] for section in data["sections"])


def test_the_same_entry_always_gives_the_same_script(answers: dict) -> None:
    for output_format in FORMATS:
        first = render(
            build_script(make_entry(answers), Content("en")), Content("en"), output_format
        )
        again = render(
            build_script(make_entry(answers), Content("en")), Content("en"), output_format
        )
        assert first == again


def test_the_users_own_words_are_kept_as_written(entry: Entry) -> None:
    script = build_script(entry, Content("nl"))
    assert script.section("asks").lines == tuple(entry.asks)  # already capitalised
    lower = build_script(
        make_entry({"feelings": ["sad"], "share": "dat het zwaar is"}), Content("nl")
    )
    assert "Dat het zwaar is" in lower.section("situation").lines
    assert entry.share in script.section("situation").lines
    assert f"Wat ik hoop: {entry.desired_change}" in script.section("need").lines


def test_without_own_asks_the_suggestions_fit_the_support(answers: dict) -> None:
    script = build_script(
        make_entry({**answers, "asks": [], "support": ["practical"]}), Content("nl")
    )
    asks = script.section("asks").lines
    assert asks == tuple(Content("nl").option("support", "practical", "asks"))
    assert any("voorbeelden" in tip for tip in script.section("tips").lines)


@pytest.mark.parametrize(
    ("audience", "words"),
    [
        ("manager", "werkdruk en wat nu echt prioriteit heeft"),
        ("confidential_adviser", "wat er vertrouwelijk blijft"),
        ("company_doctor", "wat ik op dit moment aankan"),
        ("works_council", "niet alleen mij raakt"),
        ("hr", "welke mogelijkheden er zijn"),
        ("colleague", "Je hoeft het niet op te lossen"),
    ],
)
def test_each_audience_gets_its_own_framing(entry: Entry, audience: str, words: str) -> None:
    script = build_script(entry, Content("nl"), audience)
    assert script.audience == audience
    assert words in " ".join(script.section("opening").lines + script.section("need").lines)


def test_private_triggers_are_said_discreetly_unless_this_person_is_the_place(
    answers: dict,
) -> None:
    entry = make_entry({**answers, "triggers": ["health", "misconduct"], "share": ""})

    def situation(audience: str) -> str:
        return " ".join(build_script(entry, Content("nl"), audience).section("situation").lines)

    assert "gezondheid" not in situation("manager").lower()
    assert "grensoverschrijdend" not in situation("manager")
    assert "Mijn gezondheid speelt mee" in situation("company_doctor")
    assert "grensoverschrijdend gedrag" in situation("confidential_adviser")


def test_the_audience_defaults_to_the_reflection_then_the_suggestion(answers: dict) -> None:
    assert audience_for(make_entry(answers)) == "manager"
    assert audience_for(make_entry(answers), "hr") == "hr"
    no_choice = make_entry({**answers, "audience": None, "triggers": ["misconduct"]})
    assert audience_for(no_choice) == "confidential_adviser"


def test_language_check_tips_quote_only_what_will_be_said(answers: dict) -> None:
    entry = make_entry(
        {**answers, "asks": ["Jij moet dit nu oplossen."], "feelings_note": "Ik voel me genegeerd."}
    )
    tips = " ".join(build_script(entry, Content("nl")).section("tips").lines)
    assert "‘Jij moet dit nu oplossen.’" in tips
    assert "genegeerd" not in tips


def test_the_company_doctor_tip_replaces_the_health_pointer(entry: Entry) -> None:
    doctor = " ".join(build_script(entry, Content("nl"), "company_doctor").section("tips").lines)
    manager = " ".join(build_script(entry, Content("nl"), "manager").section("tips").lines)
    assert "beroepsgeheim" in doctor
    assert "Gezondheidsdetails horen bij de bedrijfsarts" in manager


def test_words_are_joined_naturally() -> None:
    assert join_words([], "en") == ""
    assert join_words(["moe"], "en") == "moe"
    assert join_words(["moe", "boos"], "en") == "moe en boos"
    assert join_words(["a", "b", "c"], "and") == "a, b and c"


# -- privacy ---------------------------------------------------------------------------

NOT_SHARED = ("private", "feelings_note", "triggers_note", "impact_note", "fear")
secret = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=6, max_size=40
).filter(lambda text: text.strip())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    secrets=st.fixed_dictionaries(dict.fromkeys(NOT_SHARED, secret)),
    drains=secret,
    language=st.sampled_from(LANGUAGES),
    audience=st.sampled_from(OPTIONS["audiences"]),
    output_format=st.sampled_from(FORMATS),
)
def test_private_and_unshared_text_never_reaches_a_script(
    answers: dict,
    secrets: dict,
    drains: str,
    language: str,
    audience: str,
    output_format: str,
) -> None:
    """Random private text (and notes, fear, relations) changes nothing in any rendering.

    (That a fear was written down does show, as a tip; what it says never does.)"""
    content = Content(language)
    quiet = {**answers, **dict.fromkeys(NOT_SHARED, ""), "fear": "…", "relations": {}}
    loud = {**answers, **secrets, "relations": {"drains": drains}}
    baseline = render(build_script(make_entry(quiet), content, audience), content, output_format)
    rendered = render(build_script(make_entry(loud), content, audience), content, output_format)
    assert rendered == baseline
    for text in [*secrets.values(), drains]:
        if text.strip() not in baseline:
            assert text.strip() not in rendered


def test_the_json_is_valid_and_unescaped(entry: Entry) -> None:
    data = json.loads(render(build_script(entry, Content("nl")), Content("nl"), "json"))
    assert data["sections"][0]["lines"][0].startswith("Heb je binnenkort")


def test_the_card_shows_the_reflections_date_not_today(answers: dict) -> None:
    entry = make_entry(answers)
    card = render(build_script(entry, Content("nl")), Content("nl"), "markdown")
    assert "reflectie 3 van 2026-11-21" in card
    assert datetime.now().date().isoformat() not in card
