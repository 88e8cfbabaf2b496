"""The safety plan as one printable page: plain text or Markdown. What the user wrote is
data: control characters are dropped, and in Markdown what would change its meaning is
escaped (see core/textsafe.py). The numbers that are the same for everyone come from
content; part 5 shows them whatever the user wrote."""

from __future__ import annotations

import textwrap

from veerkracht.content import Content
from veerkracht.core.safety_plan import PARTS, PROFESSIONAL_FIELDS, SafetyPlan, items
from veerkracht.core.textsafe import for_markdown, visible, without_controls

#: A printed page: lines wrap to this width.
WIDTH = 78


def _said(text: str) -> list[str]:
    return items(visible(without_controls(text)))


def _words(content: Content, *path: str, **params: str) -> str:
    return content.text("safetyplan", *path, **params)


def safety_text(plan: SafetyPlan, content: Content) -> str:
    """The plan as plain text, wrapped for one printed page."""
    title = _words(content, "ui", "title")
    lines = [title.upper(), _updated(plan, content), ""]
    lines += _wrapped(_words(content, "ui", "intro").replace("\n", " "), "")
    for part in PARTS:
        lines += ["", _words(content, "parts", part, "title")]
        if part == "professionals":
            for key in PROFESSIONAL_FIELDS:
                named = " · ".join(_said(getattr(plan, key)))
                empty = _words(content, "ui", "not_filled")
                label = _words(content, "professionals", f"short_{key}")
                lines += _wrapped(f"{label}: {named or empty}", "   ", "     ")
            for fixed in _words(content, "professionals", "fixed").splitlines():
                lines += _wrapped(fixed, "   ", "     ")
            continue
        said = _said(getattr(plan, part))
        if not said:
            lines.append(f"   {_words(content, 'ui', 'empty')}")
        for item in said:
            lines += _wrapped(item, " - ", "   ")
    lines += ["", *_wrapped(_words(content, "ui", "end"), "")]
    return "\n".join(lines) + "\n"


def safety_markdown(plan: SafetyPlan, content: Content) -> str:
    """The plan as Markdown, one page."""
    lines = [f"# {_words(content, 'ui', 'title')}", "", f"*{_updated(plan, content)}*", ""]
    lines += [_words(content, "ui", "intro").replace("\n", " ")]
    for part in PARTS:
        lines += ["", f"## {_words(content, 'parts', part, 'title')}", ""]
        if part == "professionals":
            for key in PROFESSIONAL_FIELDS:
                named = " · ".join(for_markdown(item) for item in _said(getattr(plan, key)))
                empty = _words(content, "ui", "not_filled")
                label = _words(content, "professionals", f"short_{key}")
                lines.append(f"- **{label}**: {named or empty}")
            fixed = _words(content, "professionals", "fixed")
            lines += [f"- {line}" for line in fixed.splitlines()]
            continue
        said = _said(getattr(plan, part))
        lines += [f"- {for_markdown(item)}" for item in said] or [_words(content, "ui", "empty")]
    lines += ["", f"*{_words(content, 'ui', 'end')}*"]
    return "\n".join(lines) + "\n"


def _updated(plan: SafetyPlan, content: Content) -> str:
    return _words(content, "ui", "updated", date=plan.created.date().isoformat())


def _wrapped(text: str, first: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
