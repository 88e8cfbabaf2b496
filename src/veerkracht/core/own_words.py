"""The user's words said as whole sentences on a card.

Answers are pasted in as they were typed: "minder tegelijk op mijn bord", "dat ik slecht
slaap", "That work suffers." A card line is said aloud, so each becomes a whole sentence
with the user's words kept: a sentence of their own stays as it is, a `dat`-clause gets
the start it completes, and a fragment is framed ("Wat me zou helpen: …"). Unsure means
framed: a frame with a colon fits a whole sentence too, a bare fragment never."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veerkracht.content import Content
from veerkracht.core.textsafe import visible

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
