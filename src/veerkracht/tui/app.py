"""The Textual app: holds the store and the words, opens the screen a command asks for,
and from the home screen (or the command palette) every other one."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widget import Widget

from veerkracht.content import Content, load
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.screens.base import (
    Done,
    HelpNoticeWanted,
    HelpWanted,
    Open,
    Saved,
    SpeaksLanguage,
    in_language,
)
from veerkracht.screens.drafts import KeepsDraft
from veerkracht.store.privacy import exposures
from veerkracht.store.settings import load_settings
from veerkracht.store.store import Store
from veerkracht.tui import closing
from veerkracht.tui.navigation import Navigator

if TYPE_CHECKING:
    from veerkracht.core.scripts import Script

#: After a hang-up or SIGTERM: how long a clean shutdown may take.
EXIT_GRACE_SECONDS = 2.0
#: How long a signal may wait for a loop that is busy before the process ends anyway.
STUCK_GRACE_SECONDS = 6.0

#: White on black with yellow accents, for people who need strong contrast.
HIGH_CONTRAST = Theme(
    name="veerkracht-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#303030",
    boost="#202020",
    warning="#ffb000",
    error="#ff6060",
    success="#60ff60",
    dark=True,
)


class Actions(Provider):
    """Every action of the app in the command palette (ctrl+p), in the user's language."""

    def _choices(self) -> Iterator[tuple[str, str, str]]:
        app = self.app
        assert isinstance(app, VeerkrachtApp)
        home = load("home")
        for action in home["actions"]:
            label = app.content.text("home", "actions", action, "label")
            hint = app.content.text("home", "actions", action, "hint")
            yield label, hint, action
        for name, entry in home["palette"].items():
            label = app.content.text("home", "palette", name, "label")
            hint = app.content.text("home", "palette", name, "hint")
            yield label, hint, entry["flow"]
        yield app.content.text("home", "ui", "quit"), "ctrl+q", "quit"

    async def discover(self) -> Hits:
        for label, hint, action in self._choices():
            yield DiscoveryHit(label, partial(self.app.run_action, self._call(action)), help=hint)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, hint, action in self._choices():
            # A match in the name counts more than one in the explanation.
            score = matcher.match(label) or matcher.match(f"{label} {hint}") / 2
            if score > 0:
                command = partial(self.app.run_action, self._call(action))
                yield Hit(score, matcher.highlight(label), command, help=hint)

    @staticmethod
    def _call(action: str) -> str:
        return "request_quit" if action == "quit" else f"open('{action}')"


