"""The user's time zone: where a moment's local date (and so its ISO week) comes from.

`TZ` names it when it holds an IANA name (`Europe/Amsterdam`): POSIX reads it itself,
and Windows, which does not (its zone lives in the registry, and it has no
`time.tzset`), then gets the same answer from zoneinfo and the `tzdata` package.
Otherwise the system's own zone is used.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo


def local_zone() -> tzinfo | None:
    """The zone `TZ` names, or None for the system's own."""
    key = os.environ.get("TZ", "").lstrip(":")
    if not key or ("/" not in key and key != "UTC"):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local(moment: datetime) -> datetime:
    """A naive moment as the user's wall-clock time, or an aware one in the user's zone."""
    zone = local_zone()
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return moment.astimezone(zone)


def current() -> datetime:
    """Now, in the user's zone, to the second."""
    chosen = local_zone()
    moment = datetime.now(chosen) if chosen else datetime.now().astimezone()
    return moment.replace(microsecond=0)
