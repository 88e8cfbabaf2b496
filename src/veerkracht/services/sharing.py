"""A summary for someone else, approved section by section: the same for `share` and the
share screen. "Zo begin je" and the tips are the user's own aids for the conversation,
so they are not offered as sections to share (`--include` still accepts their keys)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from veerkracht.content import Content
from veerkracht.core.cards import SECTION_KEYS, CardEdit
from veerkracht.core.model import Entry
from veerkracht.core.scripts import Script, apply_edit, build_script
from veerkracht.store.store import Store

#: How heavy it is: shared only when chosen as well (see core.cardwriter).
HEAVY_KEY = "heavy"
#: What `--include` accepts: every section of a card, and how heavy it is.
INCLUDE_KEYS = (*SECTION_KEYS, HEAVY_KEY)
#: The user's own aids, not offered to share.
OWN_AIDS = ("opening", "tips")


class KeepsCards(Protocol):
    """Where the user's versions of cards are found: the store, or one read of it."""

    def card(self, entry: str, audience: str, lang: str) -> CardEdit | None: ...


def users_card(store: Store, entry: Entry, content: Content, audience: str | None) -> Script:
    """The card for `audience`, as the user kept it in the editor if they did."""
    return as_kept(store, build_script(entry, content, audience))


def as_kept(cards: KeepsCards, script: Script) -> Script:
    """`script` as the user kept it in the editor, if they did."""
    return apply_edit(script, cards.card(script.entry.uuid, script.audience, script.language))


def offered(script: Script) -> list[tuple[str, str, list[str]]]:
    """The sections offered to share: key, title and lines (the heavy line apart)."""
    return [
        (section.key, section.title, [line for line in section.lines if line != script.heavy_line])
        for section in script.sections
        if section.key not in OWN_AIDS and section.lines
    ]


def heavy_offered(script: Script) -> str | None:
    """The line on how heavy it is, when the card has one (offered with the situation)."""
    spoken = [line for section in script.sections for line in section.lines]
    return script.heavy_line if script.heavy_line in spoken else None


def shared_markdown(script: Script, chosen: Collection[str], content: Content) -> str:
    """The chosen sections as Markdown; how heavy it is only when chosen too."""
    from veerkracht.render.cards import card_markdown, shared_card_of

    if HEAVY_KEY not in chosen:
        script = script.without_heavy_line()
    return card_markdown(shared_card_of(script.edited({}, set(chosen)), content))
