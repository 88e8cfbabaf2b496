"""Plain mode (`--plain`): a flow's questions line by line, for screen readers, braille
displays and bare terminals. No colour, no boxes, no cursor movement: each question on
its own line with its hint, numbered choices, how to answer said once in words.

The conversation goes to stderr, like every question veerkracht asks; stdout keeps
what a script needs: the saved record's id alone, as with `--from`. What is typed is
kept as a draft after every line, so a closed terminal loses nothing said before it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NoReturn

import typer

from veerkracht.cli.session import Session, wrapped
from veerkracht.core.errors import ValidationError
from veerkracht.core.model import now
from veerkracht.core.questions import (
    CLEAR,
    YES,
    Agreements,
    Asks,
    Choices,
    Question,
    Scale,
    Text,
    Texts,
    Unclear,
    YesNo,
    date_in,
    is_empty,
    number_in,
    picked,
    put,
    written,
    yes_or_no,
)
from veerkracht.core.textsafe import typed_line, visible

#: Given back by a question left as it was (Enter on an earlier answer).
KEEP = object()


class Ended(Exception):
    """The input ended (ctrl+d, a closed pipe or connection) or was interrupted (ctrl+c)."""


@dataclass
class Part:
    """A line of the summary: its title, what was answered, and what to ask again to
    change it (`key`, handed to the flow)."""

    key: str
    title: str
    said: str


class Conversation:
    """Asks questions, reads answers into `answers` (the flow's `--from` schema) and keeps
    the draft after every line typed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.content = session.content
        self.answers: dict[str, Any] = {}
        #: Keeps the answers as the flow's draft.
        self.keeping: Callable[[dict[str, Any]], None] = lambda answers: None
        self._told: set[str] = set()
        #: Said before or after a question (a suggestion, tips), by the answer's name.
        self.before: dict[str, Callable[[], None]] = {}
        self.after: dict[str, Callable[[], None]] = {}
        #: What Enter picks when there is no answer yet (the suggested audience).
        self.suggest: dict[str, Callable[[], str | None]] = {}
        #: Examples offered for the asks.
        self.examples: Callable[[], list[str]] = list
        #: Said when a required question is skipped.
        self.needed: dict[str, str] = {}
        #: Whether the answers call for the help notice (checked after each answer).
        self.heavy_now: Callable[[dict[str, Any]], bool] = lambda answers: False
        #: The help notice was shown (once per session).
        self.heavy = False

    # -- words ----------------------------------------------------------------------------

    def words(self, *path: str, **params: Any) -> str:
        return self.content.text(*path, **params)

    def plain(self, *path: str, **params: Any) -> str:
        return self.content.text("plain", *path, **params)

    def say(self, text: str) -> None:
        typer.echo(wrapped(text), err=True)

    def how(self, key: str, **params: Any) -> None:
        """How to answer, said the first time it comes up."""
        text = self.plain("how", key, **params)
        if text not in self._told:
            self._told.add(text)
            self.say(text)

    def wrong(self, error: Unclear | ValidationError) -> None:
        self.say(self.plain("wrong", error.code, **error.params))

    # -- reading --------------------------------------------------------------------------

    def read(self) -> str:
        """One typed line (without its newline and key sequences); Ended at the end."""
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            raise Ended from None
        if not line:
            raise Ended
        return typed_line(line)

    def keep(self) -> None:
        self.keeping(self.answers)

    def confirm(self, question: str) -> bool:
        """A yes/no, no by default (`j`/`ja`/`y`/`yes` mean yes), as `Session.ask` asks
        it; read here so nothing of the prompt lands on stdout."""
        self.say(f"{question} {self.content.message('yes_no')}")
        return self.read().strip().lower() in YES

    def number(self, count: int, default: int | None = None) -> int | None:
        """A number from 1 to `count`; Enter gives `default`."""
        while True:
            said = self.read().strip()
            if not said:
                return default
            try:
                return number_in(said, 1, count)
            except Unclear:
                self.say(self.plain("wrong", "not_a_part", count=count))

    # -- asking ---------------------------------------------------------------------------

    def ask(self, question: Question) -> None:
        """Ask one question (its hooks, label and how to answer), keep the answer and the
        draft, and show the help notice when the answers call for it."""
        if hook := self.before.get(question.name):
            hook()
        if isinstance(question, Asks):
            self._examples()
        if question.label:
            self.say(self.words(*question.label))
        asking: dict[type, Callable[[Any], None]] = {
            Choices: self._choices,
            Scale: self._scale,
            Text: self._text,
            Asks: self._asks,
            YesNo: self._yes_no,
            Texts: self._texts,
            Agreements: self._agreements,
        }
        asking[type(question)](question)
        self.keep()
        if not self.heavy and self.heavy_now(self.answers):
            self.heavy = True
            from veerkracht.cli.session import help_notice

            help_notice(self.session)
            self.say("")
        if hook := self.after.get(question.name):
            hook()

    def _current(self, question: Question) -> Any:
        """The answer given before (a draft, or changing it), said with how to keep it."""
        value = self.answers.get(question.name)
        if not is_empty(value):
            self.say(self.plain("how", "current", value=self.describe(question, value)))
            self.how("keep")
        return value

    def _choices(self, question: Choices) -> None:
        keys, labels = question.options(), self.labels(question)
        for number, label in enumerate(labels, 1):
            self.say(f"{number}. {label}")
        kind = "choice" if question.one else "choices"
        self.how(f"{kind}_needed" if question.required and not question.one else kind)
        if question.group:
            self.how("explain")
        current = self._current(question)
        suggestion = self.suggest.get(question.name, lambda: None)() if not current else None
        if suggestion is not None:
            self.say(self.plain("how", "suggested", label=labels[keys.index(suggestion)]))
        while True:
            said = self.read().strip()
            if said == "?" and question.group:
                for number, key in enumerate(keys, 1):
                    hint = self.content.option(question.group, key, "hint")
                    self.say(f"{number}. {labels[number - 1]}: {hint}")
                continue
            if not said:
                if current or suggestion:
                    put(self.answers, question.name, current or suggestion)
                    return
                if not question.required:
                    return
            if said == CLEAR and current and not question.required:
                put(self.answers, question.name, None)
                return
            if not said or said == CLEAR:
                self.say(self.needed.get(question.name, self.plain("wrong", "needed")))
                continue
            try:
                chosen = picked(said, keys, labels, one=question.one)
            except Unclear as error:
                self.wrong(error)
                continue
            put(self.answers, question.name, chosen[0] if question.one else chosen)
            return

    def _scale(self, question: Scale) -> None:
        self.how(
            "scale_needed" if question.required else "scale", low=question.low, high=question.high
        )
        current = self._current(question)
        while True:
            said = self.read().strip()
            if not said and (current is not None or not question.required):
                return
            if said == CLEAR and current is not None and not question.required:
                put(self.answers, question.name, None)
                return
            if not said or said == CLEAR:
                self.say(self.plain("wrong", "needed"))
                continue
            try:
                put(self.answers, question.name, number_in(said, question.low, question.high))
            except Unclear as error:
                self.wrong(error)
                continue
            return

    def _text(self, question: Text) -> None:
        self.how("line" if question.line else "items" if question.items else "text")
        current = self._current(question)

        def typing(lines: list[str]) -> None:
            put(self.answers, question.name, _value(question, lines))
            self.keep()

        value = self.lines(current, typing, one=question.line)
        if value is not KEEP:
            put(self.answers, question.name, value if value == "" else _value(question, value))

    def lines(self, current: Any, typing: Callable[[list[str]], None], *, one: bool = False) -> Any:
        """Free text: lines until an empty one (`one`: a single line). Gives KEEP (Enter
        straight away, or nothing to keep), "" (a dash: emptied) or the lines typed;
        `typing` keeps each line as it comes."""
        typed: list[str] = []
        while True:
            line = self.read()
            if not typed and line.strip() == CLEAR and not is_empty(current):
                return ""
            if line.strip():
                typed.append(line)
                typing(typed)
            if one or not line.strip():
                break
        if not typed:
            return KEEP
        try:
            written(typed)
        except Unclear as error:
            self.wrong(error)
            return self.lines(current, typing, one=one)
        return typed

    def _examples(self) -> None:
        examples = self.examples()
        if examples:
            self.say(self.plain("reflect", "examples"))
            for number, example in enumerate(examples, 1):
                self.say(f"{number}. {example}")

    def _asks(self, question: Asks) -> None:
        examples = self.examples()
        self.how("asks")
        current = self._current(question)
        asks: list[str] = []
        while len(asks) < question.most:
            said = self.read().strip()
            if not said:
                break
            if not asks and said == CLEAR and current:
                put(self.answers, question.name, None)
                return
            if said.isdigit() and examples:
                try:
                    said = examples[number_in(said, 1, len(examples)) - 1]
                except Unclear:
                    self.say(self.plain("wrong", "not_listed", value=said, count=len(examples)))
                    continue
            asks.append(said)
            put(self.answers, question.name, list(asks))
            self.keep()

    def _yes_no(self, question: YesNo) -> None:
        self.how("yes_no")
        current = self._current(question)
        while True:
            said = self.read().strip()
            if not said:
                return
            if said == CLEAR and current is not None:
                put(self.answers, question.name, None)
                return
            try:
                yes = yes_or_no(said)
            except Unclear as error:
                self.wrong(error)
                continue
            put(self.answers, question.name, yes if yes or not question.flag else None)
            return

    def _texts(self, question: Texts) -> None:
        found = dict(self.answers.get(question.name) or {})
        if question.gate and not found:
            self.how("gate")
            if not _yes(self.read()):
                return
        for key in question.keys:
            self.say(self.part_words(question, key))
            self.how("text")
            value = found.get(key)
            if not is_empty(value):
                self.say(self.plain("how", "current", value=visible(value)))
                self.how("keep")

            def typing(lines: list[str], key: str = key) -> None:
                found[key] = "\n".join(lines).strip()
                put(self.answers, question.name, dict(found))
                self.keep()

            said = self.lines(value, typing)
            if said is not KEEP:
                found[key] = "" if said == "" else "\n".join(said).strip()
            put(self.answers, question.name, {k: v for k, v in found.items() if v})

    def _agreements(self, question: Agreements) -> None:
        current = self._current(question)
        rows: list[dict[str, Any]] = []
        for number in range(1, question.rows + 1):
            self.say(self.plain("end", "agreement", number=number))
            self.how("what")
            what = self.read().strip()
            if not what:
                break
            if number == 1 and what == CLEAR and current:
                put(self.answers, question.name, None)
                return
            row: dict[str, Any] = {"what": what, "who": "", "due": None}
            rows.append(row)
            put(self.answers, question.name, list(rows))
            self.keep()
            self.say(self.words("after", "followup", "who"))
            self.how("line")
            row["who"] = self.read().strip()
            self.keep()
            self.say(self.words("after", "followup", "due"))
            row["due"] = self._due() or None
            self.keep()
        if not rows and current:
            put(self.answers, question.name, current)

    def _due(self) -> str:
        """A due date; one in the past is asked about (a typo is likelier)."""
        today = now().date()
        example = today + timedelta(days=14)
        self.how("date", example=example.isoformat())
        while True:
            said = self.read().strip()
            if not said:
                return ""
            try:
                due = date_in(said, example)
            except Unclear as error:
                self.wrong(error)
                continue
            if due >= today.isoformat() or self.confirm(self.plain("end", "past_due", due=due)):
                return due
            self.say(self.plain("how", "date", example=example.isoformat()))

    # -- describing answers ---------------------------------------------------------------

    def labels(self, question: Choices) -> list[str]:
        if question.shown:
            return list(question.shown)
        if question.group:
            return [self.content.label(question.group, key) for key in question.options()]
        return [self.words(*question.said, key) for key in question.options()]

    def part_words(self, question: Texts, key: str) -> str:
        """The words over one part (`Wie of wat kost je energie?`, `Vertrouwen: …`)."""
        if not question.parts:
            return self.words(*question.said, key)
        return ": ".join(self.words(*question.said, key, part) for part in question.parts)

    def describe(self, question: Question, value: Any) -> str:
        """An answer as the summary says it (the user's words shown as written)."""
        if is_empty(value):
            return self.words("reflect", "fields", "empty")
        if isinstance(question, Choices):
            named = dict(zip(question.options(), self.labels(question), strict=True))
            chosen = [value] if question.one else value
            return ", ".join(named.get(key, visible(str(key))) for key in chosen)
        if isinstance(question, YesNo):
            return self.plain("end", "yes" if value else "no")
        if isinstance(question, Texts):
            titled = [
                (self.words(*question.said, key, question.parts[0]) if question.parts else "", text)
                for key, text in value.items()
            ]
            return " · ".join(f"{title}: {text}" if title else text for title, text in titled)
        if isinstance(question, Agreements):
            return "; ".join(
                " · ".join(visible(str(part)) for part in row.values() if part) for row in value
            )
        if isinstance(value, list):
            return " · ".join(visible(str(item)) for item in value)
        shown = visible(str(value))
        if isinstance(question, Text) and question.private:
            return f"{self.words('reflect', 'fields', 'private_marker')} {shown}"
        return shown

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
                self.say(f"{number}. {part.title}: {part.said}")
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
        if self.answers:
            self.say(self.plain("end", "stopped", path=visible(str(path)), command=command))
        else:
            self.say(self.plain("end", "stopped_early"))
        raise typer.Exit(1)


def _value(question: Text, lines: list[str]) -> Any:
    if question.items:
        return [line.strip() for line in lines if line.strip()]
    return "\n".join(lines).strip()


def _yes(said: str) -> bool:
    return said.strip().lower() in YES


def problem_of(session: Session, check: Callable[[], Any]) -> str | None:
    """What the core's parser says is wrong with the answers, in words; None if nothing."""
    try:
        check()
    except ValidationError as error:
        if error.code.startswith("empty_"):
            return session.content.text("plain", "end", "empty")
        return session.content.message(error.code, **error.params)
    return None
