"""`safety --plain`: the safety plan's seven parts asked line by line (for screen
readers, braille displays and piped input), saved through the same service as the
screen. An earlier plan's answers stay with Enter; a dash empties one. The words are
not checked for the help notice: the plan itself says where to find help."""

from __future__ import annotations

from veerkracht.cli.plain import Conversation, Part, problem_of
from veerkracht.cli.plain_walk import command_line, finish, form_draft, walk_questions
from veerkracht.cli.session import Session
from veerkracht.core.model import now
from veerkracht.core.questions import SAFETY_PLAN
from veerkracht.core.safety_plan import (
    PARTS,
    PROFESSIONAL_FIELDS,
    SafetyPlan,
    items,
    parse_safety_plan,
)
from veerkracht.core.textsafe import visible
from veerkracht.services.safety import current_safety_plan, save_safety_plan
from veerkracht.store.drafts import Draft

#: The part each answer belongs to (part 5 holds three).
PART_OF = {key: key for key in PARTS} | dict.fromkeys(PROFESSIONAL_FIELDS, "professionals")


def safety(session: Session) -> SafetyPlan | None:
    """Ask the safety plan; the saved plan, or None when it was not saved."""
    store = session.store
    draft = Draft(store, "safety")
    conversation = Conversation(session)
    conversation.keeping = form_draft(conversation, draft)
    if not conversation.answers and (earlier := current_safety_plan(store)) is not None:
        conversation.answers = earlier.answers()
    command = command_line(session, "safety")
    asked = {question.name: question for question in SAFETY_PLAN}
    saved: list[SafetyPlan] = []

    def words(*path: str) -> str:
        return conversation.words("safetyplan", *path)

    def title(key: str) -> str:
        """A summary line's title: the part's (its number left out), or part 5's own."""
        if key in PROFESSIONAL_FIELDS:
            return words("professionals", f"short_{key}")
        return words("parts", key, "title").partition(". ")[2]

    def said(key: str) -> str:
        value = conversation.answers.get(key)
        if isinstance(value, str) and value.strip():
            return " · ".join(visible(item) for item in items(value))
        return conversation.describe(asked[key], value)

    def walk() -> None:
        conversation.say(words("ui", "heading"))
        conversation.say(words("ui", "intro"))
        conversation.say(words("ui", "private"))
        begun: set[str] = set()
        for question in SAFETY_PLAN:
            part = PART_OF[question.name]
            if part not in begun:
                begun.add(part)
                conversation.say("")
                conversation.say(words("parts", part, "title"))
                if part == "professionals":
                    conversation.say(words("parts", part, "question"))
                    conversation.say(conversation.plain("safety", "fixed"))
                    conversation.say(words("professionals", "fixed"))
            conversation.ask(question)
            if question.name == "out_of_hours":
                conversation.say(words("professionals", "out_of_hours_hint"))
        answers = conversation.answers
        agreed = conversation.review(
            lambda: [Part(key, title(key), said(key)) for key in asked],
            lambda: problem_of(session, lambda: parse_safety_plan(answers, now=now())),
            lambda key: conversation.ask(asked[key]),
        )
        if not agreed:
            finish(conversation, draft, command)
            return
        saved.append(save_safety_plan(store, conversation.answers, now=now()))
        draft.clear()
        conversation.say(conversation.plain("safety", "saved"))

    walk_questions(conversation, draft, command, walk)
    return saved[0] if saved else None
