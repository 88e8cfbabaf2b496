"""What a user typed is text, never markup or terminal commands: their words shown
literally, wherever they go out.

- `visible`: for a terminal (and a screen): control characters are made visible (ESC
  becomes ␛), invisible direction overrides dropped; newlines and tabs stay.
- `for_markdown`: the same, with the characters that would change the meaning of
  Markdown escaped, so `[samen]` and `*` read as written.
- `json_escaped`: JSON as written by `json` or `orjson`, with what those let through raw
  (DEL, C1 controls such as U+009B, direction overrides, invisible marks) written as
  `\\uXXXX` escapes, as ESC and BEL already are: the data reads back the same, and a
  terminal or a reader shown the file never obeys them.
Rich markup is never parsed from user text: callers print `rich.text.Text`, or
widgets with markup off."""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Invisible characters that reorder or hide text (bidi overrides, zero-width joiners).
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: Characters with a meaning in Markdown (CommonMark's escapable punctuation we meet).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#~!{}])")


#: What JSON writers pass raw that a terminal would obey or a reader would not see: DEL and
#: C1 controls, zero-width marks, line and paragraph separators, direction embeddings and
#: overrides, invisible operators and isolates, the byte order mark.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
#: The same characters, as UTF-8 bytes.
_JSON_UNSAFE_UTF8 = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0-\xa9]|\xef\xbb\xbf"
)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    """`text` safe to print: control characters shown as symbols, nothing hidden."""
    return _INVISIBLE.sub("", _CONTROL.sub(_picture, text))


def without_controls(text: str) -> str:
    """Pasted text as it goes into a field: control characters dropped (they are not
    words), newlines and tabs kept."""
    return _INVISIBLE.sub("", _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def json_escaped(text: str) -> str:
    """JSON text with the characters a terminal would obey written as `\\uXXXX` escapes
    (they only ever occur inside strings, so the JSON means the same)."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def json_escaped_bytes(data: bytes) -> bytes:
    """`json_escaped` for UTF-8 JSON bytes (as orjson writes them), without decoding."""
    return _JSON_UNSAFE_UTF8.sub(
        lambda match: f"\\u{ord(match.group().decode()):04x}".encode(), data
    )


def for_markdown(text: str) -> str:
    """`text` inside a Markdown document, reading exactly as written."""
    return _MARKDOWN.sub(r"\\\1", visible(text))


#: Escape sequences a terminal sends for keys (arrows, Home, F-keys) and none of the text.
_KEY_SEQUENCES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?")


def typed_line(line: str) -> str:
    """A line read from the keyboard as words: the sequences of arrow and function keys
    (a terminal without line editing passes them on) and other controls dropped."""
    return without_controls(_KEY_SEQUENCES.sub("", line.rstrip("\r\n")))
