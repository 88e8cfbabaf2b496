"""Errors a user can act on.

Each carries a message code and its parameters; the words live in
`content/messages.toml`, so the CLI and the TUI can say them in the user's language.
"""

from __future__ import annotations

from typing import Any


class VeerkrachtError(Exception):
    """A problem to report in one line, never as a traceback."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        details = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{self.code}({details})"


class ValidationError(VeerkrachtError):
    """Input that does not fit the contract; `field` names where it went wrong."""

    def __init__(self, code: str, field: str, **params: Any) -> None:
        super().__init__(code, field=field, **params)
        self.field = field


def printable(value: object, limit: int = 40) -> str:
    """A value shown safely in a one-line message: control characters escaped, cut short."""
    shown = value if isinstance(value, str) else repr(value)
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in shown)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."
