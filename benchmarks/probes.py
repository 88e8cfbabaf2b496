"""The small programs the benchmarks run in their own process: the Textual baseline,
veerkracht's screens until they are drawn, and typing into the dashboard's search."""

#: T: a bare Textual app showing one Input, exiting once its first screen is drawn.
MINIMAL_TUI = """
from textual.app import App
from textual.widgets import Input

class Minimal(App):
    def compose(self):
        yield Input()

    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

Minimal().run(headless=True, size=(100, 30))
"""

#: veerkracht's screen the way the command opens it, exiting once it is drawn.
VEERKRACHT_TUI = """
import sys
from veerkracht.cli import Session  # the command's imports, as the real command pays them
from veerkracht.tui.app import VeerkrachtApp

class Ready(VeerkrachtApp):
    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

session = Session()
Ready(session.store, session.content, start=sys.argv[1]).run(headless=True, size=(100, 30))
"""

#: The dashboard's search, typed key by key: the milliseconds from each key until the
#: screen has been drawn again after the search took it (the table, heading and
#: patterns), as a JSON list. The app hears the field's change after the screen did.
SEARCH_KEYS = """
import asyncio, json, sys, time
from veerkracht.cli import Session
from veerkracht.tui.app import VeerkrachtApp

class Timed(VeerkrachtApp):
    answered = None

    def on_input_changed(self, event):
        self.call_after_refresh(lambda: setattr(self, "answered", time.perf_counter()))

async def main():
    session = Session()
    app = Timed(session.store, session.content, start="history")
    times = []
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        for key in sys.argv[1]:
            app.answered = None
            start = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            while app.answered is None:
                await asyncio.sleep(0.001)
            times.append((app.answered - start) * 1000)
            await pilot.pause()
    print(json.dumps(times))

asyncio.run(main())
"""
