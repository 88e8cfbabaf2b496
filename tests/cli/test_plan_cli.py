"""`veerkracht plan` from the command line: the contract scripts rely on (files, JSON
shapes, exit codes), weeks that follow the clock and stand still while paused, checked
reports, consented shares that never hold a private word, and when the plan suggests a
doctor."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.drive import assert_refused, run

START = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # a Monday
SECRET = "GEHEIM-diagnose-burn-out"

PLAN = {
    "start": "2026-11-02",
    "goals": ["Weer vier dagen werken", "Grenzen aangeven"],
    "keeps_me_well": ["Pauze om twaalf uur"],
    "early_signs": ["Slecht slapen"],
    "others_can_do": ["Vraag even hoe het gaat"],
    "adjustments": ["Geen avonddiensten"],
    "review": "2026-12-21",
    "people": [{"role": "manager", "name": "Ilse"}, {"role": "colleague", "name": "Sam"}],
    "private": SECRET,
}
TALK = {
    "with": "Sam",
    "understand": "Waarom de overdracht misgaat",
    "bottleneck": "Vorige week kwam de overdracht pas om vijf uur",
    "expect_me": "Dat Sam het zegt als het te laat wordt",
    "expect_other": "Dat ik alles overzie",
    "feeling": "Ik was onzeker",
    "insights": ["We plannen de overdracht op maandag", "Sam had het ook druk"],
    "perspective": "Sam dacht dat ik het overzicht had",
    "agreements": [{"what": "Overdracht op maandag", "who": "Sam", "due": "2026-11-16"}],
    "safety": 4,
    "private": SECRET,
}


def at(days: int) -> Any:
    """The clock `days` after the plan's start."""
    return time_machine.travel(START + timedelta(days=days), tick=False)


def start_plan(**changes: Any) -> str:
    result = run("plan", "start", "--from", "-", input=json.dumps(PLAN | changes))
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def status() -> dict[str, Any]:
    result = run("plan", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def checkin(**levels: Any) -> None:
    result = run("checkin", "--from", "-", input=json.dumps({"went_well": "rustig"} | levels))
    assert result.exit_code == 0, result.output


def talk(**changes: Any) -> str:
    result = run("plan", "dialogue", "--from", "-", input=json.dumps(TALK | changes))
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[0]


# -- starting ------------------------------------------------------------------------------


def test_without_a_plan_it_says_so(home: Path) -> None:
    text = run("plan")
    assert text.exit_code == 0
    assert "geen herstelplan" in text.stdout
    assert status() == {"plan": None}


def test_a_plan_starts_from_a_file_and_shows_its_week(home: Path) -> None:
    with at(15):
        assert start_plan() == "1"
        found = status()
    plan = found["plan"]
    assert {"id", "start", "weeks", "week", "status"} <= plan.keys()
    assert (plan["id"], plan["start"], plan["weeks"], plan["week"]) == ("1", "2026-11-02", 8, 3)
    assert plan["status"] == "active"
    assert plan["goals"] == PLAN["goals"]
    assert "private" not in plan and SECRET not in json.dumps(found)


def test_defaults_are_today_and_eight_weeks(home: Path) -> None:
    with at(0):
        result = run("plan", "start", "--from", "-", input="{}")
        assert result.exit_code == 0, result.output
        plan = status()["plan"]
    assert (plan["start"], plan["weeks"], plan["week"]) == ("2026-11-02", 8, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weeks": 27}, "weeks"),
        ({"weeks": "acht"}, "weeks"),
        ({"start": "2 november"}, "start"),
        ({"goals": "een doel"}, "goals"),
        ({"people": [{"role": "buurman"}]}, "people[0].role"),
        ({"colour": "blauw"}, "colour"),
    ],
)
def test_bad_plan_files_name_the_field(home: Path, changes: dict, field: str) -> None:
    result = run("plan", "start", "--from", "-", input=json.dumps(PLAN | changes))
    assert_refused(result, field)
    assert status() == {"plan": None}


def test_one_plan_is_open_at_a_time(home: Path) -> None:
    start_plan()
    assert_refused(run("plan", "start", "--from", "-", input="{}"), "plan stop")
    assert run("plan", "stop", "--yes").exit_code == 0
    assert start_plan() == "2"


# -- the weeks -----------------------------------------------------------------------------


