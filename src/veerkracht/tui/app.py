"""The Textual app: holds the store and the words, opens the screen a command asks for,
and from the home screen (or the command palette) every other one."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator
from datetime import date
from functools import partial
from importlib.resources import files

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from veerkracht.content import Content, load
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.core.scripts import Script
from veerkracht.store.drafts import Draft
from veerkracht.store.settings import load_settings
from veerkracht.store.store import Store

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
        for action in load("home")["actions"]:
            label = app.content.text("home", "actions", action, "label")
            hint = app.content.text("home", "actions", action, "hint")
            yield label, hint, action
        yield app.content.text("home", "ui", "quit"), "ctrl+q", "quit"

    async def discover(self) -> Hits:
        for label, hint, action in self._choices():
            yield DiscoveryHit(label, partial(self.app.run_action, self._call(action)), help=hint)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, hint, action in self._choices():
            score = matcher.match(f"{label} {hint}")
            if score > 0:
                command = partial(self.app.run_action, self._call(action))
                yield Hit(score, matcher.highlight(label), command, help=hint)

    @staticmethod
    def _call(action: str) -> str:
        return "request_quit" if action == "quit" else f"open('{action}')"


class VeerkrachtApp(App[str | None]):
    """veerkracht in the terminal. Returns the id of a reflection saved in this session."""

    # Absolute, so the app also works when subclassed from elsewhere (the benchmarks).
    CSS_PATH = str(files("veerkracht.tui").joinpath("app.tcss"))
    COMMANDS = {Actions}

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
        self.register_theme(HIGH_CONTRAST)
        theme = load_settings().theme
        if theme in self.available_themes:
            self.theme = theme
        # ctrl+q asks the screen first (to offer keeping a draft) instead of quitting.
        self._bindings.key_to_bindings.pop("ctrl+q", None)
        self._bindings.bind(
            "ctrl+q", "request_quit", content.text("reflect", "ui", "quit"), priority=True
        )

    def _title(self) -> str:
        if self.start == "support":
            return self.content.text("support", "ui", "title")
        if self.start in ("followup", "checkin"):
            return self.content.text("after", self.start, "title")
        if self.start == "home":
            return self.content.text("home", "ui", "title")
        return self.content.text(self.start, "ui", "title")

    def on_mount(self) -> None:
        self._keep_drafts_when_closed()
        self.push_screen(self.first_screen())

    def _keep_drafts_when_closed(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) first keeps every draft
        on screen, including the words typed in the last second, then ends the app."""
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signal_number, self.closed_from_outside)

    def closed_from_outside(self) -> None:
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_draft", None)
            if keep is not None:
                keep()
        self.exit(self.result)

    def first_screen(self) -> Screen:
        """The screen the command asked for (screens are imported only when needed)."""
        if self.start == "home":
            from veerkracht.screens.home import HomeScreen

            return HomeScreen(self.store, self.content, self.today)
        if self.script is not None:
            from veerkracht.screens.prepare import PrepareScreen

            return PrepareScreen(self.store, self.content, self.script)
        if self.start == "followup" and self.entry is not None:
            from veerkracht.screens.after import FollowupScreen

            return FollowupScreen(self.store, self.content, self.entry)
        if self.start == "support":
            from veerkracht.screens.after import SupportScreen

            return SupportScreen(self.store, self.content)
        if self.start == "checkin":
            from veerkracht.screens.after import CheckinScreen

            return CheckinScreen(self.store, self.content, self.store.contents().agreements)
        if self.start == "history":
            from veerkracht.screens.history import HistoryScreen

            return HistoryScreen(self.store, self.content, self.today)
        from veerkracht.screens.reflect import ReflectScreen

        return ReflectScreen(self.store, self.content, Draft(self.store, "reflect"))

    def action_open(self, flow: str) -> None:
        """Open a flow on top of the current screen (from home or the palette)."""
        try:
            screen = self._screen_for(flow)
        except VeerkrachtError as error:
            self.notify(self.content.message(error.code, **error.params), severity="error")
            return
        if screen is not None:
            self.push_screen(screen)

    def _screen_for(self, flow: str) -> Screen | None:
        from veerkracht.core.scripts import build_script

        if flow == "hulp":
            self.show_help("hulp")
            return None
        if flow == "settings":
            from veerkracht.screens.settings import SettingsScreen

            return SettingsScreen(self.store, self.content)
        if flow in ("prepare", "followup"):
            entries = self.store.entries()
            if not entries:
                self.notify(self.content.text("home", "ui", "needs_entry"))
                return None
            if flow == "prepare":
                from veerkracht.screens.prepare import PrepareScreen

                return PrepareScreen(
                    self.store, self.content, build_script(entries[-1], self.content)
                )
            from veerkracht.screens.after import FollowupScreen

            return FollowupScreen(self.store, self.content, entries[-1])
        self.start, self.script = flow, None
        return self.first_screen()

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
        front, in lines of its own so it never covers the field being typed in."""
        if self.notice_shown:
            return
        from textual.widgets import Footer

        from veerkracht.screens.widgets import HelpNotice

        self.notice_shown = True
        screen = self.screen
        notice = HelpNotice(
            self.content.text("safety", "notice", "title"),
            self.content.text("safety", "notice", "text"),
        )
        footers = screen.query(Footer)
        screen.mount(notice, before=footers.first() if footers else None)

        def keep_typing_in_view() -> None:
            if screen.focused is not None:
                screen.focused.scroll_visible(animate=False)

        screen.call_after_refresh(keep_typing_in_view)

    def action_request_quit(self) -> None:
        quit_flow = getattr(self.screen, "action_quit_flow", None)
        if quit_flow is not None:
            quit_flow()
        elif not isinstance(self.screen, ModalScreen):
            self.exit(self.result)
