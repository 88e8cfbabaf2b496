"""The one-page conversation guide for whoever asks a colleague how it goes: what you
noticed, how to open, listening, your own boundaries, the six manager questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veerkracht.content import Content, load
from veerkracht.core.language import check
from veerkracht.core.own_words import paragraphs
from veerkracht.core.scripts import Section
from veerkracht.core.support_note import SupportNote, manager_tips

GUIDE_SECTIONS = (
    "noticed", "opening", "listening", "needs", "boundaries", "manager", "follow_up",
)  # fmt: skip


@dataclass(frozen=True)
class Guide:
    """The one-page conversation guide, by section."""

    note: SupportNote
    language: str
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    footer: str

    def to_json(self) -> dict[str, Any]:
        return {
            "support": self.note.id,
            "role": self.note.role,
            "lang": self.language,
            "title": self.title,
            "subtitle": self.subtitle,
            "sections": [
                {"key": s.key, "title": s.title, "lines": list(s.lines)} for s in self.sections
            ],
        }


def build_guide(note: SupportNote, content: Content) -> Guide:
    """The guide for `note`. Pure; the name appears only where the user gave one."""

    def say(*path: str, **params: Any) -> str:
        return str(content.text("support", *path, **params))

    noticed = [say("signals", key, "observation") for key in note.signals]
    if note.noticed:
        noticed += paragraphs(note.noticed)
    noticed += [finding.tip(content) for finding in check([note.noticed])]
    opening = [say("opening", "ask"), say("opening", "again"), say("opening", "moment")]
    if note.hybrid:
        opening.append(say("opening", "hybrid"))
    if note.role == "colleague":
        opening.append(say("opening_colleague", "own_weeks"))
    opening += [say("opening", "home"), say("opening", "open_door")]
    kinds = [say("kinds", kind) for kind in load("options")["support"]]
    if note.role == "manager":
        kinds.append(say("needs", "flexible"))
    lines = {
        "noticed": noticed,
        "opening": opening,
        "listening": [say("listening", key) for key in load("support")["listening"]],
        "needs": [say("needs", "ask"), *kinds],
        "boundaries": [say("boundaries", key) for key in load("support")["boundaries"]],
        "manager": _manager_lines(note, content) if note.role == "manager" else [],
        "follow_up": [say("follow_up", key) for key in load("support")["follow_up"]],
    }
    sections = tuple(
        Section(key, say("titles", key), tuple(lines[key])) for key in GUIDE_SECTIONS if lines[key]
    )
    subtitle = (
        say("card", "with_name", person=note.name) if note.name else say("card", "without_name")
    )
    return Guide(
        note, content.language, say("card", "title"), subtitle, sections, say("card", "footer")
    )


def _manager_lines(note: SupportNote, content: Content) -> list[str]:
    lines = []
    for key in manager_tips():
        tip = content.text("support", "manager", key, "tip")
        question = content.text("support", "manager", key, "question")
        answer = note.answers.get(key)
        lines.append(f"{tip} {question}" + (f" → {answer}" if answer else ""))
    return lines
