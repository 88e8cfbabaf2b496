"""The reflection's logic without a screen: who fits, which asks, the summary, drafts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.drive import assert_private
from veerkracht.content import Content
from veerkracht.core.reflection import STEPS, suggest_audience, suggested_asks, summary
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store


@pytest.mark.parametrize(
    ("triggers", "audience"),
    [
        (["workload", "misconduct"], "confidential_adviser"),
        (["health", "workload"], "company_doctor"),
        (["reorganisation"], "hr"),
        (["workload"], "manager"),
        (["unclear_expectations"], "manager"),
        (["not_seen"], "manager"),
        ([], "colleague"),
    ],
)
def test_the_audience_follows_the_triggers(triggers: list[str], audience: str) -> None:
    assert suggest_audience(triggers) == audience


def test_suggested_asks_fit_the_chosen_support() -> None:
    content = Content("nl")
    practical = suggested_asks(["practical"], content)
    assert practical == content.option("support", "practical", "asks")
    assert any("tegen het licht" in ask for ask in practical)
    assert len(suggested_asks(["listening", "practical", "relational"], content)) == 6


def test_without_chosen_support_there_is_one_example_of_each_kind() -> None:
    asks = suggested_asks([], Content("en"))
    assert len(asks) == 5
    assert len(set(asks)) == 5


def test_the_summary_has_a_line_per_step_and_marks_the_private_text() -> None:
    lines = dict(
        summary({"feelings": ["tired"], "intensity": 6, "private": "geheim"}, Content("nl"))
    )
    assert list(lines) == list(STEPS[1:-1])
    assert lines["feelings"] == "moe · 6/10"
    assert lines["boundaries"] == "(alleen voor jou) geheim"
    assert lines["fear"] == "—"


def test_a_draft_round_trips_and_is_private(tmp_path: Path, now: datetime) -> None:
    draft = Draft(Store(tmp_path / "home"), "reflect")
    assert draft.load() is None
    draft.save({"feelings": ["sad"]}, 3, now)
    loaded = draft.load()
    assert loaded is not None
    assert (loaded["answers"], loaded["step"]) == ({"feelings": ["sad"]}, 3)
    assert_private(draft.path)
    draft.clear()
    assert draft.load() is None


def test_a_damaged_draft_is_set_aside_not_lost(tmp_path: Path) -> None:
    draft = Draft(Store(tmp_path), "reflect")
    draft.path.write_text('{"answers": {"feel', encoding="utf-8")
    assert draft.load() is None
    assert draft.path.with_suffix(".damaged").read_text(encoding="utf-8") == '{"answers": {"feel'
