"""The Textual app: holds the store and the words, and opens the screen a command asks for."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

from textual.app import App
from textual.screen import ModalScreen, Screen

from veerkracht.content import Content
from veerkracht.drafts import Draft
from veerkracht.model import Entry
from veerkracht.scripts import Script
from veerkracht.storage import Store


class VeerkrachtApp(App[str | None]):
    """veerkracht in the terminal. Returns the id of a reflection saved in this session."""

    # Absolute, so the app also works when subclassed from elsewhere (the benchmarks).
    CSS_PATH = str(files("veerkracht").joinpath("app.tcss"))
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        store: Store,
        content: Content,
        *,
        start: str = "reflect",
        script: Script | None = None,
        entry: Entry | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.script = script
        self.entry = entry
        #: "Today" for patterns; fixed by tests so screenshots do not age.
        self.today = today
        self.start = "prepare" if script is not None else start
        self.title = self._title()
        #: The calm help notice shows at most once per session.
        self.notice_shown = False
        #: The id of the reflection saved in this session, returned on exit.
        self.result: str | None = None
        # ctrl+q asks the screen first (to offer keeping a draft) instead of quitting.
        self._bindings.key_to_bindings.pop("ctrl+q", None)
        self._bindings.bind(
            "ctrl+q", "request_quit", content.text("reflect", "ui", "quit"), priority=True
        )

    def _title(self) -> str:
        if self.start in ("followup", "checkin"):
            return self.content.text("after", self.start, "title")
        return self.content.text(self.start, "ui", "title")

    def on_mount(self) -> None:
        self.push_screen(self.first_screen())

    def first_screen(self) -> Screen:
        """The screen the command asked for (screens are imported only when needed)."""
        if self.script is not None:
            from veerkracht.screens.prepare import PrepareScreen

            return PrepareScreen(self.script, self.content)
        if self.start == "followup" and self.entry is not None:
            from veerkracht.screens.after import FollowupScreen

            return FollowupScreen(self.store, self.content, self.entry)
        if self.start == "checkin":
            from veerkracht.screens.after import CheckinScreen

            return CheckinScreen(self.store, self.content, self.store.contents().agreements)
        if self.start == "history":
            from veerkracht.screens.history import HistoryScreen

            return HistoryScreen(self.store, self.content, self.today)
        from veerkracht.screens.reflect import ReflectScreen

        return ReflectScreen(self.store, self.content, Draft(self.store, "reflect"))

    def action_request_quit(self) -> None:
        quit_flow = getattr(self.screen, "action_quit_flow", None)
        if quit_flow is not None:
            quit_flow()
        elif not isinstance(self.screen, ModalScreen):
            self.exit(self.result)
