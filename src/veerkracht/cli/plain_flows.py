"""The four flows plain mode asks (`reflect`, `followup`, `checkin`, `plan dialogue`
with `--plain`): the same questions, drafts and saving as the screens, through the same
parsers and save functions as `--from`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, NoReturn

import typer

from veerkracht.cli.plain import Conversation, Ended, Part, problem_of
from veerkracht.cli.session import Session
from veerkracht.core.model import Entry, now, parse_answers
from veerkracht.core.questions import REFLECTION, Question, is_empty
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


def _command(session: Session, *words: str) -> str:
    """The command that carries on, in the language asked for."""
    language = " --lang en" if session.language == "en" else ""
    return " ".join(("veerkracht", *words, "--plain")) + language


def _walk(conversation: Conversation, draft: Draft, command: str, walk: Callable[[], None]) -> None:
    """Run the questions; input that ends first keeps the draft and says how to go on."""
    try:
        walk()
    except (Ended, KeyboardInterrupt):
        conversation.stop(draft.path, command)


def _form_draft(
    conversation: Conversation, draft: Draft, fixed: dict[str, Any] | None = None
) -> Callable[[dict[str, Any]], None]:
    """A form's draft, as the screens keep it: the answers (with `fixed` ones, such as the
    entry), or no draft while nothing is typed."""

    def keep(answers: dict[str, Any]) -> None:
        if answers:
            draft.save({**(fixed or {}), **answers}, 0, now())
        else:
            draft.clear()

    saved = draft.load()
    if saved:
        conversation.answers = {
            key: value for key, value in saved["answers"].items() if key not in (fixed or {})
        }
        conversation.say(conversation.words("after", "ui", "draft_restored"))
    return keep


def _words_heavy(answers: dict[str, Any]) -> bool:
    from veerkracht.core.safety import words_need_notice

    return words_need_notice(answers)


def _form_parts(conversation: Conversation, questions: Iterable[Question]) -> list[Part]:
    """A form's summary: one line per question."""
    return [
        Part(
            question.name,
            conversation.words(*question.label),
            conversation.describe(question, conversation.answers.get(question.name)),
        )
        for question in questions
    ]


def _finish(conversation: Conversation, draft: Draft, command: str) -> NoReturn:
    """After a no to saving: say what stays (the draft, if anything was typed), and exit 1,
    so a script can tell that nothing was saved (stdout stays empty)."""
    if conversation.answers:
        conversation.say(conversation.plain("end", "not_saved", command=command))
    else:
        draft.clear()
        conversation.say(conversation.plain("end", "nothing"))
    raise typer.Exit(1)


# -- the reflection --------------------------------------------------------------------------


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
    command = _command(session, "reflect")
    route = SHORT_STEPS if short else STEPS[1:-1]
    words = "short_progress" if short else "progress"

    def walk_step(step: str) -> None:
        where["step"] = STEPS.index(step)
        if conversation.answers:  # the draft knows where you are, as the screen's does
            conversation.keep()
        title = content.text("reflect", "steps", step, "title")
        conversation.say("")
        counted = SHORT_STEPS if short and step in SHORT_STEPS else STEPS
        number, total = counted.index(step) + 1, len(counted)
        conversation.say(
            content.text("reflect", "ui", words, number=number, total=total, title=title)
        )
        conversation.say(content.text("reflect", "steps", step, "question"))
        plain = content.text("plain", "reflect", step) if step == "asks" else None
        conversation.say(plain or content.text("reflect", "steps", step, "explain"))
        for question in REFLECTION[step]:
            if not (short and question.name in SHORT_LEFT_OUT):
                conversation.ask(question)

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
            _finish(conversation, draft, command)
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

    _walk(conversation, draft, command, walk)


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


# -- after the talk, the check-in, a dialogue talk -------------------------------------------


def followup(session: Session, entry: Entry) -> None:
    """After the talk about `entry`; saved as `followup --from` saves it."""
    from veerkracht.cli import saved
    from veerkracht.core.questions import followup_questions
    from veerkracht.core.records import parse_followup
    from veerkracht.services.after_talk import save_followup

    draft = Draft(session.store, f"followup-{entry.uuid}")
    conversation = Conversation(session)
    fixed = {"entry": entry.id}
    conversation.keeping = _form_draft(conversation, draft, fixed)
    conversation.heavy_now = _words_heavy
    questions = followup_questions(entry.help_notice)
    command = _command(session, "followup", entry.id)
    words = ("after", "followup")

    def walk() -> None:
        conversation.say(
            conversation.words(*words, "heading", id=entry.id, date=entry.created.date())
        )
        conversation.say(conversation.words(*words, "intro"))
        if entry.fear:
            conversation.say(conversation.words(*words, "feared", fear=visible(entry.fear)))
        for question in questions:
            conversation.ask(question)
        data = lambda: {**fixed, **conversation.answers}  # noqa: E731
        if not _review_form(conversation, questions, lambda: parse_followup(data(), now=now())):
            _finish(conversation, draft, command)
            return
        moment = now()
        done, agreements, _ = parse_followup(data(), now=moment)
        kept = save_followup(
            session.store, done, agreements, entry, moment.date(), conversation.heavy
        )
        saved.followup(session, kept, asked=True)
        draft.clear()
        conversation.say(conversation.plain("followup", "saved", id=done.id))

    _walk(conversation, draft, command, walk)


