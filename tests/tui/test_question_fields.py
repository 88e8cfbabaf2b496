"""One declaration per form: the follow-up and the check-in on screen are made from the
questions plain mode asks (core/questions.py), and what is put in comes out the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.drive import SIZE
from veerkracht.core import questions as asked
from veerkracht.core.questions import checkin_questions, followup_questions
from veerkracht.screens import question_fields as fields

FOLLOWUP = {
    "went": 2,
    "as_feared": "worse",
    "helped": "Ze luisterde.\nEcht.",
    "agreements": [{"what": "minder taken", "who": "Noor", "due": "2026-12-04"}],
    "next_step": "Over twee weken weer praten.",
}
CHECKIN = {
    "went_well": "Meer rust.",
    "capacity": 6,
    "load": 4,
    "too_much": True,
    "pillars": {"trust": "Ik durf meer te vragen."},
}


def _ids(questions: tuple[asked.Question, ...]) -> set[str]:
    ids = set()
    for question in questions:
        if isinstance(question, asked.Texts):
            ids |= {fields.field_id(question, key) for key in question.keys}
        elif isinstance(question, asked.Agreements):
            ids.add("what-0")
        else:
            ids.add(question.name)
    return ids


async def test_the_followup_on_screen_is_the_questions_of_plain_mode(
    followup_app: Callable[..., Any],
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for widget_id in _ids(followup_questions(False)):
            assert screen.query(f"#{widget_id}"), widget_id
        assert not screen.query("#talked")  # asked only after the help notice
        screen.fill(FOLLOWUP)
        await pilot.pause()
        assert screen.collect() == {"entry": "1", **FOLLOWUP}


async def test_the_checkin_on_screen_is_the_questions_of_plain_mode(
    checkin_app: Callable[..., Any],
) -> None:
    app = checkin_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for widget_id in _ids(checkin_questions(())):
            assert screen.query(f"#{widget_id}"), widget_id
        screen.fill(CHECKIN)
        await pilot.pause()
        assert screen.collect() == CHECKIN
        assert not screen.query_one("#pillars").collapsed  # opened: it holds words
