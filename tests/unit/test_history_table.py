"""The history table on a narrow terminal: words wrap whole, or end in an ellipsis."""

from __future__ import annotations

from veerkracht.content import Content


def test_the_history_table_wraps_between_words_never_inside_one() -> None:
    import io
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from rich.console import Console

    from veerkracht.core.model import parse_answers
    from veerkracht.core.patterns import summarize
    from veerkracht.render.history import _print_history

    moment = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    answers = {"feelings": ["overstimulated", "frustrated", "insecure", "anxious"],
               "triggers": ["unclear_expectations", "responsibility_without_support"]}  # fmt: skip
    entry = parse_answers(answers, now=moment)
    entry.id = "1"
    out = io.StringIO()
    content = Content("nl")
    console = Console(file=out, width=44, color_system=None)
    _print_history(console, [entry], summarize([entry], moment.date()), content, None)
    words = {word.strip(",") for key in answers["feelings"] for word in
             content.label("feelings", key).split()}  # fmt: skip
    tokens = out.getvalue().replace(",", " ").split()
    for token in tokens:
        cut = [
            word for word in words if word != token and word.startswith(token) and len(token) > 2
        ]
        assert not cut or token.endswith("…"), f"'{token}' is a cut-off '{cut[0]}'"