def checkin(session: Session) -> None:
    """The weekly check-in, ticking off agreements kept; saved as `checkin --from` saves
    it."""
    from veerkracht.cli import saved
    from veerkracht.core.questions import checkin_questions
    from veerkracht.core.records import parse_checkin
    from veerkracht.render.agreements import agreement_line
    from veerkracht.services.after_talk import save_checkin

    store = session.store
    open_ = [agreement for agreement in store.contents().agreements if not agreement.done]
    choices = [(a.id, visible(f"{a.id} · {agreement_line(a)}")) for a in open_]
    draft = Draft(store, "checkin")
    conversation = Conversation(session)
    conversation.keeping = _form_draft(conversation, draft)
    conversation.heavy_now = _words_heavy
    questions = checkin_questions(choices)
    command = _command(session, "checkin")
    open_ids = {agreement.id for agreement in open_}

    def data() -> dict[str, Any]:
        return {key: value for key, value in conversation.answers.items() if key != "kept"}

    def walk() -> None:
        conversation.say(conversation.words("after", "checkin", "heading"))
        conversation.say(conversation.words("after", "checkin", "intro"))
        for question in questions:
            conversation.ask(question)
        if not _review_form(conversation, questions, lambda: parse_checkin(data(), now=now())):
            _finish(conversation, draft, command)
            return
        kept = [ref for ref in conversation.answers.get("kept", []) if ref in open_ids]
        checked = parse_checkin(data(), now=now())
        done = saved.checkin(
            session, save_checkin(store, checked, kept, conversation.heavy), asked=True
        )
        draft.clear()
        conversation.say(conversation.plain("checkin", "saved", id=done.id))

    _walk(conversation, draft, command, walk)


def dialogue(session: Session, talk_ref: str | None) -> None:
    """A dialogue talk of the recovery plan: before and after it; a talk prepared earlier
    is completed, as on the screen. Saved as `plan dialogue --from` saves it."""
    from veerkracht.cli import saved
    from veerkracht.cli.plan_state import running
    from veerkracht.core.plan import parse_dialogue
    from veerkracht.core.questions import DIALOGUE, SAID_IN_TALK
    from veerkracht.services.plans import open_plan_state, save_dialogue

    store, today = session.store, now().date()
    state = open_plan_state(store, today)
    plan = running(state.plan)
    earlier = state.talk(talk_ref) if talk_ref is not None else state.prepared()
    draft = Draft(store, f"plan_dialogue-{earlier.uuid}" if earlier else "plan_dialogue")
    conversation = Conversation(session)
    conversation.keeping = _form_draft(conversation, draft)
    if earlier is not None and not conversation.answers:
        written = earlier.to_record() | {"with": earlier.partner}
        names = [question.name for part in DIALOGUE.values() for question in part]
        conversation.answers = {
            name: written[name] for name in names if not is_empty(written.get(name))
        }
    conversation.heavy_now = _words_heavy
    for name in SAID_IN_TALK:
        conversation.after[name] = _language_tips(conversation, name)
    questions = [question for part in DIALOGUE.values() for question in part]
    command = _command(session, "plan", "dialogue", *([earlier.id] if earlier else []))
    words = ("plan", "dialogue")

    def walk() -> None:
        week = earlier.week if earlier else plan.week(today)
        conversation.say(conversation.words(*words, "heading", week=week))
        conversation.say(conversation.words(*words, "intro"))
        for part, asked in DIALOGUE.items():
            conversation.say("")
            conversation.say(conversation.words(*words, part))
            for question in asked:
                conversation.ask(question)
        check = lambda: parse_dialogue(conversation.answers, now=now())  # noqa: E731
        if not _review_form(conversation, questions, check):
            _finish(conversation, draft, command)
            return
        talk, agreements = parse_dialogue(conversation.answers, now=now())
        kept = save_dialogue(store, plan, talk, agreements, earlier, today, conversation.heavy)
        saved.dialogue(session, kept, asked=True)
        talk = kept.talk
        draft.clear()
        conversation.say(conversation.plain("dialogue", "saved", id=talk.id, week=talk.week))

    _walk(conversation, draft, command, walk)


def _review_form(
    conversation: Conversation, questions: Iterable[Question], check: Callable[[], Any]
) -> bool:
    """A form's summary and confirm; a number asks that question again."""
    asked = {question.name: question for question in questions}
    return conversation.review(
        lambda: _form_parts(conversation, asked.values()),
        lambda: problem_of(conversation.session, check),
        lambda name: conversation.ask(asked[name]),
    )


def _language_tips(conversation: Conversation, name: str) -> Callable[[], None]:
    """The language check on a sentence to say in the talk, as the screen shows it."""

    def tips() -> None:
        from veerkracht.core.language import check

        said = conversation.answers.get(name)
        for finding in check([said] if said else []):
            tip = visible(finding.tip(conversation.content))
            conversation.say(conversation.words("plan", "dialogue", "language_tip", tip=tip))

    return tips
