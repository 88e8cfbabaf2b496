"""The look-back dashboard: entries newest first (a page at a time), the chosen entry,
and the patterns with charts of the weeks. Filters by feeling and trigger, and searches
the user's own words (`/`), from the keyboard; the right panel scrolls by keys too."""

from __future__ import annotations

import gc
import math
import operator
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import OPTIONS, Entry, now
from veerkracht.core.patterns import Filters
from veerkracht.core.reflection import summary
from veerkracht.core.search import Query
from veerkracht.core.textsafe import visible
from veerkracht.render.chart import weeks_that_fit
from veerkracht.render.history import entry_detail, entry_row, pattern_blocks
from veerkracht.render.search import quoted
from veerkracht.screens.base import Done, HelpWanted, Open, SpeaksLanguage
from veerkracht.screens.dialogs import ChoiceDialog, PickDialog
from veerkracht.screens.keys import HELP, QUIT
from veerkracht.services.history_view import History
from veerkracht.services.your_data import forget_entry
from veerkracht.store.store import Store

PAGE_SIZE = 50
DASHBOARD_WEEKS = 8


# longer than the limit: three panes, filters, search and paging move together
class HistoryScreen(SpeaksLanguage, Screen[None]):
    """Entries and patterns. Reads the store once; filtering and paging work in memory."""

    def __init__(self, store: Store, content: Content, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.today = today or now().date()
        self.history: History | None = None
        #: What is shown, newest first.
        self.entries: list[Entry] = []
        self.filters = Filters()
        self.search_query = Query(())
        #: A flow that can change the store was opened from here: read it again on return.
        self.stale = False
        self.patterns: dict[str, Any] = {}
        self.page = 0
        #: The entries in the table's rows now, and what each text widget says now: a
        #: keystroke redraws only what it changed.
        self.rows: list[Entry] = []
        self.said: dict[str, str | Text] = {}

    BINDINGS = [
        Binding("enter", "read", show=False, id="read"),  # the panel says so
        Binding("f", "pick_feeling", id="feeling"),
        Binding("t", "pick_trigger", id="trigger"),
        Binding("x", "clear_filters", id="clear"),
        Binding("slash", "search", id="search", key_display="/"),
        # p and o are named in the panel (read_hint), which leaves the footer room.
        Binding("p", "prepare", show=False, id="prepare"),
        Binding("o", "followup", show=False, id="followup"),
        Binding("e", "edit", show=False, id="edit"),
        Binding("delete", "forget", show=False, id="forget"),
        # Paging overrides the table's own PgUp/PgDn, so those bindings take priority.
        Binding("pagedown", "page(1)", show=False, priority=True, id="next-page"),
        Binding("pageup", "page(-1)", show=False, priority=True, id="previous-page"),
        Binding("escape", "close", id="history-close"),
        HELP,
        QUIT,
    ]

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("history", "ui", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(id="progress", markup=False)
        with Horizontal(id="dashboard"):
            with Vertical(id="entries-pane"):  # the search field joins on the first `/`
                yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
                yield Static(id="page", classes="hint", markup=False)
            with VerticalScroll(id="detail-pane"):  # Tab reaches it; arrows and PgUp/PgDn scroll
                yield Static(id="detail", markup=False)
                yield Static(id="patterns", classes="patterns", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        columns = self.content.text("history", "report", "columns").split("|")
        for column in columns[:4]:
            table.add_column(column)
        self.read_store()
        table.focus()
        self.call_after_refresh(self.draw_patterns)

    def read_store(self) -> None:
        self.history = History.read(self.store, self.content.label)  # read with the GC paused
        gc.freeze()  # kept while the screen lives: the collector's sweeps need not walk it
        self.refilter()
        if self.search_field() is not None:
            self.call_after_refresh(self.prepare_search)

    def prepare_search(self) -> None:
        """Every record's words folded before the first key (and frozen, as above)."""
        if self.history is not None:
            self.history.prepare_search()
            gc.freeze()

    def say(self, selector: str, said: str | Text) -> None:
        """`selector`'s Static says `said` (redrawn only when that changes)."""
        if self.said.get(selector) != said:
            self.said[selector] = said
            self.query_one(selector, Static).update(said)

    @property
    def all_entries(self) -> list[Entry]:
        return self.history.entries if self.history else []

    def on_screen_resume(self) -> None:
        """Back from a flow that can change what is stored (changing a reflection, a look
        back): what changed shows. A dialog closing changes nothing, so the cursor stays."""
        if self.stale:
            self.stale = False
            self.read_store()

    # -- data -------------------------------------------------------------------------

    def refilter(self) -> None:
        if self.history is None:
            return
        view = self.history.view(self.filters, self.search_query, self.today)
        self.entries = list(reversed(view.entries))
        self.page = 0
        self.show_page()
        self.patterns = view.patterns
        self.draw_patterns()
        self.query_one("#detail-pane", VerticalScroll).scroll_home(animate=False)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.entries) / PAGE_SIZE))

    def show_page(self) -> None:
        table = self.query_one("#entries", DataTable)
        start = self.page * PAGE_SIZE
        rows = self.entries[start : start + PAGE_SIZE]
        if len(rows) == len(self.rows) and all(map(operator.is_, rows, self.rows)):
            # The same rows: only the cursor and the scroll go back to the top, as on clear.
            table.cursor_coordinate = table.hover_coordinate = Coordinate(0, 0)
            table.scroll_x = table.scroll_y = 0
            table.scroll_target_x = table.scroll_target_y = 0
        else:
            table.clear()
            for entry in rows:
                number, when, intensity, feelings, _ = entry_row(entry, self.content)
                table.add_row(number, when[:10], intensity, feelings, key=entry.id)
            self.rows = rows
        self.say(
            "#page", self.ui("page", page=self.page + 1, pages=self.pages) if self.entries else ""
        )
        self.show_heading()
        self.show_detail(self.entries[start] if self.entries else None)

    def show_heading(self) -> None:
        names = [
            self.content.label(group, key)
            for group, key in (
                ("feelings", self.filters.feeling),
                ("triggers", self.filters.trigger),
            )
            if key
        ]
        filters = self.ui("filter", names=", ".join(names)) if names else ""
        if self.search_query:
            filters += self.ui("searched", words=visible(quoted(self.search_query, self.content)))
        count = self.content.counted("reflection", len(self.entries))
        heading = self.ui("heading", count=count, filters=filters)
        self.say("#progress", heading)

    def show_detail(self, entry: Entry | None) -> None:
        if entry is None:
            if not self.all_entries:
                self.say("#detail", self.ui("empty"))
            elif self.search_query:
                words = visible(quoted(self.search_query, self.content))
                self.say("#detail", self.ui("no_search_match", words=words))
            else:
                self.say("#detail", self.ui("no_match"))
            return
        found = None
        if self.search_query and self.history is not None:
            found = self.history.where(self.search_query, entry)
        self.say("#detail", entry_detail(entry, self.content, found))

    def draw_patterns(self) -> None:
        """Bars and charts sized to the panel, redrawn when the terminal is resized."""
        width = max(20, self.query_one("#detail-pane").size.width - 2)
        weeks = min(DASHBOARD_WEEKS, weeks_that_fit(width))
        parts = []
        for heading, lines in pattern_blocks(self.patterns, self.content, weeks, width, True):
            parts += ["", heading, *lines]
        self.say("#patterns", "\n".join(parts))

    def on_resize(self) -> None:
        if self.is_mounted and self.patterns:
            self.call_after_refresh(self.draw_patterns)

    def current_entry(self) -> Entry | None:
        table = self.query_one("#entries", DataTable)
        if not self.entries or table.cursor_row is None:
            return None
        index = self.page * PAGE_SIZE + table.cursor_row
        return self.entries[index] if index < len(self.entries) else None

    # -- events and actions -----------------------------------------------------------------

    @on(DataTable.RowSelected, "#entries")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_read()

    @on(DataTable.RowHighlighted, "#entries")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(self.current_entry())

    def action_read(self) -> None:
        """The whole reflection, as the user wrote it (private text marked as theirs)."""
        entry = self.current_entry()
        if entry is None:
            return
        empty = self.content.text("reflect", "fields", "empty")
        lines = [
            f"{self.content.text('reflect', 'steps', step, 'title')}: {visible(text)}"
            for step, text in summary(entry.to_record(), self.content)
            if text != empty
        ]
        title = self.ui("detail", id=entry.id, date=entry.created.strftime("%Y-%m-%d %H:%M"))
        close = [("close", self.ui("key_close"))]
        self.app.push_screen(ChoiceDialog(title, "\n".join(lines), close))

    def action_page(self, step: int) -> None:
        """PgUp/PgDn page the table, or scroll the right panel when it has the focus."""
        pane = self.query_one("#detail-pane", VerticalScroll)
        if pane.has_focus:
            pane.scroll_page_down(animate=False) if step > 0 else pane.scroll_page_up(animate=False)
            return
        page = min(max(self.page + step, 0), self.pages - 1)
        if page != self.page:
            self.page = page
            self.show_page()

    def action_pick_feeling(self) -> None:
        self._pick("feelings", "pick_feeling", "feeling")

    def action_pick_trigger(self) -> None:
        self._pick("triggers", "pick_trigger", "trigger")

    def _pick(self, group: str, title: str, field: str) -> None:
        options = [("", self.ui("all"))]
        options += [(key, self.content.label(group, key)) for key in OPTIONS[group]]

        def chosen(key: str | None) -> None:
            if key is None:
                return
            changes = {field: key or None}
            self.filters = Filters(**{**self.filters.__dict__, **changes})
            self.refilter()
            self.refresh_bindings()

        self.app.push_screen(PickDialog(self.ui(title), options), chosen)

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.refilter()
        self.refresh_bindings()

    def action_search(self) -> None:
        """`/`: the search field opens (or takes the focus again) above the table. It is
        made on the first `/`, so the dashboard starts without it."""
        from veerkracht.screens.widgets import LineInput

        field = self.search_field()
        if field is None:
            placeholder = self.ui("search_placeholder")
            field = LineInput(placeholder=placeholder, id="search", compact=True)
            self.query_one("#entries-pane").mount(field, before="#entries")
            self.call_after_refresh(self.prepare_search)  # once the field shows
        field.display = True
        field.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        """The table follows every key typed."""
        query = Query.parse(event.value)
        if query.words != self.search_query.words:
            self.search_query = query
            self.refilter()
        else:
            self.search_query = query  # the same words, shown as typed now
            self.show_heading()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the search and goes to the table."""
        if not self.search_query:
            self.close_search()
        else:
            self.query_one("#entries", DataTable).focus()

    def search_field(self) -> Input | None:
        return next(self.query("#search").results(Input), None)

    def close_search(self) -> None:
        """The search field closes and empties; the table has every entry again."""
        field = self.search_field()
        if field is None:
            return
        field.display = False
        self.query_one("#entries", DataTable).focus()
        if field.value or self.search_query:
            field.value = ""
            self.search_query = Query(())
            self.refilter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """x (clear) shows only while a filter is set, so the footer fits 80 columns."""
        if action == "clear_filters":
            return self.filters != Filters()
        return True

    def action_edit(self) -> None:
        """Change the chosen reflection, with the same steps."""
        entry = self.current_entry()
        if entry is not None:
            self.stale = True
            self.post_message(Open("edit", entry))

    def action_forget(self) -> None:
        """Delete the chosen reflection, after asking (keeping it is the focused choice)."""
        entry = self.current_entry()
        if entry is None:
            return

        def decide(choice: str) -> None:
            if choice != "delete":
                self.notify(self.content.message("not_forgotten"))
                return
            try:
                forget_entry(self.store, entry)
            except VeerkrachtError as error:
                self.notify(self.content.on_screen(error.code, **error.params), severity="error")
                return
            self.notify(self.content.message("forgotten", id=entry.id))
            self.read_store()

        question = self.content.message("confirm_forget", id=entry.id, date=entry.created.date())
        words = self.content.text("home", "data", "delete_title")
        choices = [("keep", self.content.text("home", "data", "keep")),
                   ("delete", self.content.text("home", "data", "delete"))]  # fmt: skip
        self.app.push_screen(ChoiceDialog(words, question, choices, "keep"), decide)

    def action_prepare(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self.post_message(Open("prepare", entry))

    def action_followup(self) -> None:
        """After the conversation about the chosen reflection."""
        entry = self.current_entry()
        if entry is None:
            return
        self.stale = True
        self.post_message(Open("followup", entry))

    def action_close(self) -> None:
        """Escape ends a search first (back to every entry), then leaves."""
        field = self.search_field()
        if field is not None and field.display:
            self.close_search()
            return
        self.post_message(Done())

    def action_help(self) -> None:
        self.post_message(HelpWanted("history"))
