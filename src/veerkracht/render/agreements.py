"""Agreements for people and machines: open ones first, overdue ones marked in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from veerkracht.content import Content
from veerkracht.core.records import Agreement
from veerkracht.core.textsafe import visible
from veerkracht.render.terminal import console_for


def agreements_in_order(
    agreements: Sequence[Agreement], today: date, *, include_done: bool
) -> list[Agreement]:
    """Open ones first (overdue first, then by date), kept ones after, if asked for."""
    shown = [a for a in agreements if include_done or not a.done]
    return sorted(
        shown,
        key=lambda a: (a.done, not a.overdue(today), a.due or date.max, int(a.id or 0)),
    )


def agreement_line(agreement: Agreement) -> str:
    """What · who · when, the parts that are there (the words as written)."""
    parts = [agreement.what, agreement.who, agreement.due.isoformat() if agreement.due else ""]
    return " · ".join(part for part in parts if part)


def agreement_json(agreement: Agreement, entry_ids: dict[str, str]) -> dict[str, Any]:
    """The `agreements --format json` contract; `entry` is the reflection's short id."""
    return {
        "id": agreement.id,
        "what": agreement.what,
        "who": agreement.who,
        "due": agreement.due.isoformat() if agreement.due else None,
        "done": agreement.done,
        "entry": entry_ids.get(agreement.entry, ""),
    }


def status(agreement: Agreement, today: date, content: Content) -> str:
    if agreement.done:
        return content.message("agreement_kept")
    if agreement.overdue(today):
        return content.message("agreement_overdue")
    return content.message("agreement_open")


def agreements_table(
    agreements: Sequence[Agreement],
    entry_ids: dict[str, str],
    today: date,
    content: Content,
    out: TextIO,
) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False)
    for heading in content.message("agreement_columns").split("|"):
        table.add_column(heading, overflow="fold")
    for agreement in agreements:
        table.add_row(
            agreement.id,
            Text(visible(agreement.what)),
            Text(visible(agreement.who)),
            agreement.due.isoformat() if agreement.due else "",
            status(agreement, today, content),
            entry_ids.get(agreement.entry, ""),
        )
    with console_for(out) as console:
        console.print(table)
