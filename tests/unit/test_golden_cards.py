"""Golden cards: three contrasting reflections (workload; misconduct; grief with health and
a help notice) for each of the six people, in Dutch and English, word for word. They were
read aloud before they were kept; UPDATE_GOLDEN=1 rewrites them (read them again)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.model import OPTIONS, Entry, parse_answers
from veerkracht.core.scripts import build_script
from veerkracht.render.cards import render

GOLDEN = Path(__file__).parents[1] / "golden" / "cards"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

REFLECTIONS: dict[str, dict] = {
    "workload": {
        "feelings": ["tired", "tense", "ashamed"],
        "intensity": 7,
        "triggers": ["workload", "unclear_expectations", "home"],
        "impact": ["concentration", "mistakes", "irritability"],
        "support": ["practical", "listening"],
        "barriers": ["judgement"],
        "audience": "manager",
        "fear": {
            "nl": "Dat ze denkt dat ik het niet aankan.",
            "en": "That she'll think I can't cope.",
        },
        "private": {
            "nl": "Mijn relatie staat op springen.",
            "en": "My relationship is on the rocks.",
        },
        "desired_change": {
            "nl": "we samen kijken wat er van mijn bord kan",
            "en": "we look together at what can come off my plate",
        },
        "share": {
            "nl": "Ik werk al weken ’s avonds door om bij te blijven.",
            "en": "I have been working evenings for weeks to keep up.",
        },
    },
    "misconduct": {
        "feelings": ["angry", "anxious"],
        "intensity": 8,
        "triggers": ["misconduct", "conflict"],
        "impact": ["concentration", "rumination"],
        "support": ["validating", "informational"],
        "audience": "confidential_adviser",
        "share": {
            "nl": "Een collega maakt al maanden grappen over mijn afkomst.",
            "en": "A colleague has been joking about my background for months.",
        },
        "asks": {
            "nl": ["Ik wil dat die grappen stoppen.", "Kun je me helpen om dit op te schrijven?"],
            "en": ["I want the jokes to stop.", "Could you help me write this down?"],
        },
    },
    "grief": {
        "feelings": ["sad", "tired"],
        "intensity": 9,
        "triggers": ["grief", "health"],
        "impact": ["fatigue", "emotional_reactions"],
        "support": ["listening", "relational"],
        "audience": "company_doctor",
        "help_notice": True,
        "desired_change": {
            "nl": "ik een tijdje minder uren kan werken",
            "en": "I can work fewer hours for a while",
        },
        "fear": {"nl": "Dat het er niet toe doet.", "en": "That it doesn't matter."},
    },
}


def reflection(now: datetime, name: str, language: str) -> Entry:
    answers = {
        key: value[language] if isinstance(value, dict) else value
        for key, value in REFLECTIONS[name].items()
    }
    entry = parse_answers({"created": "2026-11-21T09:30:00+01:00", **answers}, now=now)
    entry.id = "7"
    return entry


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", OPTIONS["audiences"])
@pytest.mark.parametrize("name", sorted(REFLECTIONS))
def test_golden_card(name: str, audience: str, language: str, now: datetime) -> None:
    content = Content(language)
    card = render(
        build_script(reflection(now, name, language), content, audience), content, "markdown"
    )
    path = GOLDEN / f"{name}_{audience}_{language}.md"
    if UPDATE:
        path.write_text(card, encoding="utf-8")
    assert card == path.read_text(encoding="utf-8")
