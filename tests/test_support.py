"""veerkracht support: the guide for the colleague or manager who wants to check in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import NOW
from tests.test_cli import assert_refused, run, write
from tests.tui_helpers import SIZE, type_text
from veerkracht.content import LANGUAGES, Content
from veerkracht.core.errors import ValidationError
from veerkracht.core.guide import build_guide
from veerkracht.core.support_note import manager_tips, parse_support, signal_keys
from veerkracht.render.cards import FORMATS, render_card
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.support import SupportScreen
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp

MANAGER = {
    "role": "manager",
    "name": "S.",
    "signals": ["quiet", "working_late"],
    "noticed": "Ze mailt de laatste weken vaak na tienen.",
    "hybrid": True,
    "answers": {"one_on_ones": "Met Sam al twee maanden niet."},
}


def test_the_signals_of_the_seeds_are_all_there() -> None:
    assert signal_keys() == ("quiet", "irritable", "mistakes", "tired", "withdrawn", "working_late")
    assert len(manager_tips()) == 6


def test_a_manager_guide_has_every_part(tmp_path: Path) -> None:
    guide = build_guide(parse_support(MANAGER, now=NOW), Content("nl"))
    keys = [section.key for section in guide.sections]
    assert keys == [
        "noticed",
        "opening",
        "listening",
        "needs",
        "boundaries",
        "manager",
        "follow_up",
    ]
    text = render_card(guide, "markdown")
    for words in (
        "Hoe gaat het écht met je?",
        "nog een keer",
        "privé moment",
        "Bel even",  # hybrid: a call rather than a chat message
        "laat stiltes vallen",
        "Bagatelliseer",
        "Kom niet meteen met oplossingen",
        "een luisterend oor",
        "geen therapeut",
        "te veel wordt",
        "Alleen als iemands veiligheid in het geding is",
        "geen reddende engel",
        "Hoe is het thuis?",
        "Niemand functioneert altijd voor 100 procent",
        "Herstel kost vaak maanden",
        "113",
        "bedrijfsarts",
        "vertrouwenspersoon",
        "→ Met Sam al twee maanden niet.",
        "Voor je gesprek met S.",
    ):
        assert words in text, words


def test_a_colleague_guide_leaves_out_the_manager_part_and_the_call() -> None:
    guide = build_guide(parse_support({"signals": ["tired"]}, now=NOW), Content("en"))
    keys = [section.key for section in guide.sections]
    assert "manager" not in keys
    text = render_card(guide, "markdown")
    assert "video call" not in text
    assert "For your conversation with your colleague" in text
    assert "you have busy or heavy weeks too" in text  # normalising, colleague to colleague
    assert "100 percent" not in text  # flexible solutions are the manager's to offer


def test_judgements_in_what_was_noticed_get_a_calmer_way() -> None:
    guide = build_guide(
        parse_support({"noticed": "Hij is altijd te laat."}, now=NOW), Content("nl")
    )
    noticed = guide.sections[0].lines
    assert any("concreet moment" in line for line in noticed)


@settings(max_examples=50, deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    output_format=st.sampled_from(FORMATS),
    role=st.sampled_from(["colleague", "manager"]),
    signals=st.lists(st.sampled_from(signal_keys()), unique=True, max_size=3),
)
def test_the_guide_never_holds_a_name_the_user_did_not_enter(
    language: str, output_format: str, role: str, signals: list[str]
) -> None:
    note = parse_support({"role": role, "signals": signals}, now=NOW)
    text = render_card(build_guide(note, Content(language)), output_format)
    named = parse_support({"role": role, "signals": signals, "name": "Zwaantje"}, now=NOW)
    assert "Zwaantje" not in text
    assert "Zwaantje" in render_card(build_guide(named, Content(language)), output_format)


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ({"role": "boss"}, "unknown_option", "role"),
        ({"signals": ["sad"]}, "unknown_option", "signals"),
        ({"signals": "quiet"}, "not_a_list", "signals"),
        ({"name": "x" * 31}, "too_long", "name"),
        ({"hybrid": "yes"}, "not_a_bool", "hybrid"),
        ({"answers": {"coffee": "x"}}, "unknown_field", "answers.coffee"),
        ({"colleague": "Sam"}, "unknown_field", "colleague"),
    ],
)
def test_refusals_name_the_field(data: dict, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_support(data, now=NOW)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_support_from_a_file_saves_and_prints_the_guide(tmp_path: Path, home: Path) -> None:
    result = run("support", "--from", str(write(tmp_path / "s.json", MANAGER)), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["support"], data["role"], data["lang"]) == ("1", "manager", "nl")
    assert "1" in result.stderr
    assert run("support", "--show", "1", "--format", "markdown").stdout.startswith("# Gespreksgids")
    listing = run("support", "--list").stdout
    assert "leidinggevende · S." in listing
    assert run("history", "--support").stdout == listing
    assert json.loads(run("history", "--support", "--format", "json").stdout)[0]["name"] == "S."
    assert run("history", "--format", "json").exit_code == 0  # kept apart from reflections
    assert json.loads(run("history", "--format", "json").stdout)["patterns"]["count"] == 0


def test_support_notes_are_exported_and_forgotten(tmp_path: Path, home: Path) -> None:
    run("support", "--from", str(write(tmp_path / "s.json", MANAGER)))
    exported = json.loads(run("export").stdout)
    assert exported["supports"][0]["name"] == "S."
    run("forget", "--all", "--yes")
    assert run("import", "-", input=json.dumps(exported)).exit_code == 0
    assert Store(home).support("1").name == "S."


def test_bad_support_input_is_refused(tmp_path: Path) -> None:
    assert_refused(run("support", "--from", "-", input='{"role": "boss"}'), "'role'")
    assert_refused(run("support", "--show", "4"), "4")


async def test_the_support_screen_by_keys(home: Path) -> None:
    app = VeerkrachtApp(Store(home), Content("nl"), start="support")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SupportScreen)
        await type_text(pilot, "Sam")
        await pilot.press("tab", "down", "space", "tab", "space", "down", "down", "space", "tab")
        await type_text(pilot, "stiller in het overleg")
        await pilot.press("tab", "space", "ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Voor je gesprek met Sam" in app.screen.body_text
        assert "ZES VRAGEN AAN JEZELF" in app.screen.body_text
        await pilot.press("enter")
    note = Store(home).support("last")
    assert (note.name, note.role, note.signals, note.hybrid) == (
        "Sam",
        "manager",
        ["quiet", "mistakes"],
        True,
    )
    assert note.noticed == "stiller in het overleg"
