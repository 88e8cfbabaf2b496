"""The reflection in plain mode (`reflect --plain`, also `--short`): the same steps,
draft and saving as the screen, through the same parser as `--from`. The flows after
the talk are in plain_after.py, what they share in plain_walk.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from veerkracht.cli.plain import Conversation, Part, problem_of
from veerkracht.cli.plain_walk import command_line, finish, walk_questions
from veerkracht.cli.session import Session
from veerkracht.core.model import Entry, now, parse_answers
from veerkracht.core.questions import REFLECTION
from veerkracht.core.reflection import (
    SHORT_LEFT_OUT,
    SHORT_STEPS,
    STEPS,
    suggest_audience,
    suggested_asks,
    summary,
)
from veerkracht.core.textsafe import visible
from veerkracht.store.drafts import Draft, saved_at, step_of


def reflect(session: Session, *, short: bool = False) -> None:
    """The guided reflection, step by step; saved as `reflect --from` saves it. The
    short one asks four steps and then says the card."""
    from veerkracht.cli import saved
    from veerkracht.services.reflections import save_reflection

    store, content = session.store, session.content
    draft = Draft(store, "reflect")
    where = {"step": 1}
    conversation = Conversation(session)
    conversation.keeping = lambda answers: draft.save(answers, where["step"], now())
    _reflection_hooks(conversation)
    command = command_line(session, "reflect")
    route = SHORT_STEPS if short else STEPS[1:-1]

    def walk_step(step: str) -> None:
        where["step"] = STEPS.index(step)
        _ask_step(conversation, step, short=short)

    def walk() -> None:
        first = _start_reflection(conversation, draft)
        for step in route:
            if STEPS.index(step) >= first:
                walk_step(step)
        where["step"] = STEPS.index("summary")
        conversation.keep()
        parts = lambda: [  # noqa: E731
            Part(step, content.text("reflect", "steps", step, "title"), visible(said))
            for step, said in summary(conversation.answers, content)
        ]
        problem = lambda: problem_of(  # noqa: E731
            session, lambda: parse_answers(conversation.answers, now=now())
        )

        def change(step: str) -> None:
            walk_step(step)
            where["step"] = STEPS.index("summary")
            conversation.keep()

        if not conversation.review(parts, problem, change):
            finish(conversation, draft, command)
            return
        moment = now()
        entry = parse_answers(conversation.answers, now=moment)
        saved.reflection(
            session, save_reflection(store, entry, moment, conversation.heavy), asked=True
        )
        draft.clear()
        conversation.say(conversation.plain("reflect", "saved", id=entry.id))
        if short:
            _say_card(session, entry)

    walk_questions(conversation, draft, command, walk)


def _ask_step(conversation: Conversation, step: str, *, short: bool) -> None:
    """One step: where you are, its question and explanation, then its answers (the
    short reflection leaves the notes out)."""
    content = conversation.content
    if conversation.answers:  # the draft knows where you are, as the screen's does
        conversation.keep()
    title = content.text("reflect", "steps", step, "title")
    conversation.say("")
    counted = SHORT_STEPS if short and step in SHORT_STEPS else STEPS
    number, total = counted.index(step) + 1, len(counted)
    words = "short_progress" if short else "progress"
    conversation.say(content.text("reflect", "ui", words, number=number, total=total, title=title))
    conversation.say(content.text("reflect", "steps", step, "question"))
    plain = content.text("plain", "reflect", step) if step == "asks" else None
    conversation.say(plain or content.text("reflect", "steps", step, "explain"))
    for question in REFLECTION[step]:
        if not (short and question.name in SHORT_LEFT_OUT):
            conversation.ask(question)


def _say_card(session: Session, entry: Entry) -> None:
    """The card of a short reflection, said on stderr (stdout keeps the id alone)."""
    from veerkracht.core.scripts import build_script
    from veerkracht.render.cards import print_text

    session.say("short_card")
    print_text(build_script(entry, session.content), session.content, sys.stderr, plain=True)


def _start_reflection(conversation: Conversation, draft: Draft) -> int:
    """The welcome: carry on with a draft (or set it aside and start over), else begin.
    Gives the first step to ask."""
    words = conversation.words
    saved = draft.load()
    if saved:
        step = step_of(saved, len(STEPS))
        when = saved_at(saved)
        conversation.say(
            words(
                "reflect",
                "ui",
                "draft_found",
                when=when.strftime("%d-%m-%Y %H:%M") if when else "?",
                number=step + 1,
                title=words("reflect", "steps", STEPS[step], "title"),
            )
        )
        conversation.say(f"1. {words('reflect', 'ui', 'resume')}")
        conversation.say(f"2. {words('reflect', 'ui', 'start_over')}")
        conversation.say(conversation.plain("reflect", "resume"))
        if conversation.number(2, default=1) == 1:
            conversation.answers = dict(saved["answers"])
            return step
        draft.set_aside(now())
        conversation.say(conversation.plain("reflect", "set_aside"))
    conversation.say(words("reflect", "steps", "welcome", "question"))
    conversation.say(words("reflect", "steps", "welcome", "explain"))
    conversation.say(conversation.plain("reflect", "intro"))
    return 1


def _reflection_hooks(conversation: Conversation) -> None:
    """What the reflection's screen shows around its questions, said in plain words: the
    suggested audience and what that person can do, the tips for each barrier, example
    asks; the help notice as the screen decides it."""
    content, answers = conversation.content, lambda: conversation.answers
    suggested = {"done": False}

    def suggestion() -> str | None:
        if suggested["done"]:
            return None
        suggested["done"] = True
        return suggest_audience(answers().get("triggers", []))

    def before_audience() -> None:
        key = suggest_audience(answers().get("triggers", []))
        field = content.text("reflect", "fields", "suggestion")
        reason = content.text("reflect", "audience_reasons", key)
        conversation.say(f"{field}: {content.label('audiences', key)}. {reason}")

    def after_audience() -> None:
        key = answers().get("audience")
        if key:
            confidential = content.text("reflect", "fields", "confidential")
            conversation.say(content.option("audiences", key, "hint"))
            conversation.say(f"{confidential} {content.option('audiences', key, 'confidential')}")
            conversation.say(content.option("audiences", key, "when"))

    def barrier_tips() -> None:
        chosen = answers().get("barriers", [])
        if chosen:
            conversation.say(f"{content.text('reflect', 'fields', 'tips')}:")
        for key in chosen:
            conversation.say(
                f"{content.label('barriers', key)}: {content.option('barriers', key, 'tip')}"
            )

    conversation.suggest["audience"] = suggestion
    conversation.before["audience"] = before_audience
    conversation.after["audience"] = after_audience
    conversation.after["barriers"] = barrier_tips
    conversation.examples = lambda: suggested_asks(answers().get("support", []), content)
    conversation.needed["feelings"] = content.text("reflect", "ui", "need_feeling")
    conversation.heavy_now = _reflection_heavy(conversation)


def _reflection_heavy(conversation: Conversation) -> Callable[[dict[str, Any]], bool]:
    """The screen's check: heavy now, in words, or several heavy reflections in a row
    (earlier ones read once, only when that can matter)."""
    from veerkracht.core.safety import SUSTAINED_LEVEL, free_texts, needs_notice

    recent: list[tuple[datetime, int | None]] | None = None

    def heavy(answers: dict[str, Any]) -> bool:
        nonlocal recent
        level = answers.get("intensity")
        level = level if isinstance(level, int) else None
        if recent is None and level is not None and level >= SUSTAINED_LEVEL:
            entries = conversation.session.store.entries()
            recent = [(entry.created, entry.intensity) for entry in entries]
        return needs_notice(level, free_texts(answers), recent or [], now())

    return heavy
