"""The keys many screens bind, declared once. Each is said by its id in content/keys.toml
(screens/base.py: in_language)."""

from __future__ import annotations

from textual.binding import Binding

SAVE = Binding("ctrl+s", "save", id="save")
CLOSE = Binding("escape", "close", id="close")
HELP = Binding("f1", "help", id="help")
#: ctrl+q on every screen: the screen is asked first (to offer keeping what was typed).
QUIT = Binding("ctrl+q", "app.request_quit", priority=True, id="quit")
#: Escape closes, F1 explains, ctrl+q stops: the keys every simple screen ends with.
LEAVING = [CLOSE, HELP, QUIT]
#: ctrl+s saves, Escape closes, ctrl+q stops: a page that makes something to keep.
SAVING = [SAVE, CLOSE, QUIT]
