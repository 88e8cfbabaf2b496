"""`veerkracht safety`: the veiligheidsplan from piped plain mode and from a file, printed
as one page (text or Markdown, to stdout or a file), its words escaped, kept with the
rest of the data (export, import, encrypt, forget) and refused calmly when wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.drive import assert_refused, run, write
from veerkracht.core.safety_plan import ANSWERS
from veerkracht.store.store import Store

PLAN = {
    "warning_signs": "Ik slaap slecht\nIk zeg afspraken af",
    "coping": "Wandelen met de hond",
    "distractions": "Bij mijn zus thuis",
    "people": "Anna 06-12345678\nTom: 06 87654321",
    "gp": "Dr. Jansen 030-1234567",
    "out_of_hours": "0900-1234",
    "other_care": "POH-GGZ Mieke",
    "surroundings": "De pillen bij Anna laten",
    "reasons": "Mijn kinderen\nDe zee",
}
#: Every answer on its own lines, an empty line after each text, then yes to saving.
PIPED = (
    "Ik slaap slecht\nIk zeg afspraken af\n\n"
    "Wandelen met de hond\n\n"
    "Bij mijn zus thuis\n\n"
    "Anna 06-12345678\nTom: 06 87654321\n\n"
    "Dr. Jansen 030-1234567\n"
    "0900-1234\n"
    "POH-GGZ Mieke\n\n"
    "De pillen bij Anna laten\n\n"
    "Mijn kinderen\nDe zee\n\n"
    "j\n"
)


def saved(tmp_path: Path, plan: dict | None = None) -> None:
    result = run("safety", "--from", str(write(tmp_path / "plan.json", plan or PLAN)))
    assert result.exit_code == 0, result.output


def test_plain_mode_completes_the_plan_from_piped_input(store: Store) -> None:
    result = run("safety", "--plain", input=PIPED)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Je veiligheidsplan is bewaard" in result.stderr
    assert "Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl" in result.stderr
    assert "samen met iemand: je huisarts, de POH-GGZ of 113" in result.stderr
    plans = store.contents().safety_plans
    assert len(plans) == 1
    assert plans[0].answers() == PLAN
    assert not Path(store.directory, "draft-safety.json").exists()


def test_plain_mode_starts_from_the_plan_there_is_and_changes_it_in_place(
    store: Store, tmp_path: Path
) -> None:
    saved(tmp_path)
    # Enter keeps each answer; a dash empties the coping line; a new reason.
    keep = "\n" + "-\n" + "\n" * 6 + "Mijn moeder\n\n" + "y\n"
    result = run("safety", "--plain", "--lang", "en", input=keep)
    assert result.exit_code == 0, result.output
    plans = store.contents().safety_plans
    assert len(plans) == 1
    assert plans[0].coping == "" and plans[0].reasons == "Mijn moeder"
    assert plans[0].people == PLAN["people"]


def test_plain_mode_refuses_to_save_an_empty_plan_and_says_so() -> None:
    result = run("safety", "--plain", input="\n" * 9 + "\n")
    assert result.exit_code == 1  # nothing saved: a script can tell (as every plain flow)
    assert "Er staat nog niets in" in result.stderr
    assert "Niet opgeslagen; er stond nog niets in." in result.stderr


def test_plain_input_that_ends_early_keeps_the_draft(store: Store) -> None:
    result = run("safety", "--plain", input="Ik slaap slecht\n")
    assert result.exit_code == 1
    assert "veerkracht safety --plain" in result.stderr
    assert "Traceback" not in result.stderr
    draft = json.loads(Path(store.directory, "draft-safety.json").read_text(encoding="utf-8"))
    assert draft["answers"]["warning_signs"] == "Ik slaap slecht"


def test_the_plan_prints_as_one_page_of_text(tmp_path: Path) -> None:
    saved(tmp_path)
    result = run("safety", "--format", "text")
    assert result.exit_code == 0, result.output
    page = result.stdout
    lines = page.splitlines()
    assert lines[0] == "VEILIGHEIDSPLAN"
    assert len(lines) <= 60, "one printed page"
    assert max(map(len, lines)) <= 78
    for title in ("1. Mijn waarschuwingssignalen", "4. Mensen die ik om hulp kan vragen",
                  "5. Professionele hulp", "7. Wat mijn leven de moeite waard maakt"):  # fmt: skip
        assert title in lines
    assert " - Anna 06-12345678" in lines
    flat = " ".join(page.split())
    assert "Huisarts: Dr. Jansen 030-1234567" in flat
    assert "Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl. Ook gratis: 0800-0113." in flat
    assert "In direct gevaar: bel 112." in flat
    assert "vervangt geen hulp" in flat
    assert run("safety").stdout == page  # to a pipe: the page, as text


def test_the_plan_prints_as_markdown_to_a_file(tmp_path: Path) -> None:
    saved(tmp_path)
    out = tmp_path / "plan.md"
    result = run("safety", "--format", "markdown", "--output", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert str(out) in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("# Safety plan\n")
    assert "## 6. Making my surroundings safer" in page
    assert "- De pillen bij Anna laten" in page
    assert "Thinking about suicide? Call 113, free and anonymous, 24/7, or chat at 113.nl" in page


def test_an_output_file_alone_gets_the_text_page(tmp_path: Path) -> None:
    saved(tmp_path)
    out = tmp_path / "plan.txt"
    assert run("safety", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("VEILIGHEIDSPLAN\n")


def test_the_users_words_are_data_in_text_and_markdown(tmp_path: Path) -> None:
    hostile = {
        "warning_signs": "\x1b[31m[bold]rood[/bold]\x07",
        "people": "*Anna* [link](http://x) # kop | `code`",
    }
    saved(tmp_path, hostile)
    text = run("safety", "--format", "text").stdout
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold]rood[/bold]" in text  # shown as typed, never read as markup
    markdown = run("safety", "--format", "markdown").stdout
    assert "\x1b" not in markdown
    assert r"- \*Anna\* \[link\](http://x) \# kop \| \`code\`" in markdown


def test_without_a_plan_it_says_how_to_make_one() -> None:
    assert_refused(run("safety", "--format", "text"), "veerkracht safety")
    assert_refused(run("safety"), "veiligheidsplan")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["safety", "--format", "pdf"], 2),
        (["safety", "--plain", "--from", "x.json"], 2),
        (["safety", "--bogus"], 2),
    ],
)
def test_wrong_use_is_a_usage_error(args: list[str], code: int) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert "Traceback" not in result.output


def test_a_wrong_file_is_refused_by_field(tmp_path: Path) -> None:
    assert_refused(
        run("safety", "--from", str(write(tmp_path / "a.json", {"wishes": "x"}))), "wishes"
    )
    assert_refused(
        run("safety", "--from", str(write(tmp_path / "b.json", {"coping": 3}))), "coping"
    )
    assert_refused(run("safety", "--from", str(write(tmp_path / "c.json", {}))), "leeg")
    assert_refused(run("safety", "--from", str(tmp_path / "missing.json")), "missing.json")


def test_the_plan_is_exported_imported_and_forgotten_with_the_rest(
    tmp_path: Path, store: Store
) -> None:
    saved(tmp_path)
    exported = json.loads(run("export").stdout)
    assert exported["safety_plans"][0]["people"] == PLAN["people"]
    assert set(ANSWERS) <= set(exported["safety_plans"][0])
    markdown = run("export", "--format", "markdown").stdout
    assert "## Veiligheidsplan" in markdown and "Anna 06-12345678" in markdown
    backup = write(tmp_path / "backup.json", exported)
    assert run("forget", "--all", "--yes").exit_code == 0
    assert run("safety", "--format", "text").exit_code == 1
    assert run("import", str(backup)).exit_code == 0
    assert run("import", str(backup)).exit_code == 0  # nothing doubled
    assert [plan.answers() for plan in store.contents().safety_plans] == [PLAN]


def test_an_import_with_a_broken_plan_changes_nothing(tmp_path: Path, store: Store) -> None:
    data = {"format": "veerkracht-export", "version": 1, "safety_plans": [{"coping": "x"}]}
    result = run("import", str(write(tmp_path / "bad.json", data)))
    assert result.exit_code == 1
    assert "safety_plans[0]" in result.stderr
    assert store.contents().safety_plans == []


def test_the_plan_is_encrypted_with_the_rest(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(tmp_path)
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "een lange wachtzin voor het plan")
    assert run("encrypt").exit_code == 0
    assert b"Anna" not in store.path.read_bytes()
    assert "Anna 06-12345678" in run("safety", "--format", "text").stdout
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "een heel andere zin")
    assert run("safety", "--format", "text").exit_code == 1
