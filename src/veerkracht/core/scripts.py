"""Entry + audience + language → a conversation script. Pure: no I/O, no clock, no
randomness, so the same entry and options always give the same script.

Only what the user chose to say goes in: the chosen feelings, triggers (private ones
said discreetly), impact and support, and the user's own `share`, `desired_change` and
`asks`. Notes, relations, fear and the private text never reach a script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from veerkracht.content import Content
from veerkracht.core.cards import SECTION_KEYS, CardEdit
from veerkracht.core.cardwriter import CardWriter, Line
from veerkracht.core.model import Entry
from veerkracht.core.reflection import suggest_audience

#: The sections that are said to the other person (tips are for the user alone).
SPOKEN_SECTIONS = SECTION_KEYS[:-1]
#: Spoken lines that are on: a card you can say in about three minutes.
MAX_SPOKEN = 12


@dataclass(frozen=True)
class Section:
    """One part of a card: every line it offers, and which of them are switched off
    (alternatives and optional lines, to switch on in the editor)."""

    key: str
    title: str
    all_lines: tuple[str, ...]
    off: frozenset[int] = frozenset()

    @property
    def lines(self) -> tuple[str, ...]:
        """What is said: the lines that are on, empty ones left out."""
        return tuple(line for i, line in enumerate(self.all_lines) if i not in self.off and line)


@dataclass(frozen=True)
class Script:
    entry: Entry
    audience: str
    language: str
    sections: tuple[Section, ...]
    #: The user's own version, kept with the reflection (not the generated one).
    by_user: bool = False
    #: The optional line on how heavy it is (company doctor, after the help notice):
    #: never shared with anyone else unless the user chooses it.
    heavy_line: str | None = None
    #: What the language check found in the user's own words, with calmer ways.
    findings: tuple[dict[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The `prepare --format json` contract (plus `edited`)."""
        return {
            "entry": self.entry.id,
            "audience": self.audience,
            "lang": self.language,
            "edited": self.by_user,
            "sections": [
                {"key": s.key, "title": s.title, "lines": list(s.lines)} for s in self.sections
            ],
            "language": list(self.findings),
        }

    def section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)

    def edited(
        self,
        lines: Mapping[str, Sequence[str]],
        enabled: set[str],
        off: Mapping[str, Iterable[int]] | None = None,
        *,
        by_user: bool = False,
    ) -> Script:
        """This script with the user's edits: new lines per section, lines switched off,
        only `enabled` sections."""
        off = off or {}
        sections = tuple(
            Section(
                s.key,
                s.title,
                tuple(lines.get(s.key, s.all_lines)),
                frozenset(off.get(s.key, s.off)),
            )
            for s in self.sections
            if s.key in enabled
        )
        return replace(self, sections=sections, by_user=by_user or self.by_user)

    def without_heavy_line(self) -> Script:
        """The script without the line on how heavy it is (for sharing with others)."""
        if self.heavy_line is None:
            return self
        sections = tuple(
            Section(s.key, s.title, tuple(line for line in s.lines if line != self.heavy_line))
            for s in self.sections
        )
        return replace(self, sections=sections, heavy_line=None)

    def rehearsal(self) -> list[str]:
        """What to practise saying out loud: the opening, then the asks."""
        return [line for s in self.sections if s.key in ("opening", "asks") for line in s.lines]


def audience_for(entry: Entry, chosen: str | None = None) -> str:
    """The audience: chosen now, else chosen in the reflection, else suggested."""
    return chosen or entry.audience or suggest_audience(entry.triggers)


def build_script(entry: Entry, content: Content, audience: str | None = None) -> Script:
    """The conversation card for `entry`, spoken to `audience`, in `content`'s language:
    the most important lines on (at most MAX_SPOKEN, sayable in three minutes), the
    others switched off, waiting in the editor."""
    who = audience_for(entry, audience)
    writer = CardWriter(entry, content, who)
    drafted = {
        "opening": writer.opening(),
        "situation": writer.situation(),
        "impact": writer.impact(),
        "need": writer.need(),
        "asks": writer.asks(),
        "boundaries": writer.boundaries(),
        "follow_up": writer.follow_up(),
    }
    off = _over_budget(drafted)
    sections = [
        Section(
            key,
            content.text("scripts", "titles", key),
            tuple(line.text for line in lines),
            frozenset(index for index, _ in enumerate(lines) if (key, index) in off),
        )
        for key, lines in drafted.items()
    ]
    tips = writer.tips(spare_lines=bool(off))
    sections.append(Section("tips", content.text("scripts", "titles", "tips"), tuple(tips)))
    return Script(
        entry,
        who,
        content.language,
        tuple(sections),
        heavy_line=writer.heavy_line(),
        findings=tuple(writer.language()),
    )


def _over_budget(drafted: Mapping[str, Sequence[Line]]) -> set[tuple[str, int]]:
    """The lines that start switched off: the spare ones, and beyond MAX_SPOKEN the least
    important (by priority; earlier sections first among equals)."""
    spare = {
        (key, i) for key, lines in drafted.items() for i, line in enumerate(lines) if line.spare
    }
    ranked = sorted(
        ((key, i) for key, lines in drafted.items() for i, line in enumerate(lines)
         if (key, i) not in spare),
        key=lambda place: -drafted[place[0]][place[1]].priority,
    )  # fmt: skip
    return spare | set(ranked[MAX_SPOKEN:])


# -- the user's own version ------------------------------------------------------------


def edit_of(
    script: Script,
    lines: Mapping[str, list[str]],
    enabled: set[str],
    off: Mapping[str, set[int]],
    now: datetime,
) -> CardEdit:
    """The edit that turns `script` (as generated) into the card the user has now."""
    return CardEdit(
        entry=script.entry.uuid,
        audience=script.audience,
        lang=script.language,
        created=now,
        lines={s.key: list(lines.get(s.key, s.all_lines)) for s in script.sections},
        enabled=[key for key in SECTION_KEYS if key in enabled],
        off={key: sorted(found) for key, found in off.items() if found},
    )


def apply_edit(script: Script, edit: CardEdit | None) -> Script:
    """`script` as the user edited it (unchanged when there is no edit)."""
    if edit is None:
        return script
    return script.edited(edit.lines, set(edit.enabled), edit.off, by_user=True)