def test_checkins_belong_to_the_plan_week_and_pauses_stop_the_clock(home: Path) -> None:
    with at(0):
        start_plan()
        checkin(capacity=6, load=5)
    with at(8):
        checkin(capacity=5, load=6)
        assert run("plan", "pause").exit_code == 0
    with at(30):
        assert status()["plan"]["status"] == "paused"
        assert status()["plan"]["week"] == 2  # the weeks stood still
        assert_refused(run("plan", "pause"), "al op pauze")
        assert run("plan", "resume").exit_code == 0
    with at(31):
        found = status()
    assert found["plan"]["week"] == 2
    assert found["plan"]["pauses"] == [{"from": "2026-11-10", "to": "2026-12-02"}]
    assert [c["week"] for c in found["checkins"]] == [1, 2]


def test_a_new_year_does_not_break_the_weeks(home: Path) -> None:
    with time_machine.travel(datetime(2026, 12, 28, 23, 30, tzinfo=ZoneInfo("Asia/Tokyo"))):
        start_plan(start="2026-12-28")
    with time_machine.travel(datetime(2027, 1, 4, 0, 30, tzinfo=ZoneInfo("Asia/Tokyo"))):
        assert status()["plan"]["week"] == 2


# -- dialogue talks and reports --------------------------------------------------------------


def test_a_dialogue_joins_the_plan_and_its_agreements_join_agreements(home: Path) -> None:
    with at(9):
        start_plan()
        assert talk() == "1"
        found = status()
    (dialogue,) = found["dialogues"]
    assert dialogue["week"] == 2 and dialogue["partner"] == "Sam"
    assert SECRET not in json.dumps(found)
    agreements = json.loads(run("agreements", "--format", "json").stdout)
    assert [a["what"] for a in agreements] == ["Overdracht op maandag"]
    assert found["agreements"][0]["what"] == "Overdracht op maandag"


def test_a_dialogue_needs_a_running_plan(home: Path) -> None:
    assert_refused(run("plan", "dialogue", "--from", "-", input=json.dumps(TALK)), "plan start")
    start_plan()
    run("plan", "pause")
    assert_refused(run("plan", "dialogue", "--from", "-", input=json.dumps(TALK)), "resume")


def test_an_empty_or_bad_dialogue_is_refused(home: Path) -> None:
    start_plan()
    assert_refused(run("plan", "dialogue", "--from", "-", input="{}"), "leeg")
    assert_refused(run("plan", "dialogue", "--from", "-", input='{"safety": 6}'), "safety")


def test_blame_in_what_you_want_to_say_gets_a_calmer_way(home: Path) -> None:
    start_plan()
    result = run(
        "plan", "dialogue", "--from", "-",
        input=json.dumps({"bottleneck": "Jij negeert me altijd in het overleg"}),
    )  # fmt: skip
    assert result.exit_code == 0
    assert "Tip voor je zin" in result.stderr


def test_a_report_shows_only_checked_talks_and_their_kept_lines(home: Path) -> None:
    with at(9):
        start_plan()
        talk()
        before = json.loads(run("plan", "report", "--format", "json").stdout)
        assert before == {"plan": "1", "week": 2, "talks": [], "unchecked": 1}
        assert_refused(run("plan", "report", "--check"), "--yes")
        checked = run("plan", "report", "2", "--check", "--yes", "--format", "json")
    assert checked.exit_code == 0, checked.output
    (shown,) = json.loads(checked.stdout)["talks"]
    assert shown["insights"] == TALK["insights"]
    assert shown["agreements"][0]["what"] == "Overdracht op maandag"
    markdown = run("plan", "report", "2", "--format", "markdown").stdout
    for unsaid in (SECRET, TALK["understand"], TALK["feeling"], TALK["bottleneck"]):
        assert unsaid not in checked.stdout and unsaid not in markdown


