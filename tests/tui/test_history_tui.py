"""The look-back dashboard, driven through Pilot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks.sample_store import build_store
from textual.widgets import DataTable, Static

from tests.drive import SIZE, SMALL, wait_until
from veerkracht.content import Content
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.history import PAGE_SIZE, HistoryScreen, PickDialog
from veerkracht.screens.prepare import PrepareScreen
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp

TODAY = date(2025, 3, 30)


def dashboard(home: Path, count: int = 120, language: str = "nl") -> VeerkrachtApp:
    if count:
        build_store(home, count)
    return VeerkrachtApp(Store(home), Content(language), start="history", today=TODAY)


def table_ids(screen: HistoryScreen) -> list[str]:
    table = screen.query_one("#entries", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def text_of(screen: HistoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_the_newest_come_first_a_page_at_a_time(home: Path) -> None:
    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        ids = table_ids(screen)
        assert len(ids) == PAGE_SIZE
        assert ids[:3] == ["120", "119", "118"]
        assert "Pagina 1 van 3" in text_of(screen, "#page")
        await pilot.press("pagedown", "pagedown")
        assert table_ids(screen)[0] == "20"
        assert len(table_ids(screen)) == 20
        await pilot.press("pagedown", "pageup")
        assert "Pagina 2 van 3" in text_of(screen, "#page")


async def test_the_detail_follows_the_chosen_row(home: Path) -> None:
    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert text_of(screen, "#detail").startswith("Reflectie 120")
        await pilot.press("down", "down")
        assert text_of(screen, "#detail").startswith("Reflectie 118")
        assert "Gevoelens:" in text_of(screen, "#detail")
        assert "Zwaarte per week" in text_of(screen, "#patterns")
        assert "█" in text_of(screen, "#patterns")


async def test_filter_by_feeling_and_clear(home: Path) -> None:
    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        store_entries = Store(home).entries()
        await pilot.press("f")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "enter")  # moe
        expected = [e.id for e in reversed(store_entries) if "tired" in e.feelings]
        assert table_ids(screen) == expected[:PAGE_SIZE]
        assert "filter: moe" in text_of(screen, "#progress")
        assert f"{len(expected)} reflecties" in text_of(screen, "#progress")
        await pilot.press("t", "down", "enter")  # and hoge werkdruk
        both = [e.id for e in reversed(store_entries)
                if "tired" in e.feelings and "workload" in e.triggers]  # fmt: skip
        assert table_ids(screen) == both[:PAGE_SIZE]
        await pilot.press("x")
        assert len(table_ids(screen)) == PAGE_SIZE
        assert "filter" not in text_of(screen, "#progress")


async def test_a_filter_without_matches_says_so(home: Path) -> None:
    app = dashboard(home, 3)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):  # find a feeling that none of the three has
            await pilot.press("f")
            await pilot.press(*["down"] * (_ % 12), "enter")
            if not table_ids(app.screen):
                break
        assert "Geen reflecties bij dit filter" in text_of(app.screen, "#detail")


async def test_enter_reads_the_whole_reflection(home: Path) -> None:
    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Grenzen:" in app.screen.body_text
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_p_opens_the_card_and_escape_comes_back(home: Path) -> None:
    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "p")
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.script.entry.id == "119"
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
    assert app.return_value is None


async def test_an_empty_store_points_to_reflect(home: Path) -> None:
    app = dashboard(home, 0, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "enter")
        assert "veerkracht reflect" in text_of(app.screen, "#detail")


async def test_o_records_how_the_conversation_went(home: Path) -> None:
    from veerkracht.screens.after import FollowupScreen

    app = dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "o")
        assert isinstance(app.screen, FollowupScreen)
        assert app.screen.entry.id == "119"
        await pilot.press("4", "ctrl+s", "enter")
        assert isinstance(app.screen, HistoryScreen)
    (followup,) = Store(home).followups()
    assert followup.went == 4


async def test_slash_searches_as_you_type_and_escape_brings_everything_back(home: Path) -> None:
    from textual.widgets import Input

    from tests.drive import run

    for note in ("Ik slaap slecht.", "Drukke week.", "Weer slecht geSLÁÁPt."):
        run("reflect", "--from", "-", input=f'{{"feelings": ["tired"], "fear": "{note}"}}')
    app = dashboard(home, 0)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash", *"slaap")
        assert table_ids(screen) == ["3", "1"]
        assert "2 reflecties · gezocht: „slaap”" in text_of(screen, "#progress")
        assert "Gevonden · waar je bang voor bent: Weer slecht geSLÁÁPt." in text_of(
            screen, "#detail"
        )
        await pilot.press("space", "x")
        assert table_ids(screen) == []
        assert "Niets gevonden voor „slaap x”" in text_of(screen, "#detail")
        await pilot.press("backspace", "enter")  # Enter keeps the search, the table has focus
        assert table_ids(screen) == ["3", "1"] and isinstance(app.focused, DataTable)
        await pilot.press("escape")
        assert table_ids(screen) == ["3", "2", "1"]
        assert not screen.query_one("#search", Input).display
        assert isinstance(app.focused, DataTable) and app.screen is screen


async def test_the_right_panel_scrolls_by_keys(home: Path) -> None:
    from textual.containers import VerticalScroll

    app = dashboard(home, 60)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one("#detail-pane", VerticalScroll)
        await pilot.press("tab")
        assert pane.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        paged = pane.scroll_y
        assert paged > 0
        assert "Pagina 1 van 2" in text_of(app.screen, "#page")  # the table stayed put
        await pilot.press("down", "down")
        await pilot.pause()
        assert pane.scroll_y == paged + 2
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.scroll_y == 2  # one page back


async def test_a_reflection_is_changed_or_deleted_from_the_dashboard(home: Path) -> None:
    from veerkracht.store.store import Store

    store = Store(home)
    from veerkracht.content import Content
    from veerkracht.core.model import now, parse_answers
    from veerkracht.screens.dialogs import ChoiceDialog
    from veerkracht.screens.reflect import ReflectScreen
    from veerkracht.tui.app import VeerkrachtApp

    for feeling in ("tired", "tense"):
        store.add_entry(parse_answers({"feelings": [feeling]}, now=now()))
    app = VeerkrachtApp(store, Content("nl"), start="history")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e")  # the newest: nr 2
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.editing is not None and app.screen.editing.id == "2"
        await pilot.press("ctrl+q")  # nothing changed: back without a question
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("delete")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # keeping is focused
        assert len(store.entries()) == 2
        await pilot.press("delete", "tab", "enter")
        await wait_until(pilot, lambda: len(store.entries()) == 1)
        assert [entry.id for entry in store.entries()] == ["1"]


async def test_the_cursor_stays_where_it_was_after_reading_a_reflection(home: Path) -> None:
    from veerkracht.core.model import now, parse_answers
    from veerkracht.store.store import Store
    from veerkracht.tui.app import VeerkrachtApp

    store = Store(home)
    for _ in range(4):
        store.add_entry(parse_answers({"feelings": ["tired"]}, now=now()))
    app = VeerkrachtApp(store, Content("nl"), start="history")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        assert app.screen.query_one("#entries", DataTable).cursor_row == 2
