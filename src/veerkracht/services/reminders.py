"""Gentle reminders: one line, at most once a day, never a streak or a score."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from veerkracht.core.records import Agreement, CheckIn
from veerkracht.store.folder import Folder
from veerkracht.store.fsutil import atomic_write

CHECKIN_INTERVAL = timedelta(days=7)


def reminder(
    today: date, agreements: Sequence[Agreement], checkins: Sequence[CheckIn]
) -> tuple[str, dict[str, object]] | None:
    """The message code and its parameters, or None when nothing is due.

    An overdue agreement comes first; a weekly check-in is due a week after the last
    one (only for people who do check-ins)."""
    overdue = [agreement for agreement in agreements if agreement.overdue(today)]
    if overdue:
        return "reminder_overdue", {"count": len(overdue), "id": overdue[0].id}
    if checkins:
        last = max(checkin.created.date() for checkin in checkins)
        if today - last >= CHECKIN_INTERVAL:
            return "reminder_checkin", {"days": (today - last).days}
    return None


def already_reminded(directory: Path, today: date) -> bool:
    try:
        state = json.loads(Folder(directory).reminded.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(state, dict) and state.get("reminded") == today.isoformat()


def remember(directory: Path, today: date) -> None:
    with contextlib.suppress(OSError):
        reminded = json.dumps({"reminded": today.isoformat()}).encode()
        atomic_write(Folder(directory).reminded, reminded)
