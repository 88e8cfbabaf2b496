"""The language check: find sentences that tend to derail a support conversation (blame,
judgements posing as feelings, demands and ultimatums, generalisations, labels), each
named once, with a calmer way to say it in observation – feeling – need – request form.

Rules are data (content/language.toml), matched on sentences made plain; no model, no
network. The user's own answers (how they feel, what they need and ask) fill in the
example where they can."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from veerkracht.content import Content, load
from veerkracht.core.plaintext import plain

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_MACRO = re.compile(r"\{(\w+)\}")
#: The kinds, by stable key (`prepare --format json`'s `check`); the first five were the
#: first version's and keep their meaning.
CHECKS = (
    "blame", "thought_as_feeling", "demand", "generalisation", "label",
    "mind_reading", "ultimatum", "sarcasm", "minimising", "you_statement",
)  # fmt: skip


@dataclass(frozen=True)
class Rewording:
    """What the user's own answers lend a calmer example (None: a placeholder)."""

    feeling: str | None = None
    need: str | None = None
    request: str | None = None


@dataclass(frozen=True)
class Finding:
    """One sentence and what the check noticed in it."""

    sentence: str
    check: str
    plain: str

    def suggestion(self, content: Content, words: Rewording | None = None) -> str:
        """A calmer way to say it, filled in from the user's answers where possible."""
        return _suggestion(self, content, words or Rewording())

    def tip(self, content: Content, words: Rewording | None = None) -> str:
        """For the card's tips: the sentence, why it may derail, and the calmer way."""
        explain = content.text("language", "checks", self.check, "explain")
        example = content.text("language", "ui", "example")
        return f"‘{self.sentence}’ {explain} {example}: ‘{self.suggestion(content, words)}’"

    def to_json(self, content: Content, words: Rewording | None = None) -> dict[str, str]:
        """The `language` array of `prepare --format json`."""
        return {
            "sentence": self.sentence,
            "check": self.check,
            "suggestion": self.suggestion(content, words),
        }


def sentences(text: str) -> list[str]:
    """`text` split into sentences, each trimmed."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def check(texts: Iterable[str]) -> list[Finding]:
    """Every finding in `texts`, in order; a sentence is named once, for the first check
    (in the content's order) that fits it."""
    rules = _rules()
    findings = []
    for text in texts:
        for sentence in sentences(text):
            flat = _with_names_marked(sentence)
            if rules.quiet.search(flat):
                continue
            for name, (patterns, unless) in rules.checks.items():
                if patterns.search(flat) and not (unless and unless.search(flat)):
                    findings.append(Finding(sentence, name, flat))
                    break
    return findings


#: Capitalised words that are not names of colleagues (Dutch and English).
_NOT_NAMES = frozenset(
    """ik je jij u we wij ze zij hij het de een dit dat die deze er mijn onze jouw hun zo toen
    omdat sinds als wat wie waarom hoe nu dan maar en of ook wel nee ja eerlijk gezegd sorry
    bij op in met voor na door over vanaf elke iedere alle niemand iedereen iemand
    i you he she we they it this that there my our your their the a an what why how when if
    every each all nobody everyone everybody someone let lets honestly so and but or yes no
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday
    thursday friday saturday sunday januari februari maart april mei juni juli augustus
    september oktober november december january february march june july august october
    dear beste hoi hallo hi hey""".split()
)
#: What follows a name at the start of a sentence (so "Ingrid is…" reads as a name).
_NAME_VERBS = frozenset(
    "is was heeft had doet deed zegt zei blijft has does did says said keeps".split()
)
_WORD = re.compile(r"[\w’'-]+")


def _with_names_marked(sentence: str) -> str:
    """The sentence made plain, each colleague's name written `xnaam`: a capitalised word
    that is not a function word (at the start only when a verb follows), so that rules
    can treat ‘Ruud is een narcist’ like ‘hij is een narcist’."""
    tokens = _WORD.findall(sentence)
    names = set()
    for index, token in enumerate(tokens):
        word = re.split(r"[’']", token)[0]
        if not word[:1].isupper() or (word.isupper() and len(word) <= 4):
            continue
        lower = plain(word)
        if lower in _NOT_NAMES or not lower:
            continue
        following = plain(tokens[index + 1]) if index + 1 < len(tokens) else ""
        if index == 0 and following not in _NAME_VERBS and lower not in _first_names():
            continue
        names.add(lower)
    spelling = _spelling()
    flat = " ".join(spelling.get(word, word) for word in plain(sentence).split())
    for name in sorted(names, key=len, reverse=True):
        flat = re.sub(rf"\b{re.escape(name)}\b", "xnaam", flat)
    return flat


@cache
def _spelling() -> dict[str, str]:
    """How the words the rules lean on get typed in a hurry, to the word itself."""
    data = load("language")["spelling"]
    words: list[str] = data["words"].split()
    typed: dict[str, str] = data["typed"]
    typos = {typo: word for word in words for typo in _typos(word) if typo not in words}
    return typos | typed


def _typos(word: str) -> set[str]:
    """`word` with one letter after the first dropped, doubled or swapped with the next,
    or ij as y or i (dropping the first letter makes real words: niemand → iemand)."""
    typos = {word.replace("ij", "y"), word.replace("ij", "i")} if "ij" in word else set()
    for at in range(len(word)):
        typos |= {word[:at] + word[at + 1 :]} if at else set()
        typos.add(word[:at] + word[at] + word[at:])
        typos.add(word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :])
    return typos - {word}


@cache
def _first_names() -> frozenset[str]:
    return frozenset(load("language")["names"]["first"].split())


