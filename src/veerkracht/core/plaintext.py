"""Sentences made plain for matching: lower case, accents and punctuation gone (a
question keeps its `?`), apostrophes straight, chat spelling expanded, one space between
words. Shared by the help notice, the language check and history search (`fold`)."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NOT_A_WORD = re.compile(r"[^\w'?.!\n]+")
_SENTENCE_END = re.compile(r"[.!\n…]+|(?<=\?)")
#: How words get typed in a hurry, to the form patterns are written in.
_SHORTHAND = {
    "nie": "niet", "mn": "mijn", "m'n": "mijn", "k": "ik", "'k": "ik", "t": "het",
    "'t": "het", "dont": "don't", "cant": "can't", "wont": "won't", "wouldnt": "wouldn't",
    "didnt": "didn't", "isnt": "isn't", "im": "i'm", "ive": "i've", "whats": "what's",
    "theres": "there's", "doesnt": "doesn't", "id": "i'd", "ill": "i'll",
    "youre": "you are", "you're": "you are", "you've": "you have", "youve": "you have",
    "you'll": "you will", "hes": "he's", "shes": "she's", "theyre": "they are",
    "they're": "they are",
}  # fmt: skip


def fold(text: str) -> str:
    """`text` in lower case, its accents gone and its apostrophes straight: the form in
    which `Één` and `een` are the same word. Only the runs of non-ASCII characters are
    looked at one by one (history search folds every reflection)."""
    lowered = text.lower().replace("`", "'")
    return lowered if lowered.isascii() else _NON_ASCII.sub(_bare, lowered)


def _bare(run: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFKD", run.group().translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def plain(sentence: str) -> str:
    """One sentence, plain (see the module); a question ends in ` ?`."""
    bare = fold(sentence)
    question = bare.rstrip().endswith("?")
    words = _NOT_A_WORD.sub(" ", bare).replace("?", " ").replace(".", " ").replace("!", " ")
    text = " ".join(_SHORTHAND.get(word, word) for word in words.split())
    return f"{text} ?" if question else text


def plain_sentences(text: str) -> list[str]:
    """`text` as plain sentences (split on . ! ? and new lines)."""
    return [p for part in _SENTENCE_END.split(text) if part.strip() and (p := plain(part))]
