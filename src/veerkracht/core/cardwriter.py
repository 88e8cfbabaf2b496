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


# -- sentences from the user's words -----------------------------------------------------
# Answers are pasted in as they were typed: "minder tegelijk op mijn bord", "dat ik slecht
# slaap", "That work suffers." A card line is said aloud, so each becomes a whole sentence
# with the user's words kept: a sentence of their own stays as it is, a `dat`-clause gets
# the start it completes, and a fragment is framed ("Wat me zou helpen: …"). Unsure means
# framed: a frame with a colon fits a whole sentence too, a bare fragment never.

_WORD = re.compile(r"[\w'’-]+")
#: Who does something, at the start of a clause.
_PRONOUNS = {
    "nl": {"ik", "je", "jij", "we", "wij", "ze", "zij", "hij", "u", "men", "jullie"},
    "en": {"i", "we", "you", "he", "she", "they", "it", "there"},
}
#: Finite verbs people use about work and how they are: found anywhere, they make a clause.
_FINITE = {
    "nl": set(
        "ben bent is was waren heb hebt heeft hebben had hadden kan kun kunt kunnen kon "
        "konden wil wilt willen wou wilde zal zult zullen zou zouden moet moeten moest mag "
        "mogen mocht word wordt worden werd werden ga gaat gaan ging gingen kom komt komen "
        "kwam doe doet doen deed zie ziet zag weet wist denk denkt dacht vind vindt vond voel "
        "voelt voelde merk merkt merkte slaapt sliep ligt lag staat stond zit zat blijf blijft "
        "bleef loopt liep werkt werkte lijdt leed speelt speelde kost kostte woont woonde "
        "zorgt hoopt lukt lukte gebeurt gebeurde helpt hielp maakt maakte krijg krijgt kreeg "
        "mist valt viel piekert houdt hield redt trekt neemt nam vraagt vroeg snap snapt "
        "begrijp begrijpt durf durft weegt drukt stapelt groeit".split()
    ),
    "en": set(
        "am is are was were have has had can could will would shall should must do does did "
        "need needs feel feels get gets keep keeps take takes work works make makes seem "
        "seems go goes come comes help helps hurt hurts cost costs matter matters happen "
        "happens suffer suffers sleep sleeps want wants know knows think thinks".split()
    ),
}
#: After ik/we/je…, these say the sentence goes on as a main clause ("ik zit er even
#: doorheen"), not as the rest of "Ik hoop dat …" ("ik een tijdje minder kan werken").
_AFTER_PRONOUN_NL = _FINITE["nl"] | set(
    "zijn werk slaap zorg hoop loop lig sta val mis hou houd pieker draai neem vraag red "
    "trek weeg zit voel merk kom ga doe denk vind wil kan moet mag zou heb ben".split()
)
#: "I need …", "I'd like …": a wish said as it is, not after "I hope that".
_WANTS_EN = {"need", "want", "would", "wish", "am", "'m", "’m", "'d", "’d", "like", "hope"}
#: Words that open a clause ending in its verb (a subordinate clause).
_THAT = {"nl": ("dat ",), "en": ("that ",)}
#: A noun's first word: with the verb right after the noun, a main clause ("mijn werk lijdt
#: eronder"); with the verb at the end, the rest of a `dat` ("het thuis zwaar is").
_DETERMINERS_NL = {"de", "het", "een", "mijn", "m'n", "onze", "ons", "dit", "deze", "die"}


def shape(text: str, language: str) -> str:
    """How the user's words stand: `question`, `clause` (a sentence of its own),
    `subordinate` (completes "Ik hoop dat …"/"… is dat …") or `fragment`."""
    words = one_line(text).rstrip(" .!;:")
    if words.endswith("?"):
        return "question"
    lower = words.lower()
    if lower.startswith(_THAT.get(language, ())):
        return "subordinate"
    tokens = _WORD.findall(lower)
    if not tokens:
        return "fragment"
    finite = _FINITE.get(language, set())
    pronouns = _PRONOUNS.get(language, set())
    if language != "nl":
        if tokens[0] in pronouns and len(tokens) > 1:
            return "clause"
        return "clause" if any(token in finite for token in tokens) else "fragment"
    if tokens[0] in pronouns:
        if len(tokens) == 1:
            return "fragment"
        return "clause" if tokens[1] in _AFTER_PRONOUN_NL else "subordinate"
    # "Sinds de reorganisatie slaap ik slecht": a verb before its subject is a main clause.
    for here, token in enumerate(tokens[1:-1], start=1):
        if tokens[here + 1] in pronouns and token in _AFTER_PRONOUN_NL:
            return "clause"
    place = next((i for i, token in enumerate(tokens) if token in finite), None)
    if place is None:
        return "fragment"
    last = place == len(tokens) - 1
    if place <= 1 and not (last and place == 1 and tokens[0] in _DETERMINERS_NL):
        return "clause"
    if place == 2 and tokens[0] in _DETERMINERS_NL and not last:
        return "clause"
    return "subordinate"


def own_line(text: str, role: str, content: Content) -> str:
    """The user's words for `role` (`share`, `hope`, `ask`) as a whole spoken sentence.

    A sentence or question of their own stays theirs (‘Ik werk al weken door.’); a clause
    that completes a start gets it (‘Ik hoop dat we samen kijken wat er kan.’, ‘Wat ik wil
    vertellen, is dat ik slecht slaap.’); a fragment is framed (‘Wat me zou helpen:
    minder tegelijk op mijn bord.’). Never ‘Wat ik hoop: Ik…’."""
    words = one_line(text).rstrip(" .!;:")
    lower = words.lower()
    if role == "hope" and lower.startswith(("ik hoop", "hopelijk", "i hope", "hopefully")):
        return sentence(words)
    form = shape(words, content.language)
    tokens = _WORD.findall(lower)
    # "we look together at …", "I can work fewer hours": the rest of the field's
    # "I hope that …" (English keeps its word order); "I need …" is said as it is.
    english_hope = role == "hope" and content.language == "en" and form == "clause"
    if english_hope and tokens[0] in _PRONOUNS["en"] and tokens[1] not in _WANTS_EN:
        form = "subordinate"
    if form in ("question", "clause"):
        return sentence(words)
    if form == "subordinate":
        for lead in _THAT.get(content.language, ()):
            if lower.startswith(lead):
                words = words[len(lead) :]
        key = "share_that" if role == "share" else "hope"
        return str(content.text("scripts", "own", key, text=_inside(words)))
    return str(content.text("scripts", "own", f"{role}_fragment", text=_inside(words)))


def _inside(words: str) -> str:
    """The user's words inside a sentence of ours: no capital of their own at the start
    (‘Minder’ → ‘minder’), unless it is ‘I’ or a word in capitals (‘HR’, ‘OR’)."""
    first = _WORD.match(words)
    if first and first.group() != "I" and not first.group()[1:2].isupper():
        return words[:1].lower() + words[1:]
    return words


def hope(text: str, content: Content) -> str:
    """What the user hopes for, as a whole sentence (see `own_line`)."""
    return own_line(text, "hope", content)


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