def test_checking_line_by_line_keeps_only_the_yes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_plan()
    talk()
    monkeypatch.setattr("veerkracht.cli.plan_state.at_terminal", lambda: True)
    # insight 1 yes, insight 2 no, perspective no, agreement yes; checked: yes (Dutch "j")
    result = run("plan", "report", "--check", "--format", "json", input="j\nn\n\nja\ny\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("[j/N]") == 5
    echoed, _, printed = result.stdout.partition("{")  # the test runner echoes the answers
    assert echoed.split() == ["j", "n", "ja", "y"]
    (shown,) = json.loads("{" + printed)["talks"]
    assert shown["insights"] == [TALK["insights"][0]]
    assert shown["perspective"] == ""
    assert [a["what"] for a in shown["agreements"]] == ["Overdracht op maandag"]


@pytest.mark.parametrize("week", ["0", "9", "drie"])
def test_a_week_outside_the_plan_is_a_usage_error(home: Path, week: str) -> None:
    start_plan()
    result = run("plan", "report", week)
    assert result.exit_code == 2
    assert "1 tot en met 8" in result.stderr


# -- sharing with consent ----------------------------------------------------------------------


def test_a_share_holds_only_the_sections_chosen(home: Path, tmp_path: Path) -> None:
    with at(20):
        start_plan()
        checkin(capacity=4, load=7)
        talk()
        run("plan", "report", "--check", "--yes")
        result = run("plan", "share", "--include", "weeks,trend", "--format", "json")
    shared = json.loads(result.stdout)
    assert list(shared["sections"]) == ["weeks", "trend"]
    assert shared["sections"]["weeks"] == {"done": 2, "total": 8, "week": 3}
    assert shared["sections"]["trend"][-1] == {"week": 3, "capacity": 4, "load": 7}
    assert shared["sections"]["trend"][0] == {"week": 1, "capacity": None, "load": None}
    out = tmp_path / "voortgang.md"
    assert run("plan", "share", "--include", "insights", "-o", str(out)).exit_code == 0
    assert "We plannen de overdracht op maandag" in out.read_text(encoding="utf-8")


def test_share_without_include_needs_a_terminal_and_bad_keys_are_usage_errors(
    home: Path,
) -> None:
    start_plan()
    assert_refused(run("plan", "share"), "--include")
    assert run("plan", "share", "--include", "private").exit_code == 2


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    chosen=st.sets(
        st.sampled_from(["weeks", "goals", "work_plan", "agreements", "trend", "insights"])
    ),
    secret=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=12, max_size=20),
)
def test_a_share_never_holds_a_private_word_or_an_unchosen_section(
    home: Path, chosen: set[str], secret: str
) -> None:
    if (home / "veerkracht.json").exists():
        run("forget", "--all", "--yes")
    start_plan(private=secret)
    talk(private=secret, understand=secret + "x", feeling=secret + "y")
    run("plan", "report", "--check", "--yes")
    run("checkin", "--from", "-", input=json.dumps({"learned": secret, "capacity": 3, "load": 6}))
    for output_format in ("json", "markdown"):
        result = run("plan", "share", "--include", ",".join(chosen) or "weeks",
                     "--format", output_format)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert secret not in result.stdout
        if output_format == "json":
            assert set(json.loads(result.stdout)["sections"]) == (chosen or {"weeks"})


# -- when the plan is not enough ---------------------------------------------------------------


def test_three_heavy_weeks_suggest_a_doctor_and_a_pause(home: Path) -> None:
    with at(0):
        start_plan()
        checkin(capacity=5, load=7)
    for week in (1, 2):
        with at(7 * week):
            assert "load_above_capacity" not in status()["attention"]
            checkin(capacity=4, load=8)
    with at(15):
        assert status()["attention"] == ["load_above_capacity"]
        text = run("plan").stdout
    assert "bedrijfsarts of huisarts" in text and "plan pause" in text


def test_a_week_that_was_too_much_or_heavy_words_are_heard(home: Path) -> None:
    start_plan()
    checkin(too_much=True)
    assert status()["attention"] == ["too_much"]
    result = run("checkin", "--from", "-", input=json.dumps({"was_hard": "ik wil niet meer leven"}))
    assert "113" in result.stderr
    assert "heavy_words" in status()["attention"]


# -- the end, and the data like all other data ----------------------------------------------------


def test_the_evaluation_finishes_the_plan_and_the_closing_report_holds_it(home: Path) -> None:
    with at(50):
        start_plan()
        evaluation = {"pillars": {"trust": "Ik durf meer te vragen"}, "holding": "maandag",
                      "next": "Vier dagen werken"}  # fmt: skip
        result = run("plan", "evaluate", "--from", "-", input=json.dumps(evaluation))
        assert result.exit_code == 0, result.output
        assert status()["plan"]["status"] == "done"
        closing = json.loads(run("plan", "report", "end", "--format", "json").stdout)
    assert closing["sections"]["evaluation"]["pillars"] == {"trust": "Ik durf meer te vragen"}
    assert SECRET not in json.dumps(closing)
    assert_refused(run("plan", "evaluate", "--from", "-", input="{}"), "plan start")


def test_export_and_import_carry_the_plan(home: Path, tmp_path: Path) -> None:
    start_plan()
    talk()
    run("plan", "pause")
    exported = run("export").stdout
    data = json.loads(exported)
    assert len(data["plans"]) == 1 and len(data["dialogues"]) == 1
    assert data["agreements"][0]["dialogue"] == data["dialogues"][0]["uuid"]
    run("forget", "--all", "--yes")
    path = tmp_path / "backup.json"
    path.write_text(exported, encoding="utf-8")
    assert run("import", str(path)).exit_code == 0
    assert json.loads(run("export").stdout) == data


