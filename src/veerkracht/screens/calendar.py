""" "Add to calendar" on a screen: ask where (the documents folder by default), write the
calendar file with neutral titles, and say where it went."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.screens.dialogs import save_as_file
from veerkracht.services.calendar import Kind, calendar_events, calendar_text
from veerkracht.store.locations import documents_dir
from veerkracht.store.store import Store


def offer_calendar(
    screen: Screen, store: Store, content: Content, kind: Kind, words: Callable[..., str]
) -> None:
    """The calendar file of `kind`, after asking where; `words(key)` gives the screen's
    `calendar_title`, `calendar_explain`, `calendar_file` and `calendar_saved`. The user's
    own words stay out: calendars are often synced to other people's servers."""
    try:
        events = calendar_events(store, kind, content, now=now())
    except VeerkrachtError as error:
        screen.notify(content.on_screen(error.code, **error.params), severity="error")
        return
    if not events:
        screen.notify(content.message("calendar_empty"))
        return

    save_as_file(
        screen,
        store.directory,
        content,
        title=words("calendar_title"),
        explain=words("calendar_explain"),
        default=documents_dir() / words("calendar_file"),
        text=lambda: calendar_text(events, now()),
        saved=lambda path: words("calendar_saved", path=str(path), count=len(events)),
    )
