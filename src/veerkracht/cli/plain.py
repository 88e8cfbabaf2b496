"""Plain mode (`--plain`): a flow's questions line by line, for screen readers, braille
displays and bare terminals. No colour, no boxes, no cursor movement: each question on
its own line with its hint, numbered choices, how to answer said once in words.

The conversation goes to stderr, like every question veerkracht asks; stdout keeps
what a script needs: the saved record's id alone, as with `--from`. What is typed is
kept as a draft after every line, so a closed terminal loses nothing said before it.
Saying and reading: plain_lines.py; each kind of question: plain_answers.py; the four
flows: plain_flows.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

import typer

from veerkracht.cli.plain_answers import Answering
from veerkracht.cli.plain_lines import Ended
from veerkracht.cli.session import Session, help_notice
from veerkracht.core.errors import ValidationError
from veerkracht.core.questions import Question
from veerkracht.core.textsafe import visible

__all__ = ["Conversation", "Ended", "Part", "problem_of", "summary_line"]


@dataclass
class Part:
    """A line of the summary: its title, what was answered, and what to ask again to
    change it (`key`, handed to the flow)."""

    key: str
    title: str
    said: str


class Conversation(Answering):
    """A flow's questions asked one by one, then its summary and the question whether
    to save; the flow sets what it says around the questions."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        #: Said before or after a question (a suggestion, tips), by the answer's name.
        self.before: dict[str, Callable[[], None]] = {}
        self.after: dict[str, Callable[[], None]] = {}
        self.suggest = {}
        self.examples = list
        self.needed = {}
        #: Whether the answers call for the help notice (checked after each answer).
        self.heavy_now: Callable[[dict[str, Any]], bool] = lambda answers: False
        #: The help notice was shown (once per session).
        self.heavy = False

    def ask(self, question: Question) -> None:
        """Ask one question (its hooks, label and how to answer), keep the answer and the
        draft, and show the help notice when the answers call for it."""
        if self.piped:
            self.how("piped")  # once: how empty lines are read from a file
        if hook := self.before.get(question.name):
            hook()
        self.answer(question)
        self.keep()
        if not self.heavy and self.heavy_now(self.answers):
            self.heavy = True
            help_notice(self.session)
            self.say("")
        if hook := self.after.get(question.name):
            hook()

    # -- the end --------------------------------------------------------------------------

    def review(
        self,
        parts: Callable[[], Sequence[Part]],
        problem: Callable[[], str | None],
        change: Callable[[str], None],
    ) -> bool:
        """The summary, then: save it like this? A no asks what to change (`change` asks
        that part again) or stops; True when the person said yes."""
        while True:
            shown = list(parts())
            self.say("")
            self.say(self.plain("end", "summary"))
            for number, part in enumerate(shown, 1):
                self.say(f"{number}. {summary_line(part.title, part.said)}")
            trouble = problem()
            if trouble:
                self.say(trouble)
            elif self.confirm(self.plain("end", "save")):
                return True
            self.say(self.plain("end", "change"))
            chosen = self.number(len(shown))
            if chosen is None:
                return False
            change(shown[chosen - 1].key)

    def stop(self, path: Any, command: str) -> NoReturn:
        """Input ended before the end: the draft is kept; say where and how to go on."""
        self.say("")
        if self.troubles:
            self.say(self.plain("end", "stopped_unkept"))
        elif self.answers:
            self.say(self.plain("end", "stopped", path=visible(str(path)), command=command))
        else:
            self.say(self.plain("end", "stopped_early"))
        raise typer.Exit(1)


#: How to answer, at the end of a question's label: "(0–10)", "(spatie kiest)".
_HOW_TO_ANSWER = re.compile(r"\s*\([^()]*\)\s*$")


def summary_line(title: str, said: str) -> str:
    """A line of the summary: the question's label without how to answer it, then the
    answer; a colon only where the label has no punctuation of its own ("Wat ging goed?
    rustig", "Aanleiding: druk"), never "Wat ging goed?: …" or "(0–10): —"."""
    label = _HOW_TO_ANSWER.sub("", title).rstrip()
    return f"{label} {said}" if label[-1:] in ("?", ":", "!", ".") else f"{label}: {said}"


def problem_of(session: Session, check: Callable[[], Any]) -> str | None:
    """What the core's parser says is wrong with the answers, in words; None if nothing."""
    try:
        check()
    except ValidationError as error:
        if error.code.startswith("empty_"):
            return session.content.text("plain", "end", "empty")
        return session.content.message(error.code, **error.params)
    return None
