"""The command line as a script or a user meets it: stdout for data, one line on stderr."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.drive import assert_private, runner
from veerkracht import __version__
from veerkracht.cli import app
from veerkracht.store.store import Store


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def assert_refused(result, *words: str) -> None:
    """Exit 1, one line on stderr naming the problem, nothing on stdout, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"veerkracht {__version__}\n"


def test_reflect_from_json_prints_only_the_new_id(tmp_path: Path, answers: dict) -> None:
    result = run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"
    assert result.stderr == ""
    report = json.loads(run("history", "--format", "json").stdout)
    assert report["entries"][0]["share"] == answers["share"]


def test_reflect_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        'feelings = ["sad"]\nintensity = 4\ncreated = 2026-11-21T09:30:00+01:00\n', encoding="utf-8"
    )
    assert run("reflect", "--from", str(path)).stdout == "1\n"
    entry = json.loads(run("history", "--format", "json").stdout)["entries"][0]
    assert (entry["feelings"], entry["intensity"]) == (["sad"], 4)
    assert entry["created"] == "2026-11-21T09:30:00+01:00"


def test_reflect_from_stdin() -> None:
    result = run("reflect", "--from", "-", input='{"feelings": ["angry"]}')
    assert result.stdout == "1\n"


def test_data_dir_option_beats_the_environment(tmp_path: Path, home: Path) -> None:
    other = tmp_path / "other"
    run("--data-dir", str(other), "reflect", "--from", "-", input='{"feelings": ["sad"]}')
    run("reflect", "--data-dir", str(other), "--from", "-", input='{"feelings": ["sad"]}')
    assert len(Store(other).entries()) == 2
    assert not home.exists()


@pytest.mark.parametrize(
    ("change", "words_nl", "words_en"),
    [
        ({"feelings": ["blij"]}, ["'feelings'", "'blij'", "tired"], ["not a known choice"]),
        ({"intensity": 11}, ["'intensity'", "0", "10"], ["whole number"]),
        ({"mood": 1}, ["Onbekend veld 'mood'"], ["Unknown field 'mood'"]),
        ({"feelings": None}, ["'feelings'", "nodig"], ["needed"]),
        ({"share": 3}, ["'share'", "tekst"], ["text"]),
        ({"created": "gisteren"}, ["'created'", "datum"], ["not a date"]),
    ],
)
def test_bad_answers_are_refused_with_the_file_and_field(
    tmp_path: Path, answers: dict, change: dict, words_nl: list, words_en: list
) -> None:
    run("reflect", "--from", str(write(tmp_path / "ok.json", answers)))
    store = Store(Path(tmp_path / "home"))
    before = store.path.read_bytes()
    bad = write(tmp_path / "bad.json", {**answers, **change})

    result = run("reflect", "--from", str(bad))
    assert_refused(result, str(bad), *words_nl, "niets opgeslagen")
    assert store.path.read_bytes() == before

    result = run("--lang", "en", "reflect", "--from", str(bad))
    assert_refused(result, *words_en, "Nothing was saved")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert_refused(
        run("reflect", "--from", str(tmp_path / "nope.json")), "nope.json", "bestaat niet"
    )


def test_a_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("feelings: tired\n", encoding="utf-8")
    assert_refused(run("reflect", "--from", str(path)), str(path), "geen geldige JSON", "line 1")


def test_a_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("feelings = [tired\n", encoding="utf-8")
    assert_refused(run("--lang", "en", "reflect", "--from", str(path)), str(path), "not valid TOML")


def test_a_file_that_is_not_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert_refused(run("reflect", "--from", str(path)), str(path))


def test_a_truncated_store_is_named_and_left_alone(
    tmp_path: Path, answers: dict, home: Path
) -> None:
    source = write(tmp_path / "a.json", answers)
    run("reflect", "--from", str(source))
    store_file = home / "veerkracht.json"
    truncated = store_file.read_bytes()[:50]
    store_file.write_bytes(truncated)

    assert_refused(run("reflect", "--from", str(source)), str(store_file), "beschadigd")
    assert_refused(run("history", "--format", "json"), str(store_file))
    assert store_file.read_bytes() == truncated


