"""The command line (Typer): one module per group of commands, the options they share
in `options.py`, and what every command needs in `session.py`. Textual is imported only
inside the commands that open a screen, so scripted use stays fast."""

from veerkracht.cli.app import app, main
from veerkracht.cli.session import Session

__all__ = ["Session", "app", "main"]
