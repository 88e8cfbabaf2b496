"""Writes a card's lines for one reflection and one person, from content/scripts.toml.

Each person gets what they can act on: a manager workload and priorities (or, after
misconduct, safety and what happens next), a colleague small and mutual asks, HR the
arrangements, the confidential adviser confidentiality and options, the works council
the pattern and no personal details, the company doctor what you can and cannot do.

Every line is offered with a priority; the card keeps the most important ones on (see
`scripts.build_script`) and the rest wait in the editor, switched off."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from veerkracht.content import Content, load
from veerkracht.core.language import Rewording, check
from veerkracht.core.model import Entry
from veerkracht.core.textsafe import visible

HEAVY, MODERATE = 7, 4
#: Said to the works council: the pattern, not the person.
PATTERN_AUDIENCE = "works_council"


@dataclass(frozen=True)
class Line:
    """A line the card offers: on unless it is spare, and then by priority."""

    text: str
    priority: int
    spare: bool = False


class CardWriter:
    """The lines of each section of one card."""

    def __init__(self, entry: Entry, content: Content, audience: str) -> None:
        self.entry = entry
        self.content = content
        self.audience = audience
        self.misconduct = "misconduct" in entry.triggers
        self.pattern_only = audience == PATTERN_AUDIENCE
        self.findings = check(self.spoken_by_user())
        self.used_suggestions = False

    # -- words ----------------------------------------------------------------------

    def text(self, *path: str, **params: Any) -> Any:
        return self.content.text("scripts", *path, **params)

    def for_audience(self, key: str) -> Any:
        """This person's text for `key`, the misconduct version where there is one."""
        spec = load("scripts")["audiences"][self.audience]
        if self.misconduct and f"{key}_misconduct" in spec:
            key = f"{key}_misconduct"
        return self.text("audiences", self.audience, key)

    def spoken_by_user(self) -> list[str]:
        """The user's own words that go on the card (checked by the language check)."""
        entry = self.entry
        return [entry.share, entry.desired_change, *entry.asks]

    # -- sections -------------------------------------------------------------------------

    def opening(self) -> list[Line]:
        spec = load("scripts")["audiences"][self.audience]
        lines = list(self.text("audiences", self.audience, "opening"))
        first = None
        if self.misconduct and "opening_misconduct" in spec:
            first = self.for_audience("opening")
        elif self.heavy() and "opening_heavy" in spec:
            first = self.text("audiences", self.audience, "opening_heavy")
        if first is not None:
            lines = [first, *lines]
        return [Line(lines[0], 100), *(Line(line, 0, spare=True) for line in lines[1:])]

    def situation(self) -> list[Line]:
        if self.pattern_only:
            patterns = dict.fromkeys(filter(None, map(self._pattern, self.entry.triggers)))
            return [
                Line(self.text("situation", "pattern"), 95),
                *(Line(p, 62 - 10 * i) for i, p in enumerate(patterns)),
                *self._own_story(),
            ]
        lines = self._feelings()
        if heavy := self.heavy_line():
            lines.append(Line(heavy, 94))
        story = self._own_story()
        return lines + self._triggers(story_told=any(not line.spare for line in story)) + story

    def _triggers(self, story_told: bool) -> list[Line]:
        """What is going on, said openly first; the private rest said discreetly (as
        ‘also something private’ after an open line), and switched off when the user's
        own story already says what they want to say."""
        triggers = self.entry.triggers
        named = [self._trigger_line(t) for t in triggers if not self._discreet(t)]
        discreet = [self._trigger_line(t) for t in triggers if self._discreet(t)]
        if named:
            also = self.text("situation", "discreet_also")
            discreet = [also if line == self._private() else line for line in discreet]
        first = 90 if self.misconduct else 60
        return [
            Line(line, first - 12 * i, spare=story_told and line in discreet)
            for i, line in enumerate(dict.fromkeys([*named, *discreet]))
        ]

    def _own_story(self) -> list[Line]:
        """The user's `share`, a line per paragraph: said to the person it was written
        for, waiting in the editor for anyone else."""
        story = [sentence(p) for p in paragraphs(self.entry.share)]
        if not self.for_this_audience():
            return [Line(line, 0, spare=True) for line in story]
        return [Line(line, 85 if i == 0 else 45 - i) for i, line in enumerate(story)]

    def impact(self) -> list[Line]:
        if self.pattern_only:
            return [Line(self.text("impact", "pattern"), 80)]
        if not self.entry.impact:
            return [Line(self.text("impact", "none"), 80)]
        said = [self.content.option("impact", key, "say") for key in self.entry.impact]
        return [Line(self.text("impact", "chosen", impact=self._join(said)), 80)]

    def need(self) -> list[Line]:
        lines = []
        if self.entry.desired_change and not self.pattern_only:
            lines.append(Line(hope(self.entry.desired_change, self.content), 88))
        lines.append(Line(self.for_audience("need"), 92))
        # What each kind of support needs is said by its ask; here it waits, spare.
        lines += [
            Line(self.content.option("support", kind, "need"), 0, spare=True)
            for kind in self.entry.support
        ]
        if not (self.entry.desired_change or self.entry.support or self.pattern_only):
            lines.insert(0, Line(self.text("need", "unsure"), 70))
        return lines

    def asks(self) -> list[Line]:
        own = [sentence(part) for ask in self.entry.asks for part in paragraphs(ask)]
        if own and self.for_this_audience():
            return [Line(ask, (87, 75, 65)[i] if i < 3 else 42 - i) for i, ask in enumerate(own)]
        self.used_suggestions = True
        suggestions = self._suggested_asks()
        lines = [
            Line(ask, (86, 70)[i] if i < 2 else 0, spare=i >= 2)
            for i, ask in enumerate(suggestions)
        ]
        return lines + [Line(ask, 0, spare=True) for ask in own]

    def boundaries(self) -> list[Line]:
        return [
            Line(self.for_audience("boundary"), 91),
            Line(self.text("boundaries", "decline"), 0, spare=True),
        ]

    def follow_up(self) -> list[Line]:
        return [Line(self.for_audience("follow_up"), 89)]

    def tips(self, spare_lines: bool) -> list[str]:
        tips = [self.text("tips", key) for key in ("moment", "bring", "you_decide")]
        spec = load("scripts")["tips"][self.audience]
        general = "misconduct" if self.misconduct and "misconduct" in spec else "always"
        tips += self.text("tips", self.audience, general)
        if "caregiving" in self.entry.triggers and "caregiving" in spec:
            tips += self.text("tips", self.audience, "caregiving")
        if (self.heavy() or self.entry.help_notice) and "heavy" in spec:
            tips += self.text("tips", self.audience, "heavy")
        if self.heavy_line():
            tips.append(self.text("tips", "how_heavy"))
        if "judgement" in self.entry.barriers or "unsafe_culture" in self.entry.barriers:
            tips.append(self.text("tips", "not_alone"))
        if self.used_suggestions:
            tips.append(self.text("tips", "examples"))
        if spare_lines:
            tips.append(self.text("tips", "spare"))
        if self.entry.fear:
            tips.append(self.text("tips", "fear"))
        tips += [finding.tip(self.content, self.rewording()) for finding in self.findings]
        tips.append(self.text("tips", "afterwards"))
        return tips

    # -- pieces ---------------------------------------------------------------------------

    def for_this_audience(self) -> bool:
        """Whether the user's own story and asks are said here: to the person they wrote
        them for (or anyone, when they chose no one), never to the works council."""
        return not self.pattern_only and self.entry.audience in (None, self.audience)

    def heavy(self) -> bool:
        return self.entry.intensity is not None and self.entry.intensity >= HEAVY

    def heavy_line(self) -> str | None:
        """After the help notice, the company doctor's card says how heavy it is (a line
        the user can switch off); it never quotes what they wrote."""
        if self.entry.help_notice and self.audience == "company_doctor":
            return str(self.text("situation", "how_heavy"))
        return None

    def rewording(self) -> Rewording:
        """The user's own feeling, need and request, for the language check's examples."""
        feelings = [self.content.label("feelings", key) for key in self._adjective_feelings()]
        support = self.entry.support
        return Rewording(
            feeling=feelings[0] if feelings else None,
            need=self.content.option("support", support[0], "need_clause") if support else None,
            request=self.content.option("support", support[0], "request") if support else None,
        )

    def language(self) -> list[dict[str, str]]:
        """The `language` array of `prepare --format json`."""
        return [finding.to_json(self.content, self.rewording()) for finding in self.findings]

    def _feelings(self) -> list[Line]:
        adjectives = [self.content.label("feelings", key) for key in self._adjective_feelings()]
        apart = [key for key in self.entry.feelings if key not in self._adjective_feelings()]
        intensity = self.entry.intensity
        if not adjectives:
            lines = [Line(self.text("situation", "shame_only"), 95)]
            if self.heavy():
                lines.append(Line(self.text("situation", "heavy"), 58))
            return lines
        feelings = self._join(adjectives)
        variant = "feelings"
        if apart:
            line = self.text("situation", "feelings", feelings=feelings).rstrip(".")
            lines = [Line(line + self.text("situation", "shame_after") + ".", 95)]
            if self.heavy():
                lines.append(Line(self.text("situation", "heavy"), 58))
            return lines
        if self.heavy_line():  # says how heavy it is on its own
            variant = "feelings"
        elif intensity is not None and intensity >= HEAVY:
            variant = "feelings_heavy"
        elif intensity is not None and intensity >= MODERATE:
            variant = "feelings_moderate"
        return [Line(self.text("situation", variant, feelings=feelings), 95)]

    def _adjective_feelings(self) -> list[str]:
        options = load("options")["feelings"]
        return [key for key in self.entry.feelings if not options[key].get("said_apart")]

    def _discreet(self, trigger: str) -> bool:
        spec = load("scripts")["triggers"][trigger]
        return "discreet" in spec and self.audience not in spec.get("named_for", [])

    def _trigger_line(self, trigger: str) -> str:
        return str(self.text("triggers", trigger, "discreet" if self._discreet(trigger) else "say"))

    def _private(self) -> str:
        """The one line every private trigger shares."""
        return str(self.text("triggers", "home", "discreet"))

    def _pattern(self, trigger: str) -> str | None:
        spec = load("scripts")["triggers"][trigger]
        return str(self.text("triggers", trigger, "pattern")) if "pattern" in spec else None

    def _suggested_asks(self) -> list[str]:
        spec = load("scripts")["audiences"][self.audience]
        asks = list(self.for_audience("asks"))
        if "caregiving" in self.entry.triggers and "asks_caregiving" in spec:
            asks.insert(0, self.text("audiences", self.audience, "asks_caregiving"))
        kinds = self._support_for_audience()
        own = [self.content.option("support", kind, "asks")[0] for kind in kinds]
        return list(dict.fromkeys([*own, *asks]))

    def _support_for_audience(self) -> list[str]:
        """The kinds of support the user chose that this person can give: a colleague
        listens and asks how it goes; a manager can also lighten the work. After
        misconduct the audience's own asks (safety, what happens next) come first."""
        spec = load("scripts")["audiences"][self.audience]
        if self.misconduct:
            return []
        return [kind for kind in self.entry.support if kind in spec.get("from_support", [])]

    def _join(self, words: Sequence[str]) -> str:
        return join_words(words, self.text("situation", "and"))