def test_history_json_follows_the_contract(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    run(
        "reflect",
        "--from",
        "-",
        input='{"feelings": ["tired"], "intensity": 9, "created": "2026-11-23T08:00:00+01:00"}',
    )

    report = json.loads(run("history", "--format", "json").stdout)

    entry = report["entries"][0]
    assert {"id", "created", "feelings", "intensity", "triggers", "uuid"} <= set(entry)
    assert "private" not in entry
    patterns = report["patterns"]
    assert patterns["count"] == 2
    assert patterns["feelings"] == {"tired": 2, "tense": 1}
    assert patterns["intensity"]["mean"] == 8.0
    assert patterns["intensity"]["by_week"] == [
        {"week": "2026-W47", "mean": 7.0, "count": 1},
        {"week": "2026-W48", "mean": 9.0, "count": 1},
    ]
    assert patterns["conversations"] == {"count": 0, "better": 0, "same": 0, "worse": 0}


def test_history_json_on_an_empty_store() -> None:
    result = run("history", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["patterns"]["count"] == 0


def test_history_table_is_readable(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    result = run("history")
    assert result.exit_code == 0
    assert "moe, gespannen" in result.stdout
    assert "7/10" in result.stdout
    assert "\x1b[" not in result.stdout
    assert "tired, tense" in run("--lang", "en", "history").stdout


def test_history_table_on_an_empty_store_points_to_reflect() -> None:
    assert "veerkracht reflect" in run("history").stdout


@pytest.mark.parametrize(
    "args",
    [["--lang", "fr", "history"], ["history", "--format", "xml"], ["reflect", "--nope"], ["nope"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_an_unknown_language_in_the_environment_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VEERKRACHT_LANG", "de")
    assert run("history").exit_code == 2


def test_the_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEERKRACHT_LANG", "en")
    assert "There are no reflections yet" in run("history").stdout


def test_an_unexpected_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(self: Store) -> list:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(Store, "contents", broken)
    assert_refused(run("history"), "ZeroDivisionError: boom", "VEERKRACHT_DEBUG")


COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)


def test_every_command_is_listed() -> None:
    assert sorted(
        ["reflect", "prepare", "history", "followup", "agreements", "checkin", "export",
         "import", "forget", "share", "encrypt", "decrypt", "hulp", "support", "safety"]
    ) == COMMANDS  # fmt: skip


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_exits_0_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Gebruik: veerkracht" in result.stdout
    if command:
        assert "Voorbeeld: veerkracht" in result.stdout


def test_quiet_silences_messages_but_not_errors(tmp_path: Path) -> None:
    run("reflect", "--from", "-", input='{"feelings": ["sad"]}')
    target = tmp_path / "card.md"
    result = run("--quiet", "prepare", "--format", "markdown", "-o", str(target))
    assert (result.exit_code, result.stderr) == (0, "")
    assert target.exists()
    assert_refused(run("--quiet", "prepare", "9"), "9")


def test_the_language_from_the_settings_is_the_default(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    assert "There are no reflections yet" in run("history").stdout
    assert "Er zijn nog geen reflecties" in run("--lang", "nl", "history").stdout


def test_hulp_lists_where_to_find_help() -> None:
    result = run("hulp")
    assert result.exit_code == 0
    for needle in ("113", "0800-0113", "112", "088-0767 000", "bedrijfsarts", "huisarts"):
        assert needle in result.stdout
    assert "company doctor (bedrijfsarts)" in run("--lang", "en", "hulp").stdout


def test_a_heavy_reflection_shows_the_calm_notice_on_stderr_only() -> None:
    result = run("reflect", "--from", "-", input='{"feelings": ["sad"], "intensity": 9}')
    assert result.exit_code == 0
    assert result.stdout == "1\n"
    assert "113.nl" in result.stderr
    assert "Meer: veerkracht hulp" in result.stderr


def test_words_about_not_wanting_to_live_show_the_notice() -> None:
    answers = '{"feelings": ["sad"], "fear": "dat ik niet meer wil leven"}'
    assert "113.nl" in run("reflect", "--from", "-", input=answers).stderr


def test_several_heavy_reflections_in_a_row_show_the_notice() -> None:
    heavy = '{"feelings": ["tired"], "intensity": 8}'
    assert run("reflect", "--from", "-", input=heavy).stderr == ""
    assert run("reflect", "--from", "-", input=heavy).stderr == ""
    assert "113" in run("reflect", "--from", "-", input=heavy).stderr


def test_a_calm_reflection_shows_nothing_on_stderr() -> None:
    result = run("reflect", "--from", "-", input='{"feelings": ["tired"], "intensity": 5}')
    assert result.stderr == ""


def test_reflect_without_a_terminal_points_to_from() -> None:
    assert_refused(run("reflect"), "--from")


# -- prepare -------------------------------------------------------------------------


def test_prepare_prints_the_script_for_the_latest_reflection(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    result = run("prepare")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Gesprekskaart\nVoor het gesprek met je leidinggevende")
    assert "\x1b[" not in result.stdout
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
    assert answers["private"] not in result.stdout


def test_prepare_json_follows_the_contract(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    data = json.loads(run("prepare", "1", "--to", "hr", "--format", "json", "--lang", "en").stdout)
    assert (data["entry"], data["audience"], data["lang"]) == ("1", "hr", "en")
    assert [s["key"] for s in data["sections"]] == [
        "opening", "situation", "impact", "need", "asks", "boundaries", "follow_up", "tips",
    ]  # fmt: skip


def test_prepare_names_sentences_that_may_derail_the_talk(tmp_path: Path, answers: dict) -> None:
    asks = ["Je moet mijn werk overnemen.", "Kunnen we volgende week praten?"]
    run("reflect", "--from", str(write(tmp_path / "a.json", {**answers, "asks": asks})))
    data = json.loads(run("prepare", "--format", "json").stdout)
    assert data["language"] == [
        {
            "sentence": "Je moet mijn werk overnemen.",
            "check": "demand",
            "suggestion": "Zou je mijn werk willen overnemen?",
        }
    ]
    markdown = run("prepare", "--format", "markdown").stdout
    tips = markdown[markdown.index("## Tips voor jezelf") :]
    assert "‘Je moet mijn werk overnemen.’ Dit klinkt als een eis" in tips
    assert "Zou je mijn werk willen overnemen?" in tips


def test_prepare_writes_markdown_atomically(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    card = tmp_path / "kaart.md"
    result = run("prepare", "last", "--format", "markdown", "--output", str(card))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert str(card) in result.stderr
    assert card.read_text(encoding="utf-8").startswith("# Gesprekskaart")
    assert_private(card)


def test_prepare_with_an_unknown_entry_names_it(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    assert_refused(run("prepare", "42"), "42")


def test_prepare_on_an_empty_store_points_to_reflect() -> None:
    assert_refused(run("prepare"), "veerkracht reflect")


def test_prepare_with_an_unknown_audience_lists_the_valid_ones(tmp_path: Path) -> None:
    result = run("prepare", "--to", "boss")
    assert result.exit_code == 2
    assert "confidential_adviser" in result.output


def test_prepare_to_an_unwritable_place_says_so(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    target = tmp_path / "missing" / "kaart.md"
    assert_refused(run("prepare", "--output", str(target)), str(target))
    assert not target.parent.exists()


def test_prepare_edit_without_a_terminal_says_so(tmp_path: Path, answers: dict) -> None:
    run("reflect", "--from", str(write(tmp_path / "a.json", answers)))
    assert_refused(run("prepare", "--edit"), "terminal")


# -- history ---------------------------------------------------------------------------


def add_entries(*answers: str) -> None:
    for text in answers:
        assert run("reflect", "--from", "-", input=text).exit_code == 0


def three_reflections() -> None:
    add_entries(
        '{"feelings": ["tired"], "triggers": ["workload"], "intensity": 4,'
        ' "created": "2026-10-01T09:00:00+02:00"}',
        '{"feelings": ["tired", "sad"], "triggers": ["home"], "intensity": 8,'
        ' "created": "2026-11-10T09:00:00+01:00"}',
        '{"feelings": ["angry"], "triggers": ["workload"], "intensity": 6,'
        ' "created": "2026-11-20T09:00:00+01:00", "private": "geheim-woord"}',
    )


def history_json(*args: str) -> dict:
    result = run("history", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_history_filters_apply_to_entries_and_patterns() -> None:
    three_reflections()
    report = history_json("--feeling", "tired")
    assert [e["id"] for e in report["entries"]] == ["1", "2"]
    assert report["patterns"]["count"] == 2
    assert report["patterns"]["feelings"] == {"tired": 2, "sad": 1}

    report = history_json("--trigger", "workload", "--since", "2026-11-01")
    assert [e["id"] for e in report["entries"]] == ["3"]

    report = history_json("--until", "2026-10-31")
    assert [e["id"] for e in report["entries"]] == ["1"]
    assert report["patterns"]["intensity"]["mean"] == 4.0


def test_history_limit_shows_the_newest() -> None:
    three_reflections()
    assert [e["id"] for e in history_json("--limit", "2")["entries"]] == ["2", "3"]
    assert history_json("--limit", "2")["patterns"]["count"] == 3


def test_history_json_has_pairs_and_a_trend() -> None:
    three_reflections()
    patterns = history_json("--until", "2026-11-22")["patterns"]
    assert patterns["pairs"][0] == {"trigger": "workload", "feeling": "tired", "count": 1}
    assert patterns["trend"]["recent"] == {"mean": 7.0, "count": 2}
    assert patterns["trend"]["previous"] == {"mean": 4.0, "count": 1}
    assert patterns["trend"]["change"] == 3.0


def test_history_markdown_is_a_report_to_keep() -> None:
    three_reflections()
    result = run("history", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Terugblik")
    assert "| 3 | 2026-11-20 09:00 | 6/10 | boos | hoge werkdruk |" in result.stdout
    assert "geheim-woord" not in result.stdout
    assert "█" in result.stdout


def test_history_table_has_bars_and_the_newest_first() -> None:
    three_reflections()
    result = run("--lang", "en", "history", "--limit", "2")
    lines = result.stdout.splitlines()
    assert lines[0] == "Your reflections (newest first, 2 of 3)"
    assert lines[2].startswith("3 ")
    assert "tired  ████████████████████████ 2" in result.stdout
    assert "\x1b[" not in result.stdout


def test_history_without_matches_says_so() -> None:
    three_reflections()
    assert "Geen reflecties" in run("history", "--feeling", "lonely").stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--since", "gisteren"], "gisteren"),
        (["--until", "2026-02-30"], "2026-02-30"),
        (["--since", "2026-11-20", "--until", "2026-11-01"], "--until"),
        (["--feeling", "happy"], "tired"),
        (["--trigger", "weather"], "workload"),
        (["--limit", "0"], "--limit"),
    ],
)
def test_bad_history_options_are_usage_errors(args: list[str], words: str) -> None:
    result = run("history", *args)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


# -- after the conversation -----------------------------------------------------------


def test_followup_prints_its_id_and_agreements_get_their_own(
    tmp_path: Path, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"], "fear": "dat ze boos wordt"}')
    result = run("followup", "--from", str(followup_file()))
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"
    rows = json.loads(run("agreements", "--format", "json").stdout)
    assert rows == [
        {"id": "2", "what": "elke week even bellen", "who": "Sam", "due": "2020-01-01",
         "done": False, "entry": "1"},
        {"id": "1", "what": "deadlines later", "who": "manager", "due": "2026-12-05",
         "done": False, "entry": "1"},
    ]  # fmt: skip


def test_agreements_done_marks_one_kept(tmp_path: Path, followup_file: Callable[..., Any]) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    result = run("agreements", "--done", "2")
    assert result.exit_code == 0
    assert "2" in result.stderr
    assert [row["id"] for row in json.loads(run("agreements", "--format", "json").stdout)] == ["1"]
    every = json.loads(run("agreements", "--all", "--format", "json").stdout)
    assert [(row["id"], row["done"]) for row in every] == [("1", False), ("2", True)]
    undone = run("agreements", "--undo", "2")
    assert undone.exit_code == 0
    assert "Afspraak 2 staat weer open" in undone.stderr
    assert [row["id"] for row in json.loads(run("agreements", "--format", "json").stdout)] == [
        "2",
        "1",
    ]
    assert_refused(run("agreements", "--undo", "9"), "9")


def test_agreements_table_marks_overdue_in_words(
    tmp_path: Path, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    table = run("agreements").stdout
    assert "datum voorbij" in table.splitlines()[1]
    assert "elke week even bellen" in table.splitlines()[1]


def test_no_agreements_says_where_they_come_from() -> None:
    assert "veerkracht followup" in run("agreements").stdout


def test_an_unknown_agreement_is_named_and_nothing_changes(
    tmp_path: Path, home: Path, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    before = (home / "veerkracht.json").read_bytes()
    assert_refused(run("agreements", "--done", "9"), "9")
    assert (home / "veerkracht.json").read_bytes() == before


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"went": 7}, "'went'"),
        ({"as_feared": "great"}, "'as_feared'"),
        ({"agreements": [{"what": "x", "due": "morgen"}]}, "'agreements[0].due'"),
        ({"entry": "12"}, "12"),
    ],
)
def test_bad_followups_are_refused_and_nothing_is_saved(
    tmp_path: Path, home: Path, change: dict, words: str, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"]}')
    before = (home / "veerkracht.json").read_bytes()
    assert_refused(run("followup", "--from", str(followup_file(**change))), words)
    assert (home / "veerkracht.json").read_bytes() == before


def test_followup_for_an_entry_named_on_the_command_line(tmp_path: Path) -> None:
    add_entries('{"feelings": ["tired"]}', '{"feelings": ["sad"]}')
    path = write(tmp_path / "f.json", {"went": 2, "as_feared": "worse"})
    assert run("followup", "1", "--from", str(path)).stdout == "1\n"
    report = history_json("--feeling", "tired")
    assert report["patterns"]["conversations"] == {"count": 1, "better": 0, "same": 0, "worse": 1}
    assert history_json("--feeling", "sad")["patterns"]["conversations"]["count"] == 0


@pytest.mark.parametrize("in_file", ["last", "3", 3])
def test_a_followup_whose_file_names_another_entry_is_refused_naming_both(
    tmp_path: Path, home: Path, in_file: object
) -> None:
    """A leak in issue 25: `followup 2 --from f.json` with "entry": "last" in the file
    attached the follow-up to entry 3, the file winning silently over the typed number."""
    add_entries(*['{"feelings": ["tired"]}'] * 3)
    before = (home / "veerkracht.json").read_bytes()
    path = write(tmp_path / "f.json", {"entry": in_file, "went": 2})
    result = run("followup", "2", "--from", str(path))
    assert_refused(result, "reflectie 2", "reflectie 3", "f.json")
    assert (home / "veerkracht.json").read_bytes() == before
    same = write(tmp_path / "same.json", {"entry": "2", "went": 2})  # the same one: fine
    assert run("followup", "2", "--from", str(same)).stdout == "1\n"


@pytest.mark.parametrize(
    ("command", "text", "key"),
    [
        ("reflect", '{"feelings": ["sad"], "private": "a", "private": "b"}', "private"),
        ("followup", '{"went": 2, "agreements": [{"what": "a", "what": "b"}]}', "what"),
        ("checkin", '{"went_well": "rust", "capacity": 3, "capacity": 8}', "capacity"),
        ("support", '{"noticed": "x", "noticed": "y"}', "noticed"),
        ("import", '{"format": "veerkracht-export", "version": 1, "version": 1}', "version"),
    ],
)
def test_a_key_given_twice_in_an_answers_file_is_refused_naming_it(
    home: Path, tmp_path: Path, command: str, text: str, key: str
) -> None:
    """A leak in issue 25: a duplicate key kept the last value without a word."""
    add_entries('{"feelings": ["tired"]}')
    before = (home / "veerkracht.json").read_bytes()
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    option = [] if command == "import" else ["--from"]
    assert_refused(run(command, *option, str(path)), f'"{key}"', "twee keer")
    assert (home / "veerkracht.json").read_bytes() == before
    assert_refused(run(command, *option, "-", input=text), f'"{key}"')


def test_checkin_prints_its_id_and_shows_in_history(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text('went_well = "nee gezegd"\ncapacity = 6\nload = 8\n'
                    'created = 2026-11-20T18:00:00+01:00\n', encoding="utf-8")  # fmt: skip
    result = run("checkin", "--from", str(path))
    assert (result.exit_code, result.stdout) == (0, "1\n")
    balance = history_json()["patterns"]["capacity_load"]["by_week"]
    assert balance == [{"week": "2026-W47", "capacity": 6.0, "load": 8.0}]


def test_a_bad_checkin_is_refused(tmp_path: Path) -> None:
    assert_refused(run("checkin", "--from", "-", input='{"capacity": 12}'), "'capacity'")
    assert_refused(run("checkin", "--from", "-", input="{}"), "lege check-in", "draagkracht")


def test_history_counts_agreements_kept(tmp_path: Path, followup_file: Callable[..., Any]) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    run("agreements", "--done", "1")
    made = history_json()["patterns"]["agreements"]
    assert made["count"] == 2 and made["done"] == 1 and made["open"] == 1 and made["overdue"] == 1


def test_a_reminder_shows_once_a_day_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    first = run("agreements", "--format", "json")
    assert "de datum voorbij" in first.stderr
    json.loads(first.stdout)  # stdout stays clean for scripts
    assert run("agreements", "--format", "json").stderr == ""


def test_reminders_can_be_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, followup_file: Callable[..., Any]
) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("reminders = false\n", encoding="utf-8")
    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    assert run("agreements").stderr == ""


# -- found in review --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"feelings": ["tired"], "intensity": ' + "9" * 5000 + "}", "geen geldige JSON"),
        ("[" * 100_000 + "]" * 100_000, "geen geldige JSON"),
        ('{"feelings": ["tired"], "share": "\\ud800"}', "'share'"),
    ],
    # Short ids: pytest puts the id in PYTEST_CURRENT_TEST, and Windows refuses an
    # environment variable over 32,767 characters.
    ids=["huge-number", "deep-nesting", "lone-surrogate"],
)
def test_strange_files_are_named_not_unexpected(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    result = run("reflect", "--from", str(path))
    assert_refused(result, str(path), words)
    assert "onverwacht" not in result.stderr


@pytest.mark.parametrize(
    "tables",
    [
        {"entries": {"1": {"id": "1", "uuid": "u", "feelings": ["sad"]}}},  # no created
        {"entries": {"1": {"id": "1", "created": "gisteren", "feelings": ["sad"]}}},
        {"meta": {"1": {"schema": 0}}},
    ],
)
def test_a_store_that_is_json_but_not_ours_is_named(home: Path, tables: dict) -> None:
    home.mkdir(parents=True)
    (home / "veerkracht.json").write_text(json.dumps(tables), encoding="utf-8")
    result = run("history", "--format", "json")
    assert_refused(result, str(home / "veerkracht.json"), "beschadigd")


def test_an_entry_missing_optional_fields_still_reads(home: Path) -> None:
    home.mkdir(parents=True)
    record = {"id": "1", "uuid": "8c3d5d7e-2f0b-4e8e-9d2a-1b7c4f6a9e01", "feelings": ["sad"],
              "created": "2026-11-01T09:00:00+01:00"}  # fmt: skip
    (home / "veerkracht.json").write_text(json.dumps({"entries": {"1": record}}), encoding="utf-8")
    report = json.loads(run("history", "--format", "json").stdout)
    assert report["entries"][0]["feelings"] == ["sad"]
    assert report["patterns"]["triggers"] == {}


def test_forget_all_that_cannot_delete_says_so(home: Path) -> None:
    (home / "veerkracht.json").mkdir(parents=True)
    assert_refused(run("forget", "--all", "--yes"), "veerkracht.json")


# -- the help notice wherever words are typed ---------------------------------------------

CRISIS = "soms wil ik er gewoon niet meer zijn"


@pytest.mark.parametrize(
    ("command", "data"),
    [
        ("checkin", {"was_hard": CRISIS}),
        ("support", {"noticed": "Ze zei: " + CRISIS}),
        ("followup", {"went": 3, "next_step": CRISIS}),
    ],
)
def test_the_help_notice_shows_for_words_in_every_file(command: str, data: dict) -> None:
    add_entries('{"feelings": ["tired"]}')
    result = run(command, "--from", "-", input=json.dumps(data))
    assert result.exit_code == 0, result.output
    assert "Het klinkt alsof het nu heel zwaar is" in result.stderr
    assert "Het klinkt alsof" not in result.stdout  # stdout stays for data


def test_calm_files_show_no_notice() -> None:
    add_entries('{"feelings": ["tired"]}')
    result = run("checkin", "--from", "-", input='{"was_hard": "Ik ben doodmoe."}')
    assert "113.nl" not in result.stderr


def test_a_reflection_that_showed_the_notice_remembers_it() -> None:
    run("reflect", "--from", "-", input=json.dumps({"feelings": ["sad"], "fear": CRISIS}))
    run("reflect", "--from", "-", input='{"feelings": ["tired"], "intensity": 4}')
    entries = history_json()["entries"]
    assert [entry["help_notice"] for entry in entries] == [True, False]


def test_a_talk_that_went_badly_offers_the_next_route() -> None:
    run("reflect", "--from", "-", input='{"feelings": ["sad"], "intensity": 9}')
    worse = run("followup", "--from", "-", input='{"went": 2, "as_feared": "worse"}')
    assert "bedrijfsarts" in worse.stderr and "113.nl" in worse.stderr
    run("reflect", "--from", "-", input='{"feelings": ["sad"], "intensity": 3}')
    calm = run("followup", "--from", "-", input='{"went": 2}')
    assert "vertrouwenspersoon" in calm.stderr and "113.nl" not in calm.stderr
    fine = run("followup", "--from", "-", input='{"went": 4, "as_feared": "better"}')
    assert "vertrouwenspersoon" not in fine.stderr


def test_hulp_gives_the_numbers_right() -> None:
    text = run("hulp").stdout
    assert "Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl" in text
    assert "Ook gratis: 0800-0113" in text
    assert "088-0767 000" in text and "112" in text and "huisartsenpost" in text
    english = run("hulp", "--lang", "en").stdout
    assert "Call 113, free and anonymous, 24/7, or chat at 113.nl" in english
    assert "Also free: 0800-0113" in english and "out-of-hours" in english


def test_the_company_doctor_card_says_how_heavy_only_after_the_notice() -> None:
    heavy_line = "Ik wil eerlijk zijn over hoe zwaar het is"
    run("reflect", "--from", "-", input=json.dumps({"feelings": ["sad"], "intensity": 3}))
    assert heavy_line not in run("prepare", "--to", "company_doctor").stdout
    run("reflect", "--from", "-", input=json.dumps({"feelings": ["sad"], "fear": CRISIS}))
    card = run("prepare", "--to", "company_doctor").stdout
    assert heavy_line in card
    assert "ctrl+t" in card  # the tip says how to switch it off
    assert CRISIS not in card  # the words themselves are never quoted
    assert heavy_line not in run("prepare", "--to", "manager").stdout


def test_a_share_holds_how_heavy_it_is_only_when_chosen(tmp_path: Path) -> None:
    heavy_line = "Ik wil eerlijk zijn over hoe zwaar het is"
    run("reflect", "--from", "-", input=json.dumps({"feelings": ["sad"], "intensity": 9}))
    plain = run("share", "--to", "company_doctor", "--include", "situation,need")
    assert plain.exit_code == 0, plain.output
    assert "Wat er speelt" in plain.stdout and heavy_line not in plain.stdout
    chosen = run("share", "--to", "company_doctor", "--include", "situation,heavy")
    assert heavy_line in chosen.stdout


@pytest.mark.parametrize(
    ("option", "said", "key"),
    [("--feeling", "moe", "tired"), ("--feeling", "Moe", "tired"), ("--feeling", "tired", "tired"),
     ("--trigger", "hoge werkdruk", "workload"), ("--trigger", "High Workload", "workload")],
)  # fmt: skip
def test_filters_take_the_key_or_the_name_on_screen(
    home: Path, answers: dict, option: str, said: str, key: str
) -> None:
    run("reflect", "--from", "-", input=json.dumps(answers))
    by_name = json.loads(run("history", option, said, "--format", "json").stdout)
    by_key = json.loads(run("history", option, key, "--format", "json").stdout)
    assert by_name == by_key and len(by_name["entries"]) == 1


def test_to_takes_the_dutch_name_and_a_wrong_one_lists_the_keys(home: Path, answers: dict) -> None:
    run("reflect", "--from", "-", input=json.dumps(answers))
    card = run("prepare", "--to", "vertrouwenspersoon", "--format", "json")
    assert json.loads(card.stdout)["audience"] == "confidential_adviser"
    wrong = run("prepare", "--to", "buurvrouw")
    assert wrong.exit_code == 2
    assert "'buurvrouw' ken ik niet" in wrong.stderr and "confidential_adviser" in wrong.stderr


def test_messages_wrap_to_the_terminal_between_words(
    home: Path, answers: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    monkeypatch.setattr("shutil.get_terminal_size", lambda *_: os.terminal_size((40, 24)))
    run("reflect", "--from", "-", input=json.dumps(answers))
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "een lange wachtzin")
    said = run("encrypt").stderr
    lines = said.strip().splitlines()
    assert len(lines) > 1 and all(len(line) <= 39 for line in lines), said
    words = said.split()
    assert "wachtzin" in " ".join(words) or "passphrase" in " ".join(words)
