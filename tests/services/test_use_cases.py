"""The use cases both faces call, directly: what each one saves and what it gives back
to be said."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import NOW
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import parse_answers
from veerkracht.core.plan import parse_plan
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.services import plans, your_data
from veerkracht.services.after_talk import mark_kept, save_checkin, save_followup
from veerkracht.services.reflections import change_reflection, save_reflection
from veerkracht.store.store import Store

HEAVY_WORDS = "Ik wil er niet meer zijn."


def test_a_changed_reflection_keeps_its_number_uuid_date_and_notice(store: Store) -> None:
    first = save_reflection(
        store, parse_answers({"feelings": ["tired"], "fear": HEAVY_WORDS}, now=NOW), NOW
    )
    assert first.help_notice
    later = NOW + timedelta(days=3)
    changed = change_reflection(
        store, first, parse_answers({"feelings": ["sad"]}, now=later), heavy=False
    )
    (kept,) = store.entries()
    assert (kept.id, kept.uuid, kept.created) == (first.id, first.uuid, first.created)
    assert kept.feelings == ["sad"] and kept.help_notice and changed.help_notice


def test_a_reflection_decides_its_notice_unless_the_face_did(store: Store) -> None:
    plain = parse_answers({"feelings": ["tired"]}, now=NOW)
    assert not save_reflection(store, plain, NOW).help_notice
    told = parse_answers({"feelings": ["tired"]}, now=NOW)
    assert save_reflection(store, told, NOW, heavy=True).help_notice


def test_a_hard_talk_gives_the_next_route_and_the_dates_already_past(store: Store) -> None:
    entry = save_reflection(store, parse_answers({"feelings": ["tired"]}, now=NOW), NOW)
    late, soon = (
        Agreement("bellen", due=date(2026, 11, 1)),
        Agreement("mailen", due=date(2026, 12, 1)),
    )
    saved = save_followup(
        store, FollowUp(entry="", created=NOW, went=1), [late, soon], entry, NOW.date()
    )
    assert saved.next_route == "next_route" and not saved.heavy
    assert saved.past_due == [late]
    assert [a.what for a in store.agreements()] == ["bellen", "mailen"]
    calm = save_followup(
        store, FollowUp(entry="", created=NOW, went=4, helped=HEAVY_WORDS), [], entry, NOW.date()
    )
    assert calm.next_route is None and calm.heavy


def test_a_heavy_word_in_a_hard_talk_sends_to_the_heavy_route(store: Store) -> None:
    entry = save_reflection(store, parse_answers({"feelings": ["tired"]}, now=NOW), NOW)
    talk = FollowUp(entry="", created=NOW, went=1, helped=HEAVY_WORDS)
    assert save_followup(store, talk, [], entry, NOW.date()).next_route == "next_route_heavy"


def test_a_checkin_ticks_off_what_was_kept(store: Store) -> None:
    entry = save_reflection(store, parse_answers({"feelings": ["tired"]}, now=NOW), NOW)
    save_followup(
        store, FollowUp(entry="", created=NOW, went=4), [Agreement("bellen")], entry, NOW.date()
    )
    (agreement,) = store.agreements()
    saved = save_checkin(store, CheckIn(created=NOW, capacity=5), [agreement.id])
    assert not saved.heavy and store.agreements()[0].done
    mark_kept(store, agreement.id, kept=False)
    assert not store.agreements()[0].done


def test_a_plan_is_paused_resumed_and_stopped_once(store: Store) -> None:
    plan = plans.start_plan(store, parse_plan({}, now=NOW))
    today = NOW.date()
    plans.change_plan(store, plan, "pause", today)
    with pytest.raises(VeerkrachtError) as again:
        plans.change_plan(store, plans.current_plan(store), "pause", today)
    assert again.value.code == "plan_already_paused"
    plans.change_plan(store, plans.current_plan(store), "resume", today)
    with pytest.raises(VeerkrachtError) as running:
        plans.change_plan(store, plans.current_plan(store), "resume", today)
    assert running.value.code == "plan_not_paused"
    plans.change_plan(store, plans.current_plan(store), "stop", today)
    with pytest.raises(VeerkrachtError):
        plans.current_plan(store)


def test_forgetting_that_was_not_interrupted_finishes_nothing(store: Store) -> None:
    entry = save_reflection(store, parse_answers({"feelings": ["tired"]}, now=NOW), NOW)
    assert your_data.finish_forgetting(store, entry.id) is None
    your_data.forget_entry(store, entry)
    assert store.entries() == []
