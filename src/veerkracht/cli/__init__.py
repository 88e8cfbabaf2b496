"""The command line (Typer): one module per group of commands, the options they share
in `options.py`, and what every command needs in `session.py`. Textual is imported only
inside the commands that open a screen, so scripted use stays fast.

`app`, `main` and `Session` are imported when first asked for, so that `launch.py` can
use a small module of this package (`helpcache`) without loading Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from veerkracht.cli.app import app, main
    from veerkracht.cli.session import Session

__all__ = ["Session", "app", "main"]


def __getattr__(name: str) -> object:
    if name in ("app", "main"):
        from veerkracht.cli.app import app, main

        found: dict[str, object] = {"app": app, "main": main}
    elif name == "Session":
        from veerkracht.cli.session import Session

        found = {"Session": Session}
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Importing the submodule `app` set this package's `app` to the module: the Typer
    # app takes its place again.
    globals().update(found)
    return found[name]
