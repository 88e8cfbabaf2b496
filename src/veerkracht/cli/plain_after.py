"""Plain mode after the talk: the follow-up, the weekly check-in and a dialogue talk of
the recovery plan, with the same questions, drafts and saving as the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veerkracht.cli.plain import Conversation
from veerkracht.cli.plain_walk import (
    command_line,
    finish,
    form_draft,
    review_form,
    walk_questions,
    words_heavy,
)
from veerkracht.cli.session import Session
from veerkracht.core.model import Entry, now
from veerkracht.core.questions import is_empty
from veerkracht.core.textsafe import visible
from veerkracht.store.drafts import Draft


def followup(session: Session, entry: Entry) -> None:
    """After the talk about `entry`; saved as `followup --from` saves it."""
    from veerkracht.cli import saved
    from veerkracht.core.questions import followup_questions
    from veerkracht.core.records import parse_followup
    from veerkracht.services.after_talk import save_followup

    draft = Draft(session.store, f"followup-{entry.uuid}")
    conversation = Conversation(session)
    fixed = {"entry": entry.id}
    conversation.keeping = form_draft(conversation, draft, fixed)
    conversation.heavy_now = words_heavy
    questions = followup_questions(entry.help_notice)
    command = command_line(session, "followup", entry.id)
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
        if not review_form(conversation, questions, lambda: parse_followup(data(), now=now())):
            finish(conversation, draft, command)
            return
        moment = now()
        done, agreements, _ = parse_followup(data(), now=moment)
        kept = save_followup(
            session.store, done, agreements, entry, moment.date(), conversation.heavy
        )
        saved.followup(session, kept, asked=True)
        draft.clear()
        conversation.say(conversation.plain("followup", "saved", id=done.id))

    walk_questions(conversation, draft, command, walk)


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
    conversation.keeping = form_draft(conversation, draft)
    conversation.heavy_now = words_heavy
    questions = checkin_questions(choices)
    command = command_line(session, "checkin")
    open_ids = {agreement.id for agreement in open_}

    def data() -> dict[str, Any]:
        return {key: value for key, value in conversation.answers.items() if key != "kept"}

    def walk() -> None:
        conversation.say(conversation.words("after", "checkin", "heading"))
        conversation.say(conversation.words("after", "checkin", "intro"))
        for question in questions:
            conversation.ask(question)
        if not review_form(conversation, questions, lambda: parse_checkin(data(), now=now())):
            finish(conversation, draft, command)
            return
        kept = [ref for ref in conversation.answers.get("kept", []) if ref in open_ids]
        checked = parse_checkin(data(), now=now())
        done = saved.checkin(
            session, save_checkin(store, checked, kept, conversation.heavy), asked=True
        )
        draft.clear()
        conversation.say(conversation.plain("checkin", "saved", id=done.id))

    walk_questions(conversation, draft, command, walk)


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
    conversation.keeping = form_draft(conversation, draft)
    if earlier is not None and not conversation.answers:
        written = earlier.to_record() | {"with": earlier.partner}
        names = [question.name for part in DIALOGUE.values() for question in part]
        conversation.answers = {
            name: written[name] for name in names if not is_empty(written.get(name))
        }
    conversation.heavy_now = words_heavy
    for name in SAID_IN_TALK:
        conversation.after[name] = _language_tips(conversation, name)
    questions = [question for part in DIALOGUE.values() for question in part]
    command = command_line(session, "plan", "dialogue", *([earlier.id] if earlier else []))
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
        if not review_form(conversation, questions, check):
            finish(conversation, draft, command)
            return
        talk, agreements = parse_dialogue(conversation.answers, now=now())
        kept = save_dialogue(store, plan, talk, agreements, earlier, today, conversation.heavy)
        saved.dialogue(session, kept, asked=True)
        talk = kept.talk
        draft.clear()
        conversation.say(conversation.plain("dialogue", "saved", id=talk.id, week=talk.week))

    walk_questions(conversation, draft, command, walk)


def _language_tips(conversation: Conversation, name: str) -> Callable[[], None]:
    """The language check on a sentence to say in the talk, as the screen shows it."""

    def tips() -> None:
        from veerkracht.core.language import check

        said = conversation.answers.get(name)
        for finding in check([said] if said else []):
            tip = visible(finding.tip(conversation.content))
            conversation.say(conversation.words("plan", "dialogue", "language_tip", tip=tip))

    return tips
