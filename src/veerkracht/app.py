"""The Textual app: holds the store and the words, and opens the first screen."""

from __future__ import annotations

from textual.app import App
from textual.screen import ModalScreen

from veerkracht.content import Content
from veerkracht.drafts import Draft
from veerkracht.scripts import Script
from veerkracht.storage import Store


class VeerkrachtApp(App[str | None]):
    """veerkracht in the terminal. Returns the id of a saved reflection, if any."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, content: Content, script: Script | None = None) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.script = script
        flow = "reflect" if script is None else "prepare"
        self.title = content.text(flow, "ui", "app_title" if script is None else "title")
        #: The calm help notice shows at most once per session.
        self.notice_shown = False
        #: The id of the reflection saved in this session, returned on exit.
        self.result: str | None = None
        # ctrl+q asks the screen first (to offer keeping a draft) instead of quitting.
        self._bindings.key_to_bindings.pop("ctrl+q", None)
        self._bindings.bind(
            "ctrl+q", "request_quit", content.text("reflect", "ui", "quit"), priority=True
        )

    def action_request_quit(self) -> None:
        quit_flow = getattr(self.screen, "action_quit_flow", None)
        if quit_flow is not None:
            quit_flow()
        elif not isinstance(self.screen, ModalScreen):
            self.exit()

    def on_mount(self) -> None:
        if self.script is not None:
            from veerkracht.screens.prepare import PrepareScreen

            self.push_screen(PrepareScreen(self.script, self.content))
            return
        from veerkracht.screens.reflect import ReflectScreen

        self.push_screen(
            ReflectScreen(self.store, self.content, Draft(self.store.directory, "reflect"))
        )
