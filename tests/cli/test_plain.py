"""Plain mode (`--plain`): the same questions line by line, answered from a piped script
as a screen reader user or a bare SSH session types them. (That a plain reflection saves
exactly what the screen saves: tests/tui/test_reflect_tui.py, the walk by keys alone.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.drive import run
from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store


def lines(*answers: str) -> str:
    """A script: one typed line per answer ("" is Enter)."""
    return "".join(f"{answer}\n" for answer in answers)


#: A reflection skipping everything after the feelings step (the audience: suggested).
REST = ("",) * 16


def saved(home: Path) -> dict:
    (entry,) = Store(home).entries()
    record = entry.to_record()
    for key in ("id", "uuid", "created"):
        record.pop(key)
    return {key: value for key, value in record.items() if value not in ("", [], {}, None)}


def test_wrong_answers_get_one_line_and_the_question_again(home: Path) -> None:
    script = lines("13", "abc", "", "1, boos", "11", "zeven", "7", "", *REST, "j")
    result = run("reflect", "--plain", input=script)
    assert result.exit_code == 0, result.output
    said = result.stderr
    for wrong in ("‘13’ staat niet in de lijst", "‘abc’ staat niet in de lijst",
                  "Kies minstens één gevoel", "‘11’ kan niet", "‘zeven’ kan niet"):  # fmt: skip
        assert said.count(wrong) == 1, wrong
    assert said.count("Wat voel je op dit moment?") == 1  # the question, said once
    assert said.count("Kies er minstens één.") == 1  # how to answer, said once
    assert "Traceback" not in result.output
    assert "\x1b" not in result.stdout + result.stderr  # no colour, no cursor movement
    assert result.stdout == "1\n"  # the id alone, as with --from
    assert "veerkracht prepare 1" in said
    assert saved(home) == {
        "feelings": ["tired", "angry"], "intensity": 7, "audience": "colleague",
        "help_notice": False,
    }  # fmt: skip


def test_input_that_ends_midway_keeps_a_draft_and_the_next_run_resumes(home: Path) -> None:
    first = run("reflect", "--plain", input="3\n\nslecht geslapen\nal weken\n")
    assert first.exit_code == 1
    assert "Traceback" not in first.output
    assert "veerkracht reflect --plain" in first.stderr.splitlines()[-1]
    kept = Draft(Store(home), "reflect").load()
    assert kept is not None
    assert kept["answers"] == {"feelings": ["sad"], "feelings_note": "slecht geslapen\nal weken"}

    # Enter carries on with the draft, where it was; Enter keeps each earlier answer.
    second = run("reflect", "--plain", input=lines("", "", "", "", *REST, "j"))
    assert second.exit_code == 0, second.output
    assert "Je hebt een onafgemaakte reflectie" in second.stderr
    assert "Nu: verdrietig" in second.stderr
    assert saved(home)["feelings_note"] == "slecht geslapen\nal weken"
    assert Draft(Store(home), "reflect").load() is None


def test_english_with_lang_en_and_words_that_ask_for_the_help_notice(home: Path) -> None:
    script = lines(
        "tired", *[""] * 10, "that I don't want to live anymore", "", "-", *REST[:5], "1", "", "y"
    )
    result = run("--lang", "en", "reflect", "--plain", input=script)
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "What are you feeling right now?" in said
    assert "Type the numbers that fit" in said
    assert "Do you want to save it like this? [y/N]" in said
    assert said.count("113.nl") == 1  # once, when the words were typed
    assert said.index("113.nl") < said.index("Step 7 of 12")
    assert saved(home)["help_notice"] is True
    # An example ask taken over by its number (no support chosen: one per kind).
    assert saved(home)["asks"] == [Content("en").option("support", "listening", "asks")[0]]


@pytest.mark.parametrize("command", [["reflect"], ["followup"], ["checkin"], ["plan", "dialogue"]])
def test_plain_and_from_together_are_a_usage_error(command: list[str]) -> None:
    result = run(*command, "--plain", "--from", "x.json")
    assert result.exit_code == 2
    assert "--plain en --from gaan niet samen" in result.stderr


def test_a_followup_in_plain_mode(followup_file: Callable[..., Path]) -> None:
    entry = {"feelings": ["tense"], "fear": "dat ze boos wordt", "intensity": 9}
    run("reflect", "--from", "-", input=json.dumps(entry))
    script = lines("2", "3", "j", "Ze luisterde.", "",
                   "minder taken", "manager", "2020-01-01", "n", "2099-13-01", "2099-01-05",
                   "", "Over twee weken weer praten.", "", "j")  # fmt: skip
    result = run("followup", "--plain", input=script)
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "‘dat ze boos wordt’" in said
    assert "Die datum is al voorbij: 2020-01-01" in said
    assert "‘2099-13-01’ lees ik niet als datum" in said
    assert "113.nl" in said  # a hard talk after a heavy reflection: the next route
    assert result.stdout == "1\n"
    exported = json.loads(run("export").stdout)
    (followup,) = exported["followups"]
    assert (followup["went"], followup["as_feared"], followup["talked"]) == (2, "worse", True)
    assert followup["helped"] == "Ze luisterde."
    (agreement,) = exported["agreements"]
    assert (agreement["what"], agreement["who"], agreement["due"]) == (
        "minder taken", "manager", "2099-01-05",
    )  # fmt: skip


def test_a_checkin_in_plain_mode_ticks_off_agreements_kept(
    followup_file: Callable[..., Path],
) -> None:
    run("reflect", "--from", "-", input='{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    script = lines("Rustig gewerkt.", "", "-", "", "", "6", "8", "j", "2",
                   "j", "Ik kon op Sam rekenen.", "", "-", "", "", "j")  # fmt: skip
    result = run("checkin", "--plain", input=script)
    assert result.exit_code == 0, result.output
    assert "2. 2 · elke week even bellen · Sam · 2020-01-01" in result.stderr
    exported = json.loads(run("export").stdout)
    (checkin,) = exported["checkins"]
    assert {key: checkin[key] for key in ("went_well", "capacity", "load", "too_much")} == {
        "went_well": "Rustig gewerkt.", "capacity": 6, "load": 8, "too_much": True,
    }  # fmt: skip
    assert checkin["pillars"] == {"trust": "Ik kon op Sam rekenen."}
    assert [a["done"] for a in exported["agreements"]] == [False, True]


def test_a_dialogue_talk_prepared_then_completed_in_plain_mode() -> None:
    run("plan", "start", "--from", "-", input="{}")
    before = lines("Noor", "Waarom ik zo laat hoor wat er speelt", "",
                   "Je geeft altijd te laat door wat er speelt.", "", "-", "", "",
                   "", "", "", "", "", "j")  # fmt: skip
    first = run("plan", "dialogue", "--plain", input=before)
    assert first.exit_code == 0, first.output
    assert "Tip voor je zin" in first.stderr  # the language check, as on the screen
    # After the talk: the prepared talk comes back (Enter keeps) and is completed.
    after = lines("", "", "", "", "", "", "We plannen samen", "", "-", "", "4", "", "j")
    second = run("plan", "dialogue", "--plain", input=after)
    assert second.exit_code == 0, second.output
    assert "Nu: Noor" in second.stderr
    (talk,) = json.loads(run("plan", "--format", "json").stdout)["dialogues"]
    assert (talk["partner"], talk["insights"], talk["safety"]) == ("Noor", ["We plannen samen"], 4)
    assert talk["understand"] == "Waarom ik zo laat hoor wat er speelt"


def test_answers_about_nothing_save_nothing(home: Path) -> None:
    result = run("checkin", "--plain", input=lines(*[""] * 9, ""))
    assert result.exit_code == 1, result.output  # a script can tell nothing was saved
    assert "Er staat nog niets in" in result.stderr
    assert "Niet opgeslagen" in result.stderr
    assert (result.stdout, Store(home).contents().checkins) == ("", [])


def checkin_script(extra: int) -> str:
    """A check-in from a file: each typed text ends with its empty line and `extra` more;
    the question after a text is skipped with a dash."""
    ending = ("",) * (1 + extra)
    return lines("Rustig gewerkt.", *ending, "Te veel mail.", *ending, "-", "",
                 "6", "8", "j", "", "j")  # fmt: skip


@pytest.mark.parametrize("extra", [1, 3])
def test_extra_empty_lines_after_a_text_do_not_move_later_answers(home: Path, extra: int) -> None:
    """Finding 7: one extra empty line moved every later answer to the wrong question."""
    result = run("checkin", "--plain", input=checkin_script(extra))
    assert result.exit_code == 0, result.output
    (checkin,) = json.loads(run("export").stdout)["checkins"]
    shown = {key: checkin[key] for key in ("went_well", "was_hard", "learned", "capacity", "load")}
    assert shown == {"went_well": "Rustig gewerkt.", "was_hard": "Te veel mail.",
                     "learned": "", "capacity": 6, "load": 8}  # fmt: skip
    assert checkin["too_much"] is True


def test_an_extra_empty_line_in_a_reflection_moves_nothing(home: Path) -> None:
    script = lines("1", "7", "moe", "", "", "1", "", "-", *REST[3:], "j")
    result = run("reflect", "--plain", input=script)
    assert result.exit_code == 0, result.output
    answers = saved(home)
    assert (answers["intensity"], answers["feelings_note"], answers["triggers"]) == (
        7, "moe", ["workload"],
    )  # fmt: skip


@pytest.mark.parametrize("command", [["reflect"], ["checkin"]])
def test_ending_without_saving_exits_1_with_a_line_on_stderr(
    home: Path, command: list[str]
) -> None:
    typed = (
        ("1", "", "", *REST)
        if command == ["reflect"]
        else ("Rustig.", "", "-", "", "", "", "", "", "")
    )
    result = run(*command, "--plain", input=lines(*typed, "n", ""))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Niet opgeslagen" in result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.output


def test_the_summary_says_each_label_once_without_doubled_punctuation(home: Path) -> None:
    result = run("checkin", "--plain", input=checkin_script(0))
    summary = result.stderr[result.stderr.index("Overzicht") :]
    assert "Wat ging goed? Rustig gewerkt." in summary
    assert "Wat heb je geleerd? —" in summary
    assert "?:" not in summary and "(0–10):" not in summary and "(0–10)" not in summary
    assert "Draagkracht: hoeveel kun je op dit moment hebben? 6" in summary


def test_ctrl_c_keeps_the_draft_and_says_how_to_carry_on(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["1\n", "5\n", "een regel\n"])

    class Keyboard:
        def readline(self) -> str:
            line = next(typed, None)
            if line is None:
                raise KeyboardInterrupt
            return line

    monkeypatch.setattr("veerkracht.cli.plain_lines.sys", SimpleNamespace(stdin=Keyboard()))
    result = run("reflect", "--plain")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "veerkracht reflect --plain" in result.stderr
    kept = Draft(Store(home), "reflect").load()
    assert kept is not None
    assert kept["answers"] == {"feelings": ["tired"], "intensity": 5, "feelings_note": "een regel"}


def test_a_draft_that_cannot_be_kept_is_said_once_and_the_reflection_still_saves(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise VeerkrachtError("store_unwritable", path="draft-reflect.json", reason="Disk full")

    monkeypatch.setattr(Draft, "save", full)
    result = run("reflect", "--plain", input=lines("1", "", "", *REST, "j"))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Disk full") == 1
    assert saved(home)["feelings"] == ["tired"]
