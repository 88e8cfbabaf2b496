"""The support guide: for the colleague or manager who wants to ask how it goes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.errors import ValidationError
from veerkracht.core.guide import build_guide
from veerkracht.core.support_note import manager_tips, parse_support, signal_keys
from veerkracht.render.cards import FORMATS, render_card

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


def test_a_manager_guide_has_every_part(tmp_path: Path, now: datetime) -> None:
    guide = build_guide(parse_support(MANAGER, now=now), Content("nl"))
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


def test_a_colleague_guide_leaves_out_the_manager_part_and_the_call(now: datetime) -> None:
    guide = build_guide(parse_support({"signals": ["tired"]}, now=now), Content("en"))
    keys = [section.key for section in guide.sections]
    assert "manager" not in keys
    text = render_card(guide, "markdown")
    assert "video call" not in text
    assert "For your conversation with your colleague" in text
    assert "you have busy or heavy weeks too" in text  # normalising, colleague to colleague
    assert "100 percent" not in text  # flexible solutions are the manager's to offer


def test_judgements_in_what_was_noticed_get_a_calmer_way(now: datetime) -> None:
    guide = build_guide(
        parse_support({"noticed": "Hij is altijd te laat."}, now=now), Content("nl")
    )
    noticed = guide.sections[0].lines
    assert any("concreet moment" in line for line in noticed)


@settings(deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    output_format=st.sampled_from(FORMATS),
    role=st.sampled_from(["colleague", "manager"]),
    signals=st.lists(st.sampled_from(signal_keys()), unique=True, max_size=3),
)
def test_the_guide_never_holds_a_name_the_user_did_not_enter(
    language: str, output_format: str, role: str, signals: list[str], now: datetime
) -> None:
    note = parse_support({"role": role, "signals": signals}, now=now)
    text = render_card(build_guide(note, Content(language)), output_format)
    named = parse_support({"role": role, "signals": signals, "name": "Zwaantje"}, now=now)
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
def test_refusals_name_the_field(data: dict, code: str, field: str, now: datetime) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_support(data, now=now)
    assert (caught.value.code, caught.value.field) == (code, field)