def test_an_encrypted_store_keeps_the_plan_sealed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "een lange wachtzin")
    start_plan()
    assert run("encrypt").exit_code == 0
    talk()
    for path in home.iterdir():
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes()
    assert status()["plan"]["id"] == "1"


def test_the_readme_plan_file_starts_a_plan(home: Path, tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("`plan.toml` (every field optional):")[1].split("```toml\n")[1]
    path = tmp_path / "plan.toml"
    path.write_text(block.split("```")[0], encoding="utf-8")
    assert run("plan", "start", "--from", str(path)).stdout.strip() == "1"
    assert status()["plan"]["people"][0] == {"role": "manager", "name": "Ilse"}


def test_share_at_a_terminal_asks_section_by_section(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_plan()
    monkeypatch.setattr("veerkracht.cli.plan_state.at_terminal", lambda: True)
    result = run("plan", "share", "--format", "json", input="j\nn\nn\nn\nn\nn\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Wil je dit delen? [j/N]") == 6
    assert "## Doelen" in result.stderr and SECRET not in result.stderr
    shared = json.loads("{" + result.stdout.partition("{")[2])
    assert list(shared["sections"]) == ["weeks"]


def test_the_markdown_export_is_your_own_copy_of_the_plan(home: Path) -> None:
    start_plan()
    talk()
    markdown = run("export", "--format", "markdown").stdout
    assert "## Herstelplan 1 · gestart op 2026-11-02" in markdown
    for said in ("Weer vier dagen werken", "Sam had het ook druk", "**Met wie?** Sam", SECRET):
        assert said in markdown


def test_a_prepared_talk_is_completed_after_it_was_held(home: Path) -> None:
    start_plan()
    before = {"with": "Noor", "understand": "Waarom ik zo laat hoor wat er speelt"}
    assert run("plan", "dialogue", "--from", "-", input=json.dumps(before)).stdout.strip() == "1"
    assert "voorbereid" in run("plan").stdout
    after = {"insights": ["Noor wil eerder horen wat er speelt"], "safety": 5,
             "agreements": [{"what": "Vrijdag even bellen"}]}  # fmt: skip
    result = run("plan", "dialogue", "1", "--from", "-", input=json.dumps(after))
    assert result.stdout.strip() == "1", result.output
    (done,) = status()["dialogues"]
    assert (done["partner"], done["understand"], done["safety"]) == (
        "Noor",
        before["understand"],
        5,
    )
    assert status()["agreements"][0]["dialogue"] == done["uuid"]
    assert_refused(run("plan", "dialogue", "7", "--from", "-", input=json.dumps(after)), "'7'")


@pytest.mark.parametrize(
    ("command", "data"),
    [
        (("plan", "start"), {"goals": ["ik zie het niet meer zitten, ik wil dood"]}),
        (("plan", "dialogue"), {"feeling": "soms wil ik er gewoon niet meer zijn"}),
        (("plan", "evaluate"), {"next": "ik denk erover om er een eind aan te maken"}),
    ],
)
def test_heavy_words_anywhere_in_the_plan_show_the_notice(
    home: Path, command: tuple[str, ...], data: dict
) -> None:
    if command != ("plan", "start"):
        start_plan()
    result = run(*command, "--from", "-", input=json.dumps(data))
    assert result.exit_code == 0, result.output
    assert "113.nl" in result.stderr


def test_import_counts_read_like_speech(home: Path, tmp_path: Path) -> None:
    start_plan()
    talk()
    path = tmp_path / "backup.json"
    path.write_text(run("export").stdout, encoding="utf-8")
    run("forget", "--all", "--yes")
    said = run("import", str(path)).stderr
    assert "Ingelezen: 0 reflecties, 0 gespreksverslagen, 0 check-ins, 1 afspraak." in said


def test_a_date_already_past_is_saved_and_said(home: Path) -> None:
    start_plan()
    late = TALK | {"agreements": [{"what": "Bellen", "due": "2020-01-06"}]}
    result = run("plan", "dialogue", "--from", "-", input=json.dumps(late))
    assert result.exit_code == 0
    assert "de datum van ‘Bellen’ (2020-01-06) is al voorbij" in result.stderr


def test_a_report_as_text_shows_words_as_written_and_markdown_escapes_them(home: Path) -> None:
    start_plan()
    talk(insights=["[red]rood[/red] *ster* \x1b[31mx"])
    run("plan", "report", "--check", "--yes")
    text = run("plan", "report").stdout
    markdown = run("plan", "report", "--format", "markdown").stdout
    assert "[red]rood[/red] *ster* ␛[31mx" in text
    assert r"\[red\]rood\[/red\] \*ster\*" in markdown
    assert "\x1b" not in text + markdown
