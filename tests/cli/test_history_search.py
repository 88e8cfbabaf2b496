"""`history --search WORDS`: with every format and filter, calm when nothing is found, and
never in what the user wrote about someone else or, in print, their private text."""

from __future__ import annotations

import json

import pytest

from tests.drive import run

ENTRIES = [
    {"feelings": ["tired"], "intensity": 6, "triggers": ["workload"],
     "triggers_note": "Ik slaap slecht sinds de reorganisatie.",
     "created": "2026-10-01T09:00:00+02:00"},
    {"feelings": ["sad"], "intensity": 8, "feelings_note": "Mijn moeder is ziek.",
     "private": "Ik SLÁÁP bijna niet, geheim-woord.", "created": "2026-10-20T09:00:00+02:00"},
    {"feelings": ["angry"], "share": "De werkdruk is te hoog. \u001b[31m [rood]",
     "created": "2026-11-20T09:00:00+01:00"},
]  # fmt: skip
CHECKIN = {"was_hard": "Weer slecht geslapen, slaap is een probleem.", "capacity": 4, "load": 7,
           "created": "2026-11-18T09:00:00+01:00"}  # fmt: skip


@pytest.fixture
def history() -> None:
    for answers in ENTRIES:
        assert run("reflect", "--from", "-", input=json.dumps(answers)).exit_code == 0
    assert run("checkin", "--from", "-", input=json.dumps(CHECKIN)).exit_code == 0


def test_the_table_shows_where_the_words_are_and_names_private_text_only(history: None) -> None:
    result = run("history", "--search", "Slaap")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Gezocht op „Slaap”: 2 reflecties, 1 check-in.")
    assert "   1  wat er speelt: Ik slaap slecht sinds de reorganisatie." in out
    assert "   2  alleen voor jou (alleen te lezen in het overzicht)" in out
    assert "2026-11-18  was lastig: Weer slecht geslapen" in out
    assert "geheim-woord" not in out and "Mijn moeder" not in out


def test_json_keeps_its_shape_with_fewer_entries_and_says_where(history: None) -> None:
    result = run("history", "--search", "slaap", "--since", "2026-10-10", "--format", "json")
    report = json.loads(result.stdout)
    assert [entry["id"] for entry in report["entries"]] == ["2"]
    assert report["patterns"]["count"] == 1
    assert report["search"] == {
        "words": ["slaap"],
        "entries": [{"id": "2", "field": "private", "snippet": None}],
        "checkins": [{"id": "1", "created": "2026-11-18T09:00:00+01:00", "field": "was_hard",
                      "snippet": "Weer slecht geslapen, slaap is een probleem."}],
    }  # fmt: skip
    assert "geheim-woord" not in result.stdout
    assert [w["week"] for w in report["patterns"]["capacity_load"]["by_week"]] == ["2026-W47"]
    both = json.loads(run("history", "--search", "werkdruk rood", "--feeling", "sad",
                          "--format", "json").stdout)  # fmt: skip
    assert both["entries"] == [] and both["search"]["entries"] == []


def test_the_users_words_are_escaped_in_markdown_and_safe_in_the_table(history: None) -> None:
    result = run("--lang", "en", "history", "--search", "[rood]", "--format", "markdown")
    assert "Searched for “[rood]”: 1 reflection." in result.stdout.replace("\\", "")
    assert "- **3** · what you want to tell: De werkdruk is te hoog. ␛\\[31m \\[rood\\]" in (
        result.stdout
    )
    assert "\x1b" not in result.stdout
    table = run("history", "--search", "rood").stdout
    assert "wat je wilt vertellen: De werkdruk is te hoog. ␛[31m [rood]" in table
    assert "\x1b" not in table


def test_nothing_found_is_a_calm_line_not_an_error(history: None) -> None:
    result = run("history", "--search", "vakantie slaap")
    assert result.exit_code == 0
    assert result.stdout.startswith("Niets gevonden voor „vakantie slaap”.")
    assert "Wat terugkomt" not in result.stdout


def test_what_you_wrote_to_support_someone_else_is_never_searched(history: None) -> None:
    note = {"role": "colleague", "name": "S.", "noticed": "Ze lijkt uitgeblust-zeldzaam."}
    assert run("support", "--from", "-", input=json.dumps(note)).exit_code == 0
    result = run("history", "--search", "uitgeblust-zeldzaam", "--format", "json")
    assert json.loads(result.stdout)["entries"] == []
    assert "Niets gevonden" in run("history", "--search", "uitgeblust-zeldzaam").stdout
    refused = run("history", "--support", "--search", "uitgeblust")
    assert refused.exit_code == 2 and "iemand anders" in refused.output


@pytest.mark.parametrize("words", ["", "  ", " ,… "])
def test_a_search_without_words_is_a_usage_error(words: str) -> None:
    result = run("history", "--search", words)
    assert result.exit_code == 2
    assert "--search" in result.output and "Traceback" not in result.output
