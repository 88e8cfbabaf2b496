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
from veerkracht.core.own_words import hope, join_words, own_line, paragraphs

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
        """This person's text for `key`, in the version for what the reflection is about
        where there is one (`asks_misconduct`, `asks_home`, …)."""
        spec = load("scripts")["audiences"][self.audience]
        case = self.cases()[0] if self.cases() else None
        if case and f"{key}_{case}" in spec:
            key = f"{key}_{case}"
        return self.text("audiences", self.audience, key)

    def cases(self) -> list[str]:
        """What the reflection is about (misconduct, conflict, workload, home, health),
        most telling first: the cards for the confidential adviser and the works council
        follow it."""
        cases = load("scripts")["cases"]
        return [
            case for case, triggers in cases.items() if set(triggers) & set(self.entry.triggers)
        ]

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
            key = "opening_heavy"
            if "opening_heavy_plain" in spec and self._says_work_suffers():
                key = "opening_heavy_plain"  # said once: in their own words
            first = self.text("audiences", self.audience, key)
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
        if "caregiving" in triggers and not self._discreet("caregiving"):
            triggers = [t for t in triggers if t != "home"]  # the care is what is at home
        named = [self._trigger_line(t) for t in triggers if not self._discreet(t)]
        discreet = [self._trigger_line(t) for t in triggers if self._discreet(t)]
        private = [t for t in triggers if "discreet" in load("scripts")["triggers"][t]]
        if any(not self._discreet(t) for t in private):
            # Something private is already said in the open: the rest stays private.
            discreet = [line for line in discreet if line != self._private()]
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
        story = [own_line(p, "share", self.content) for p in paragraphs(self.entry.share)]
        if not self.tells_own_story():
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
        spec = load("scripts")["audiences"][self.audience]
        kinds = [k for k in self.entry.support if k in spec.get("support_lines", [k])]
        lines += [
            Line(self.content.option("support", kind, "need"), 0, spare=True) for kind in kinds
        ]
        if not (self.entry.desired_change or self.entry.support or self.pattern_only):
            lines.insert(0, Line(self.text("need", "unsure"), 70))
        return lines

    def asks(self) -> list[Line]:
        own = [own_line(part, "ask", self.content) for ask in self.entry.asks
               for part in paragraphs(ask)]  # fmt: skip
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
        spec = load("scripts")["tips"][self.audience]
        routes = [case for case in self.cases() if f"route_{case}" in spec]
        if "care" in routes:  # one route for what is at home: the care is that
            routes = [case for case in routes if case != "home"]
        tips = [self.text("tips", self.audience, f"route_{case}") for case in routes]
        moment = ("tips", self.audience, "moment") if "moment" in spec else ("tips", "moment")
        tips += [self.text(*moment), self.text("tips", "bring"), self.text("tips", "you_decide")]
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

    def tells_own_story(self) -> bool:
        """The user's own story is also said to the company doctor, whoever it was written
        for: health and sleep are what a doctor needs to hear, under medical secrecy."""
        return self.for_this_audience() or (
            self.audience == "company_doctor" and not self.misconduct
        )

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

    def _says_work_suffers(self) -> bool:
        """Whether the user's own words on this card already say their work suffers."""
        own = " ".join([self.entry.share, self.entry.desired_change, *self.entry.asks])
        return bool(_WORK_SUFFERS.search(own.lower()))

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


_WORK_SUFFERS = re.compile(r"\beronder\b|\blijdt\b|\blijden\b|\bsuffer")
