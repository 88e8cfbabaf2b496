"""What the flows of plain mode share: the command that carries on, running the
questions with a draft kept, a form's summary and confirm, and ending without saving."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NoReturn

import typer

from veerkracht.cli.plain import Conversation, Ended, Part, problem_of
from veerkracht.cli.session import Session
from veerkracht.core.model import now
from veerkracht.core.questions import Question
from veerkracht.store.drafts import Draft


def command_line(session: Session, *words: str) -> str:
    """The command that carries on, in the language asked for."""
    language = " --lang en" if session.language == "en" else ""
    return " ".join(("veerkracht", *words, "--plain")) + language


def walk_questions(
    conversation: Conversation, draft: Draft, command: str, walk: Callable[[], None]
) -> None:
    """Run the questions; input that ends first keeps the draft and says how to go on."""
    try:
        walk()
    except (Ended, KeyboardInterrupt):
        conversation.stop(draft.path, command)


def form_draft(
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


def words_heavy(answers: dict[str, Any]) -> bool:
    from veerkracht.core.safety import words_need_notice

    return words_need_notice(answers)


def form_parts(conversation: Conversation, questions: Iterable[Question]) -> list[Part]:
    """A form's summary: one line per question."""
    return [
        Part(
            question.name,
            conversation.words(*question.label),
            conversation.describe(question, conversation.answers.get(question.name)),
        )
        for question in questions
    ]


def finish(conversation: Conversation, draft: Draft, command: str) -> NoReturn:
    """After a no to saving: say what stays (the draft, if anything was typed), and exit 1,
    so a script can tell that nothing was saved (stdout stays empty)."""
    if conversation.answers:
        conversation.say(conversation.plain("end", "not_saved", command=command))
    else:
        draft.clear()
        conversation.say(conversation.plain("end", "nothing"))
    raise typer.Exit(1)


def review_form(
    conversation: Conversation, questions: Iterable[Question], check: Callable[[], Any]
) -> bool:
    """A form's summary and confirm; a number asks that question again."""
    asked = {question.name: question for question in questions}
    return conversation.review(
        lambda: form_parts(conversation, asked.values()),
        lambda: problem_of(conversation.session, check),
        lambda name: conversation.ask(asked[name]),
    )