# -- sentences from the user's words -----------------------------------------------------

_SUBJECT_NL = re.compile(
    r"^(?:ik|we|wij|je|jij|jullie|hij|zij|ze|het|er|mijn|onze|de|dit|deze|die|iemand|"
    r"niemand|iedereen|alles|mensen|collega's|mijn|m'n)\b",
    re.IGNORECASE,
)
_SUBJECT_EN = re.compile(
    r"^(?:i|we|you|he|she|they|it|there|my|our|the|this|these|someone|nobody|everyone|"
    r"people|things|work|colleagues)\b",
    re.IGNORECASE,
)


def hope(text: str, content: Content) -> str:
    """What the user hopes for, as a sentence: ‘Ik hoop dat we samen kijken wat er kan.’
    Their words completing ‘Ik hoop dat…’ get that start; a sentence of their own stays
    their own (‘Minder tegelijk op mijn bord.’), never ‘Wat ik hoop: Ik…’."""
    words = one_line(text).rstrip(" .!?;:")
    lower = words.lower()
    if lower.startswith(("ik hoop", "hopelijk", "i hope", "hopefully")):
        return sentence(words)
    for lead in ("dat ", "that "):
        if lower.startswith(lead):
            words, lower = words[len(lead) :], lower[len(lead) :]
    subject = _SUBJECT_NL if content.language == "nl" else _SUBJECT_EN
    if words[:1].islower() and subject.match(words):
        return content.text("scripts", "need", "hope", text=words)
    return sentence(words)


def paragraphs(text: str) -> list[str]:
    """The user's text as card lines: one per line they wrote, blank lines dropped,
    control characters made visible (a card is read aloud, not run)."""
    return [line.strip() for line in visible(text).splitlines() if line.strip()]


def one_line(text: str) -> str:
    """The user's text inside a sentence of ours: its lines joined with spaces."""
    return " ".join(visible(text).split())


def sentence(text: str) -> str:
    """The user's words as a sentence: a capital at the start, and a full stop unless
    it already ends as a sentence (. ? ! or a closing quote after one)."""
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    if not re.search(r"[.?!…][’'\")\]]*$", text):
        text += "."
    return text


def join_words(words: Sequence[str], conjunction: str) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
