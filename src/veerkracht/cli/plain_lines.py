"""Plain mode's lines (`--plain`): what is said (to stderr, wrapped at a terminal, how to
answer said once), what is read (one typed line at a time, key sequences dropped, the
end of input noticed) and the draft kept as it goes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

import typer

from veerkracht.cli.session import Session, wrapped
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.questions import CLEAR, Unclear, means_yes, number_in
from veerkracht.core.textsafe import typed_line, visible


class Ended(Exception):
    """The input ended (ctrl+d, a closed pipe or connection) or was interrupted (ctrl+c)."""


class Lines:
    """Saying and reading lines for a flow's questions; `answers` holds what was said so
    far, in the flow's `--from` schema, and `keeping` keeps it as the flow's draft."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.content = session.content
        self.answers: dict[str, Any] = {}
        #: Keeps the answers as the flow's draft.
        self.keeping: Callable[[dict[str, Any]], None] = lambda answers: None
        self._told: set[str] = set()
        #: What went wrong keeping the draft (each said once).
        self.troubles: set[str] = set()
        #: Read from a pipe or a file (nobody hears the next question before answering).
        self.piped = not _is_terminal(sys.stdin)
        #: A text typed was just ended by its empty line: more empty lines right after it
        #: belong to that ending (from a pipe), they answer nothing.
        self.text_ended = False
        # Bytes a terminal sends in another encoding become a visible �, never a stop.
        with contextlib.suppress(AttributeError, ValueError, OSError):
            sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]

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
        """One typed line (without its newline and key sequences); Ended at the end.

        From a pipe or a file, empty lines right after the one that ended a typed text
        are skipped: an extra empty line never moves the answers after it to the wrong
        question. (There a dash skips the next question; at a terminal, where each
        question is heard before it is answered, every Enter counts.)"""
        while True:
            try:
                line = sys.stdin.readline()
            except KeyboardInterrupt:
                raise Ended from None
            if not line:
                raise Ended
            said = typed_line(line)
            if not (self.text_ended and self.piped and not said.strip()):
                self.text_ended = False
                return said

    def keep(self) -> None:
        """Keep the draft; when that fails (a full disk, a busy store), say so once and
        go on asking, as the screens do: saving at the end says whether it worked."""
        try:
            self.keeping(self.answers)
        except VeerkrachtError as error:
            trouble = self.content.message(error.code, **error.params)
            if trouble not in self.troubles:
                self.troubles.add(trouble)
                self.say(visible(trouble))

    def confirm(self, question: str) -> bool:
        """A yes/no, no by default (`j`/`ja`/`y`/`yes` mean yes), as `Session.ask` asks
        it; read here so nothing of the prompt lands on stdout."""
        self.say(f"{question} {self.content.message('yes_no')}")
        return means_yes(self.read())

    def number(self, count: int, default: int | None = None) -> int | None:
        """A number from 1 to `count`; Enter gives `default`."""
        while True:
            said = self.read().strip()
            if not said or said == CLEAR:
                return default
            try:
                return number_in(said, 1, count)
            except Unclear:
                self.say(self.plain("wrong", "not_a_part", count=count))


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