@dataclass(frozen=True)
class _Rules:
    quiet: re.Pattern[str]
    checks: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]


@cache
def _rules() -> _Rules:
    data = load("language")
    words = data["words"]

    def expand(pattern: str) -> str:
        # Building blocks may use each other, so fill in until nothing is left.
        while _MACRO.search(pattern):
            pattern = _MACRO.sub(lambda match: words[match.group(1)], pattern)
        return pattern

    def one(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{expand(p)})" for p in patterns))

    checks = {
        name: (one(spec["patterns"]), one(spec["unless"]) if spec.get("unless") else None)
        for name, spec in data["checks"].items()
    }
    return _Rules(one(data["quiet"]["patterns"]), checks)


# -- the calmer way ---------------------------------------------------------------------

_YOU_MUST_NL = re.compile(r"^(je|jij|jullie|u) (?:moet|moeten) (.+) (\w+en)$", re.IGNORECASE)
_YOU_MUST_EN = re.compile(
    r"^(?:you (?:must|have to|need to|should|'ve got to|gotta|better)|"
    r"i (?:want|need|expect) you to) (.+)$",
    re.IGNORECASE,
)
#: Words that make a demand sound harder and a question sound odd.
_FILLERS = re.compile(
    r"\b(?:gewoon|nou|maar|nu eindelijk eens|nu eindelijk|eindelijk|ook eens|nu eens|eens|"
    r"toch|even|ooit)\b\s*",
    re.IGNORECASE,
)
#: What a sarcastic opening says before the point (‘nou fijn hoor, …’).
_SARCASTIC_OPENING = re.compile(
    r"^(?:(?:nou|o|oh|goh|ja|jee|tjonge|jeetje|wow|well|yeah)[ ,]+)?(?:wat |hoe |so |just |how )?"
    r"(?:fijn|top|geweldig|heerlijk|lekker|leuk|prachtig|super|mooi|perfect|briljant|gezellig|"
    r"great|brilliant|fantastic|wonderful|lovely|awesome|nice|perfect)"
    r"(?:[ ,]+(?:hoor|zeg|dan|is dat|just great))*[ ,]+(?:dat |that )?",
    re.IGNORECASE,
)
#: What a minimising sentence says after its ‘but’ (‘het stelt niks voor, maar …’).
_AFTER_BUT = re.compile(r"\b(?:maar|but)\b[ ,]*(?:eh |wel )?(.+)$", re.IGNORECASE)
#: What a minimising sentence says before its ‘but’.
_SMALL = re.compile(
    r"\b(?:niks|niets|weinig|kleinigheid|belangrijk|zeur|zeuren|klagen|moeilijk|nothing|silly|"
    r"fuss|whine|moan|complain|big deal|bother)\b",
    re.IGNORECASE,
)


def _suggestion(finding: Finding, content: Content, words: Rewording) -> str:
    fill = {key: content.text("language", "fill", key) for key in load("language")["fill"]}
    spec = ("checks", finding.check)
    if finding.check == "demand" and (asked := _as_question(finding.sentence)):
        return asked
    observation = _observation(finding.plain, content) or fill["observation"]
    if finding.check == "sarcasm":
        observation = _after_sarcasm(finding.sentence) or observation
    if finding.check == "minimising":
        point = _point(finding.sentence)
        if not point:
            return str(content.text("language", *spec, "plain"))
        observation = point
    return str(content.text(
        "language", *spec, "example",
        observation=observation,
        feeling=words.feeling or fill["feeling"],
        need=words.need or fill["need"],
        request=words.request or fill["request"],
        moment=fill["moment"],
    ))  # fmt: skip


def _bare(sentence: str) -> str:
    return sentence.strip().rstrip(".!?…").strip()


def _after_sarcasm(sentence: str) -> str | None:
    """What a sarcastic sentence is about, in the user's words (‘nou fijn hoor dat ik weer
    alles mag opknappen’ → ‘ik weer alles mag opknappen’), when it opens the usual way."""
    bare = _bare(sentence)
    match = _SARCASTIC_OPENING.match(bare)
    rest = bare[match.end() :].strip(" ,") if match else ""
    return rest if match and match.group().lower().rstrip().endswith(("dat", "that")) else None


def _point(sentence: str) -> str | None:
    """What a minimising sentence wants to say, in the user's words: the part after its
    ‘but’ (‘het stelt niks voor maar ik slaap slecht’ → ‘ik slaap slecht’)."""
    match = _AFTER_BUT.search(_bare(sentence))
    if not match or not _SMALL.search(sentence[: match.start()]):
        return None
    point = match.group(1).strip()
    return point[:1].lower() + point[1:] if not point.startswith(("I ", "I'")) else point


def _as_question(sentence: str) -> str | None:
    """A demand turned into a question that leaves room for ‘no’, in its own language,
    where its shape allows: ‘Je moet mijn werk overnemen.’ → ‘Zou je mijn werk willen
    overnemen?’"""
    bare = _bare(sentence)
    if match := _YOU_MUST_NL.match(bare):
        who, middle, verb = match.groups()
        asked = {"jij": "Zou je", "je": "Zou je", "u": "Zou u", "jullie": "Zouden jullie"}
        middle = _FILLERS.sub("", middle).strip() or "dit"
        return f"{asked[who.lower()]} {middle} willen {verb}?"
    if match := _YOU_MUST_EN.match(bare):
        return f"Could you {match.group(1)}?"
    return None


def _observation(flat: str, content: Content) -> str | None:
    for key, spec in load("language")["observations"].items():
        if re.search(rf"\b(?:{spec['find']})", flat):
            return str(content.text("language", "observations", key, "says"))
    return None