class VeerkrachtApp(SpeaksLanguage, App[str | None]):
    """veerkracht in the terminal. Returns the id of a reflection saved in this session."""

    # Absolute, so the app also works when subclassed from elsewhere (the benchmarks).
    CSS_PATH = str(files("veerkracht.tui").joinpath("app.tcss"))
    COMMANDS = {Actions}

    # ctrl+q asks the screen first (to offer keeping a draft) instead of quitting; each
    # screen shows it in the footer in its own words (screens.keys.QUIT).
    # The palette's key is declared here so its footer label speaks the user's language.
    BINDINGS = [
        Binding("ctrl+q", "request_quit", show=False, priority=True, id="app-quit"),
        Binding(
            App.COMMAND_PALETTE_BINDING, "command_palette", show=False, priority=True, id="palette"
        ),
        # The help notice's keys (said in the notice itself), free in every text field.
        Binding("f2", "notice_plan", show=False, id="notice-plan"),
        Binding("f3", "close_notice", show=False, id="close"),
    ]

    def __new__(cls, store: Store, content: Content, *args: Any, **kwargs: Any) -> VeerkrachtApp:
        # Made as VeerkrachtApp(store, content) by the CLI, the tests and the benchmarks,
        # so the app (not its maker, as for screens) picks its language's class.
        return super().__new__(in_language(cls, content))

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
        self.navigator = Navigator(store, content, today)
        self.start = "prepare" if script is not None else start
        self.script = script
        self.entry = entry
        self.title = self._title()
        #: The calm help notice shows at most once per session.
        self.notice_shown = False
        #: On Windows, what the console calls when its window closes (see tui/closing.py).
        self.console_handler: Callable[[int], bool] | None = None
        #: The id of the reflection saved in this session, returned on exit.
        self.result: str | None = None
        self.register_theme(HIGH_CONTRAST)
        theme = load_settings().theme
        if theme in self.available_themes:
            self.theme = theme

    def _title(self) -> str:
        if self.start == "support":
            return self.content.text("support", "ui", "title")
        if self.start in ("followup", "checkin"):
            return self.content.text("after", self.start, "title")
        if self.start == "home":
            return self.content.text("home", "ui", "title")
        if self.start == "safety":
            return self.content.text("safetyplan", "ui", "title")
        if self.start.startswith("plan"):
            return self.content.text("plan", "ui", "title")
        if self.start == "short":
            return self.content.text("reflect", "ui", "short_title")
        return self.content.text(self.start, "ui", "title")

    def on_mount(self) -> None:
        self._keep_drafts_when_closed()
        self._warn_if_exposed()
        first = self.navigator.screen(self.start, entry=self.entry, script=self.script)
        self.push_screen(first or self.navigator.screen("home"))

    def _keep_drafts_when_closed(self) -> None:
        """A closed terminal (SIGHUP, or a console event on Windows) or a polite kill
        (SIGTERM) first keeps every draft on screen, including the words typed in the
        last second, then ends the app. (On Windows, `console_handler` is what the
        console calls.)"""
        self.console_handler = closing.watch(
            asyncio.get_running_loop(),
            self.closed_from_outside,
            self.call_from_thread,
            on_arrival=lambda code: self._end_anyway(code, STUCK_GRACE_SECONDS),
        )

    def _warn_if_exposed(self) -> None:
        """Say so when the data folder is copied online or others can read it."""
        for code, params in exposures(self.store.directory, load_settings().synced):
            self.notify(self.content.message(code, **params), severity="warning", timeout=20)

    def keep_every_draft(self) -> None:
        """Keep the draft of every screen on the stack that has one."""
        for screen in self.screen_stack:
            if isinstance(screen, KeepsDraft):
                screen.keep_draft()

    def closed_from_outside(self, code: int = closing.exit_code(1)) -> None:
        self.keep_every_draft()
        self.exit(self.result)
        self._end_anyway(code, EXIT_GRACE_SECONDS)

    def _end_anyway(self, code: int, grace: float) -> None:
        """With the terminal gone, Textual's shutdown can wait forever on a write that
        never drains (seen after a hang-up during start-up with a large store), and a
        loop busy starting a screen answers late. The drafts are kept and every write is
        atomic, so after `grace` seconds the process ends anyway instead of lingering."""
        if self.is_headless:
            return
        watchdog = threading.Timer(grace, os._exit, args=(code,))
        watchdog.daemon = True
        watchdog.start()

    # -- what screens ask for -----------------------------------------------------------

    def action_open(self, flow: str) -> None:
        """Open a flow on top of the current screen (from home or the palette)."""
        self.open(flow)

    def on_open(self, message: Open) -> None:
        self.open(message.flow, message.entry, replace=message.replace)

    def open(self, flow: str, entry: Entry | None = None, *, replace: bool = False) -> None:
        if flow == "hulp":
            self.show_help("hulp")
            return
        try:
            screen = self.navigator.screen(flow, entry=entry)
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
            return
        if screen is None:
            self.notify(self.content.text("home", "ui", "needs_entry"))
        elif replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_saved(self, message: Saved) -> None:
        self.result = message.entry_id

    def on_done(self, message: Done) -> None:
        self.finish()

    def on_help_wanted(self, message: HelpWanted) -> None:
        self.show_help(message.topic)

    def on_help_notice_wanted(self, message: HelpNoticeWanted) -> None:
        self.show_help_notice()

    def finish(self) -> None:
        """Close the current flow: back to where it was opened from, or out of the app."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.exit(self.result)

    def action_finish(self) -> None:
        self.finish()

    def show_help(self, topic: str) -> None:
        """F1: what this screen is for and how to use it, from content."""
        from veerkracht.screens.dialogs import ChoiceDialog

        close = [("close", self.content.text("reflect", "ui", "close"))]
        if topic == "hulp":
            title, text = (
                self.content.text("home", "actions", "hulp", "label"),
                self.content.text("safety", "hulp"),
            )
        else:
            title = self.content.text("home", "ui", "help")
            text = self.content.text("home", "help", topic)
        self.push_screen(ChoiceDialog(title, text, close))

    def action_show_help(self, topic: str) -> None:
        self.show_help(topic)

    def show_help_notice(self) -> None:
        """The calm notice about where to find help, once per session, on the screen in
        front, in three rows of its own so it never covers the field being typed in.
        Once there is a veiligheidsplan, the notice offers it (F2); F3 closes it."""
        if self.notice_shown:
            return
        from textual.widgets import Footer

        from veerkracht.screens.widgets import HelpNotice

        self.notice_shown = True
        screen = self.screen
        words = partial(self.content.text, "safety", "notice", "screen")
        offer = words("plan") if self.has_safety_plan() else words("more")
        notice = HelpNotice(
            self.content.text("safety", "notice", "title"),
            words("first"),
            words("reach"),
            f"{words('danger')} {offer} {words('close')}",
        )
        footers = screen.query(Footer)
        screen.mount(notice, before=footers.first() if footers else None)

        def keep_typing_in_view() -> None:
            if screen.focused is not None:
                screen.focused.scroll_visible(animate=False)

        screen.call_after_refresh(keep_typing_in_view)

    def has_safety_plan(self) -> bool:
        from veerkracht.services.safety import current_safety_plan

        try:
            return current_safety_plan(self.store) is not None
        except VeerkrachtError:
            return False  # a store that cannot be read now: the notice still shows

    def notice(self) -> Widget | None:
        """The help notice on the screen in front, if it shows one."""
        found = self.screen.query("#help-notice")
        return found.first() if found else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The notice's keys work only while the notice shows (F2: with a plan to open)."""
        if action == "close_notice":
            return self.notice() is not None
        if action == "notice_plan":
            return self.notice() is not None and self.has_safety_plan()
        return True

    def action_close_notice(self) -> None:
        """F3: the notice goes; where to find help is said once more, briefly."""
        notice = self.notice()
        if notice is not None:
            notice.remove()
            self.notify(self.content.text("safety", "notice", "screen", "closed"))

    def action_notice_plan(self) -> None:
        """F2: the veiligheidsplan over the screen in front; Escape comes back to it as it
        was, every word typed there still in place."""
        self.post_message(Open("safety"))

    def action_help_quit(self) -> None:
        """ctrl+c (copy in a text field) elsewhere says, in the user's language, how to
        stop, instead of nothing."""
        self.notify(self.content.text("home", "ui", "how_to_quit"))

    def action_command_palette(self) -> None:
        """The command palette, its search field in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = self.content.text("home", "ui", "palette_placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def action_request_quit(self) -> None:
        quit_flow = getattr(self.screen, "action_quit_flow", None)
        if quit_flow is not None:
            quit_flow()
        elif not isinstance(self.screen, ModalScreen):
            self.exit(self.result)
