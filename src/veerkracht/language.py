"""The language check: find sentences that tend to derail a support conversation
(generalisations, blame, thoughts posing as feelings, demands) and suggest a calmer way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from veerkracht.content import LANGUAGES, Content, load

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Finding:
    """One sentence and what the check noticed in it."""

    sentence: str
    check: str

    def tip(self, content: Content) -> str:
        return content.text("language", "checks", self.check, "tip", sentence=self.sentence)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    checks = load("language")["checks"]
    return {
        name: re.compile(
            r"\b(?:"
            + "|".join(p for language in LANGUAGES for p in check["patterns"][language])
            + r")\b",
            re.IGNORECASE,
        )
        for name, check in checks.items()
    }


def sentences(text: str) -> list[str]:
    """`text` split into sentences, each trimmed."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def check(texts: Iterable[str]) -> list[Finding]:
    """Every finding in `texts`, in order; a sentence is named once, for its first check."""
    findings = []
    for text in texts:
        for sentence in sentences(text):
            normalised = sentence.replace("’", "'")
            for name, pattern in _patterns().items():
                if pattern.search(normalised):
                    findings.append(Finding(sentence, name))
                    break
    return findings
