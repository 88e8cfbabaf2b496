"""Plain mode's questions by kind (`--plain`): choices, a scale, text over several lines,
asks, yes or no, a few words per part, agreements; each read into the answers the
flow's `--from` file would hold, an earlier answer kept with Enter or emptied with `-`,
a wrong one named in one line and asked again. And how an answer is said back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from veerkracht.cli.plain_lines import Lines
from veerkracht.core.model import now
from veerkracht.core.questions import (
    CLEAR,
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
    means_yes,
    number_in,
    picked,
    put,
    written,
    yes_or_no,
)
from veerkracht.core.textsafe import visible

#: Given back by a question left as it was (Enter on an earlier answer).
KEEP = object()


class Answering(Lines):
    """Asks each kind of question; the flow's extras (a suggestion, examples, the words
    for a required answer) are set on it by the flow."""

    #: What Enter picks when there is no answer yet (the suggested audience).
    suggest: dict[str, Callable[[], str | None]]
    #: Examples offered for the asks.
    examples: Callable[[], list[str]]
    #: Said when a required question is skipped.
    needed: dict[str, str]

    def answer(self, question: Question) -> None:
        """Say the question (its label, how to answer) and read its answer."""
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
            if said == CLEAR and not question.required:  # skipped, or emptied
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
            if said == CLEAR and not question.required:
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
            if not typed and line.strip() == CLEAR:  # emptied, or skipped
                return KEEP if is_empty(current) else ""
            if line.strip():
                typed.append(line)
                typing(typed)
            if one or not line.strip():
                break
        if not typed:
            return KEEP
        self.text_ended = not one  # ended by its empty line
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
        self._current(question)  # said, with how to keep it
        asks: list[str] = []
        while len(asks) < question.most:
            said = self.read().strip()
            if not said:
                self.text_ended = bool(asks)  # an empty line ended the asks typed
                break
            if not asks and said == CLEAR:
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
        self._current(question)
        while True:
            said = self.read().strip()
            if not said:
                return
            if said == CLEAR:
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
            if not means_yes(self.read()):
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
            if number == 1 and what == CLEAR and current:
                put(self.answers, question.name, None)
                return
            if not what or what == CLEAR:
                break
            row: dict[str, Any] = {"what": what, "who": "", "due": None}
            rows.append(row)
            put(self.answers, question.name, list(rows))
            self.keep()
            self.say(self.words("after", "followup", "who"))
            self.how("line")
            who = self.read().strip()
            row["who"] = "" if who == CLEAR else who
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
            if not said or said == CLEAR:
                return ""
            try:
                due = date_in(said, example, today)
            except Unclear as error:
                self.wrong(error)
                continue
            if said != due:  # typed as people say it: the date it became, said back
                day = self.content.day_said(date.fromisoformat(due))
                self.say(self.words("after", "days", "that_is", day=day))
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
            shown = [(title, visible(str(text))) for title, text in titled]
            return " · ".join(f"{title}: {text}" if title else text for title, text in shown)
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


def _value(question: Text, lines: list[str]) -> Any:
    if question.items:
        return [line.strip() for line in lines if line.strip()]
    return "\n".join(lines).strip()
