"""After a talk: saving a follow-up and a weekly check-in, for both faces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from veerkracht.core.model import Entry
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.safety import words_need_notice
from veerkracht.store.store import Store


@dataclass(frozen=True)
class SavedFollowUp:
    """A saved follow-up and what to say about it."""

    followup: FollowUp
    agreements: list[Agreement]
    #: Its words ask for the help notice.
    heavy: bool
    #: Agreements saved with a date that has already passed (a typo, perhaps).
    past_due: list[Agreement]
    #: The content key of where to go next after a hard talk, else None.
    next_route: str | None


@dataclass(frozen=True)
class SavedCheckIn:
    checkin: CheckIn
    heavy: bool


def overdue(agreements: Sequence[Agreement], today: date) -> list[Agreement]:
    """The agreements whose date has already passed on `today`."""
    return [agreement for agreement in agreements if agreement.overdue(today)]


def save_followup(
    store: Store,
    followup: FollowUp,
    agreements: list[Agreement],
    entry: Entry,
    today: date,
    heavy: bool | None = None,
) -> SavedFollowUp:
    """Save a follow-up of `entry` with its agreements. `heavy`: what the face found
    while asking; None to decide from the saved words."""
    store.add_followup(followup, agreements, entry)
    if heavy is None:
        heavy = words_need_notice([followup.to_record(), *[a.to_record() for a in agreements]])
    route = None
    if followup.went_badly():
        route = "next_route_heavy" if heavy or entry.help_notice else "next_route"
    return SavedFollowUp(followup, agreements, heavy, overdue(agreements, today), route)


def save_checkin(
    store: Store, checkin: CheckIn, kept: Sequence[str] = (), heavy: bool | None = None
) -> SavedCheckIn:
    """Save a check-in, marking the agreements `kept`; `heavy` as in save_followup."""
    store.add_checkin(checkin, kept)
    if heavy is None:
        heavy = words_need_notice(checkin.to_record())
    return SavedCheckIn(checkin, heavy)


def mark_kept(store: Store, ref: str, *, kept: bool = True) -> None:
    """Tick an agreement off as kept (or, `kept=False`, open it again)."""
    store.mark_agreements_done([ref], done=kept)
