"""The conversation script: its sections, its words per audience, and what never goes in."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.model import OPTIONS, Entry, parse_answers
from veerkracht.core.own_words import join_words
from veerkracht.core.scripts import (
    SECTION_KEYS,
    SPOKEN_SECTIONS,
    Script,
    audience_for,
    build_script,
)
from veerkracht.render.cards import FORMATS, render


def make_entry(now: datetime, answers: dict, entry_id: str = "3") -> Entry:
    entry = parse_answers({"created": "2026-11-21T09:30:00+01:00", **answers}, now=now)
    entry.id = entry_id
    entry.uuid = "00000000-0000-4000-8000-000000000003"
    return entry


@pytest.fixture
def entry(answers: dict, now: datetime) -> Entry:
    return make_entry(now, answers)


def said(script: Script, *keys: str) -> str:
    """The spoken lines that are on, of `keys` (all spoken sections by default)."""
    keys = keys or SPOKEN_SECTIONS
    return " ".join(line for s in script.sections if s.key in keys for line in s.lines)


def test_sections_come_in_the_contract_order(entry: Entry) -> None:
    data = build_script(entry, Content("nl")).to_json()
    assert [section["key"] for section in data["sections"]] == list(SECTION_KEYS)
    assert (data["entry"], data["audience"], data["lang"]) == ("3", "manager", "nl")
    assert all(section["lines"] for section in data["sections"])
    assert data["language"] == []


def test_the_same_entry_always_gives_the_same_script(answers: dict, now: datetime) -> None:
    for output_format in FORMATS:
        first = render(
            build_script(make_entry(now, answers), Content("en")), Content("en"), output_format
        )
        again = render(
            build_script(make_entry(now, answers), Content("en")), Content("en"), output_format
        )
        assert first == again


def test_one_opening_is_said_and_the_others_wait_in_the_editor(entry: Entry) -> None:
    opening = build_script(entry, Content("nl")).section("opening")
    assert len(opening.lines) == 1
    assert len(opening.all_lines) >= 3
    assert opening.off == frozenset(range(1, len(opening.all_lines)))


def test_the_users_own_words_are_kept_as_written(entry: Entry, now: datetime) -> None:
    script = build_script(entry, Content("nl"))
    assert script.section("asks").lines == tuple(entry.asks)  # already capitalised
    lower = build_script(
        make_entry(now, {"feelings": ["sad"], "share": "dat het zwaar is"}), Content("nl")
    )
    assert "Wat ik wil vertellen, is dat het zwaar is." in lower.section("situation").lines
    assert "Wat me zou helpen: minder tegelijk op mijn bord." in script.section("need").lines


@pytest.mark.parametrize(
    ("hoped", "said_as"),
    [
        ("we samen kijken wat er kan", "Ik hoop dat we samen kijken wat er kan."),
        ("dat ik weer rust krijg", "Ik hoop dat ik weer rust krijg."),
        ("Ik wil minder werk", "Ik wil minder werk."),
        ("ik hoop op rust", "Ik hoop op rust."),
        ("minder tegelijk op mijn bord", "Wat me zou helpen: minder tegelijk op mijn bord."),
        ("Minder tegelijk op mijn bord.", "Wat me zou helpen: minder tegelijk op mijn bord."),
        ("ik zit er even doorheen", "Ik zit er even doorheen."),
        (
            "ik een tijdje minder uren kan werken",
            "Ik hoop dat ik een tijdje minder uren kan werken.",
        ),
        ("er minder op mijn bord ligt", "Ik hoop dat er minder op mijn bord ligt."),
        ("Het werk is weer te doen", "Het werk is weer te doen."),
    ],
)
def test_what_the_user_hopes_for_is_said_as_a_sentence(
    hoped: str, said_as: str, now: datetime
) -> None:
    entry = make_entry(now, {"feelings": ["tired"], "desired_change": hoped})
    assert said_as in build_script(entry, Content("nl")).section("need").lines


def test_own_story_and_asks_go_to_the_person_they_were_written_for(
    answers: dict, now: datetime
) -> None:
    entry = make_entry(now, answers)  # written for the manager
    assert entry.asks[0] in said(build_script(entry, Content("nl"), "manager"))
    # The company doctor hears the story too (health and sleep, under medical secrecy).
    doctor = build_script(entry, Content("nl"), "company_doctor")
    assert "het thuis zwaar is" in said(doctor)
    assert entry.asks[0] not in said(doctor)
    for other in ("colleague", "works_council"):
        script = build_script(entry, Content("nl"), other)
        assert entry.asks[0] not in said(script)
        assert entry.share not in said(script)
        assert entry.asks[0] in script.section("asks").all_lines  # waiting in the editor


def test_without_own_asks_the_suggestions_fit_the_support(answers: dict, now: datetime) -> None:
    script = build_script(
        make_entry(now, {**answers, "asks": [], "support": ["practical"]}), Content("nl")
    )
    asks = script.section("asks").lines
    assert asks[0] == Content("nl").option("support", "practical", "asks")[0]
    assert any("voorbeelden" in tip for tip in script.section("tips").lines)


@pytest.mark.parametrize(
    ("audience", "words"),
    [
        ("manager", "wat er tijdelijk anders kan in mijn werk"),
        ("confidential_adviser", "wat er vertrouwelijk blijft"),
        ("company_doctor", "gezond te blijven werken"),
        ("works_council", "niet alleen mij raakt"),
        ("hr", "welke regelingen en mogelijkheden"),
        ("colleague", "Je hoeft het niet op te lossen"),
    ],
)
def test_each_audience_gets_its_own_framing(
    answers: dict, audience: str, words: str, now: datetime
) -> None:
    entry = make_entry(now, {**answers, "intensity": 3})
    script = build_script(entry, Content("nl"), audience)
    assert script.audience == audience
    assert words in said(script, "opening", "need")


def test_the_company_doctor_hears_how_heavy_it_is_and_is_asked_for_advice(now: datetime) -> None:
    """Grief, migraine and intensity 9 with the help notice: not ‘just listen’."""
    entry = make_entry(now, {
        "feelings": ["sad", "tired"], "intensity": 9, "triggers": ["grief", "health"],
        "support": ["listening", "relational"], "help_notice": True,
    })  # fmt: skip
    script = build_script(entry, Content("nl"), "company_doctor")
    spoken = said(script)
    assert "hoe zwaar het is" in spoken
    assert "Wat kan ik op dit moment aan" in spoken
    assert "luisteren" not in spoken and "hart" not in spoken
    tips = " ".join(script.section("tips").lines)
    assert "preventief consult" in tips and "poortwachter" in tips and "maanden" in tips


def test_the_works_council_hears_the_pattern_and_nothing_personal(
    answers: dict, now: datetime
) -> None:
    entry = make_entry(now, {**answers, "feelings": ["ashamed", "sad"], "triggers": ["workload"]})
    script = build_script(entry, Content("nl"), "works_council")
    spoken = said(script)
    assert "Op onze afdeling ligt al een tijd meer werk" in spoken
    assert "RI&E" in spoken
    assert "Ik voel me" not in spoken and "schaam" not in spoken
    assert entry.share not in spoken and entry.asks[0] not in spoken


def test_after_misconduct_the_manager_hears_about_safety_not_workload(
    answers: dict, now: datetime
) -> None:
    entry = make_entry(now, {**answers, "triggers": ["misconduct"], "asks": []})
    spoken = said(build_script(entry, Content("nl"), "manager"))
    assert "werkdruk" not in spoken and "project minder" not in spoken
    assert "veilig kan werken" in spoken and "Wat gebeurt er nu" in spoken


def test_a_colleague_is_asked_small_mutual_things(answers: dict, now: datetime) -> None:
    entry = make_entry(now, {**answers, "asks": [], "support": ["practical", "relational"]})
    spoken = said(build_script(entry, Content("nl"), "colleague"), "asks")
    assert "taken" not in spoken and "project" not in spoken
    assert "hoe het met me gaat" in spoken


def test_hr_hears_about_care_leave_when_the_user_cares_for_someone(
    answers: dict, now: datetime
) -> None:
    entry = make_entry(now, {**answers, "triggers": ["caregiving"], "asks": []})
    script = build_script(entry, Content("nl"), "hr")
    assert "zorgverlof" in said(script, "asks")
    assert any("Wet arbeid en zorg" in tip for tip in script.section("tips").lines)


def test_shame_is_said_as_a_clause_of_its_own(now: datetime) -> None:
    entry = make_entry(now, {"feelings": ["tired", "ashamed"], "intensity": 8})
    situation = build_script(entry, Content("nl")).section("situation").lines
    assert situation[:2] == (
        "Ik voel me de laatste tijd moe, en ik schaam me ervoor.",
        "Het weegt me op dit moment zwaar.",
    )


def test_private_triggers_are_said_discreetly_unless_this_person_is_the_place(
    answers: dict,
    now: datetime,
) -> None:
    entry = make_entry(now, {**answers, "triggers": ["health", "misconduct"], "share": ""})

    def situation(audience: str) -> str:
        return " ".join(build_script(entry, Content("nl"), audience).section("situation").lines)

    assert "gezondheid" not in situation("manager").lower()
    assert "grensoverschrijdend" in situation("manager")
    assert "grensoverschrijdend" not in situation("colleague")
    assert "Mijn gezondheid speelt mee" in situation("company_doctor")
    assert "grensoverschrijdend gedrag" in situation("confidential_adviser")


def test_the_audience_defaults_to_the_reflection_then_the_suggestion(
    answers: dict, now: datetime
) -> None:
    assert audience_for(make_entry(now, answers)) == "manager"
    assert audience_for(make_entry(now, answers), "hr") == "hr"
    no_choice = make_entry(now, {**answers, "audience": None, "triggers": ["misconduct"]})
    assert audience_for(no_choice) == "confidential_adviser"


def test_language_check_tips_quote_only_what_will_be_said(answers: dict, now: datetime) -> None:
    entry = make_entry(
        now,
        {
            **answers,
            "asks": ["Jij moet dit nu oplossen."],
            "feelings_note": "Ik voel me genegeerd.",
        },
    )
    script = build_script(entry, Content("nl"))
    tips = " ".join(script.section("tips").lines)
    assert "‘Jij moet dit nu oplossen.’" in tips
    assert "genegeerd" not in tips
    (finding,) = script.to_json()["language"]
    assert finding["sentence"] == "Jij moet dit nu oplossen."
    assert finding["check"] == "demand"
    assert finding["suggestion"] == "Zou je dit nu willen oplossen?"


def test_a_firm_boundary_about_misconduct_is_not_softened(answers: dict, now: datetime) -> None:
    entry = make_entry(now, {
        **answers, "triggers": ["misconduct"],
        "asks": ["Ik wil dat je stopt met die grappen over mijn afkomst."],
    })  # fmt: skip
    assert build_script(entry, Content("nl")).to_json()["language"] == []


def test_the_company_doctor_tip_replaces_the_health_pointer(entry: Entry) -> None:
    doctor = " ".join(build_script(entry, Content("nl"), "company_doctor").section("tips").lines)
    hr = " ".join(build_script(entry, Content("nl"), "hr").section("tips").lines)
    assert "beroepsgeheim" in doctor
    assert "Gezondheidsdetails horen bij de bedrijfsarts" in hr


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


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
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
    now: datetime,
) -> None:
    """Random private text (and notes, fear, relations) changes nothing in any rendering.

    (That a fear was written down does show, as a tip; what it says never does.)"""
    content = Content(language)
    quiet = {**answers, **dict.fromkeys(NOT_SHARED, ""), "fear": "…", "relations": {}}
    loud = {**answers, **secrets, "relations": {"drains": drains}}
    baseline = render(
        build_script(make_entry(now, quiet), content, audience), content, output_format
    )
    rendered = render(
        build_script(make_entry(now, loud), content, audience), content, output_format
    )
    assert rendered == baseline
    for text in [*secrets.values(), drains]:
        if text.strip() not in baseline:
            assert text.strip() not in rendered


def test_the_json_is_valid_and_unescaped(entry: Entry) -> None:
    data = json.loads(render(build_script(entry, Content("nl")), Content("nl"), "json"))
    assert data["sections"][0]["lines"][0].startswith("Ik zit er even doorheen")


def test_the_card_shows_the_reflections_date_not_today(answers: dict, now: datetime) -> None:
    entry = make_entry(now, answers)
    card = render(build_script(entry, Content("nl")), Content("nl"), "markdown")
    assert "reflectie 3 van 2026-11-21" in card
    assert datetime.now().date().isoformat() not in card
