"""Entry + audience + language → a conversation script. Pure: no I/O, no clock, no
randomness, so the same entry and options always give the same script.

Only what the user chose to say goes in: the chosen feelings, triggers (private ones
said discreetly), impact and support, and the user's own `share`, `desired_change` and
`asks`. Notes, relations, fear and the private text never reach a script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from veerkracht.content import Content, load
from veerkracht.language import check
from veerkracht.model import Entry
from veerkracht.reflection import suggest_audience, suggested_asks
from veerkracht.textsafe import visible

SECTION_KEYS = (
    "opening", "situation", "impact", "need", "asks", "boundaries", "follow_up", "tips",
)  # fmt: skip
#: The sections that are said to the other person (tips are for the user alone).
SPOKEN_SECTIONS = SECTION_KEYS[:-1]
HEAVY, MODERATE = 7, 4
MAX_SUGGESTED_ASKS = 3


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
    """The conversation script for `entry`, spoken to `audience`, in `content`'s language."""
    who = audience_for(entry, audience)
    writer = _Writer(entry, content, who)
    lines = {
        "opening": writer.opening(),
        "situation": writer.situation(),
        "impact": writer.impact(),
        "need": writer.need(),
        "asks": writer.asks(),
        "boundaries": writer.boundaries(),
        "follow_up": writer.follow_up(),
        "tips": writer.tips(),
    }
    sections = tuple(
        Section(key, content.text("scripts", "titles", key), tuple(lines[key]))
        for key in SECTION_KEYS
    )
    return Script(entry, who, content.language, sections, heavy_line=writer.heavy_line())


class _Writer:
    """Writes each section's lines for one entry and audience."""

    def __init__(self, entry: Entry, content: Content, audience: str) -> None:
        self.entry = entry
        self.content = content
        self.audience = audience

    def text(self, *path: str, **params: Any) -> Any:
        return self.content.text("scripts", *path, **params)

    def audience_text(self, key: str) -> Any:
        return self.text("audiences", self.audience, key)

    def opening(self) -> list[str]:
        return list(self.audience_text("opening"))

    def heavy_line(self) -> str | None:
        """After the help notice, the company doctor's card says how heavy it is (a line
        the user can switch off); it never quotes what they wrote."""
        if self.entry.help_notice and self.audience == "company_doctor":
            return self.text("situation", "how_heavy")
        return None

    def situation(self) -> list[str]:
        entry = self.entry
        lines = [self.text("situation", "feelings", feelings=self._labels("feelings"))]
        if heavy := self.heavy_line():
            lines.append(heavy)
        if entry.intensity is not None and entry.intensity >= HEAVY:
            lines.append(self.text("situation", "heavy"))
        elif entry.intensity is not None and entry.intensity >= MODERATE:
            lines.append(self.text("situation", "moderate"))
        for trigger in entry.triggers:
            line = self._trigger_line(trigger)
            if line not in lines:
                lines.append(line)
        lines += [sentence_start(paragraph) for paragraph in paragraphs(entry.share)]
        return lines

    def impact(self) -> list[str]:
        if not self.entry.impact:
            return [self.text("impact", "none")]
        return [self.text("impact", "chosen", impact=self._labels("impact"))]

    def need(self) -> list[str]:
        lines = []
        if self.entry.desired_change:
            lines.append(self.text("need", "hope", text=one_line(self.entry.desired_change)))
        lines += [self.content.option("support", kind, "need") for kind in self.entry.support]
        if not lines:
            lines.append(self.text("need", "unsure"))
        lines.append(self.audience_text("frame"))
        return lines

    def asks(self) -> list[str]:
        if self.entry.asks:
            return [sentence_start(part) for ask in self.entry.asks for part in paragraphs(ask)]
        return suggested_asks(self.entry.support, self.content)[:MAX_SUGGESTED_ASKS]

    def boundaries(self) -> list[str]:
        return [
            self.text("boundaries", "main_lines"),
            self.text("boundaries", "decline"),
            self.audience_text("boundary"),
        ]

    def follow_up(self) -> list[str]:
        return [self.audience_text("follow_up"), self.text("follow_up", "agreements")]

    def tips(self) -> list[str]:
        keys = ["moment", "bring", "smallest_step", "you_decide"]
        keys.append("doctor_secret" if self.audience == "company_doctor" else "health")
        if self.heavy_line():
            keys.append("how_heavy")
        if not self.entry.asks:
            keys.append("examples")
        if self.entry.fear:
            keys.append("fear")
        tips = [self.text("tips", key) for key in keys]
        spoken = [self.entry.share, self.entry.desired_change, *self.entry.asks]
        tips += [finding.tip(self.content) for finding in check(spoken)]
        tips.append(self.text("tips", "afterwards"))
        return tips

    def _trigger_line(self, trigger: str) -> str:
        spec = load("scripts")["triggers"][trigger]
        private = "discreet" in spec and self.audience not in spec.get("named_for", [])
        return self.text("triggers", trigger, "discreet" if private else "say")

    def _labels(self, group: str) -> str:
        keys: Sequence[str] = getattr(self.entry, group)
        labels = [self.content.label(group, key) for key in keys]
        return join_words(labels, self.text("situation", "and"))


def paragraphs(text: str) -> list[str]:
    """The user's text as card lines: one per line they wrote, blank lines dropped,
    control characters made visible (a card is read aloud, not run)."""
    return [line.strip() for line in visible(text).splitlines() if line.strip()]


def one_line(text: str) -> str:
    """The user's text inside a sentence of ours: its lines joined with spaces."""
    return " ".join(visible(text).split())


def sentence_start(text: str) -> str:
    """The user's words as written, but starting with a capital like the lines around them."""
    return text[:1].upper() + text[1:]


def join_words(words: Sequence[str], conjunction: str) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
