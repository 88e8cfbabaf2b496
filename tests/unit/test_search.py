"""History search in the core: every word (AND), any case, with or without accents, in the
user's own words, the private text and what belongs to a reflection; snippets around the
words found."""

from __future__ import annotations

from datetime import datetime

from veerkracht.content import Content
from veerkracht.core.model import Entry, parse_answers
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.search import Query, SearchIndex, snippet

NOW = datetime.fromisoformat("2026-11-20T09:00:00+01:00")


def entry(**answers: object) -> Entry:
    made = parse_answers({"feelings": ["tired"], **answers}, now=NOW)
    made.id = str(answers.get("id", "1"))
    return made


def found(index: SearchIndex, words: str, *entries: Entry) -> list[Entry]:
    return index.entries(Query.parse(words), entries)


def test_case_and_accents_do_not_matter_either_way() -> None:
    cafe = entry(triggers_note="Één keer per week overleg in het CAFÉ met Zoë.")
    index = SearchIndex()
    assert found(index, "een cafe zoe", cafe) == [cafe]
    assert found(index, "ÉÉN Café", cafe) == [cafe]
    plain = entry(feelings_note="een cafe")
    assert found(index, "café", plain) == [plain]


def test_every_word_must_be_there_though_not_in_one_field() -> None:
    both = entry(triggers_note="de reorganisatie", fear="dat ik slecht slaap")
    one = entry(triggers_note="de reorganisatie")
    index = SearchIndex()
    assert found(index, "Reorganisatie, slaap!", both, one) == [both]
    assert found(index, "reorganisatie", both, one) == [both, one]
    assert found(index, "reorganisatie vakantie", both, one) == []


def test_the_private_text_relations_asks_follow_ups_and_agreements_are_searched() -> None:
    mine = entry(private="Ik slaap bijna niet.", relations={"drains": "het teamoverleg"},
                 asks=["Kunnen we de planning doorlopen?"])  # fmt: skip
    talk = FollowUp(entry=mine.uuid, created=NOW, helped="Ze luisterde echt.")
    deal = Agreement(what="Deadlines later", who="Ilse", entry=mine.uuid)
    index = SearchIndex([talk], [deal])
    for words in ("slaap", "teamoverleg", "planning", "luisterde", "deadlines ilse"):
        assert found(index, words, mine) == [mine], words
    where = index.where(Query.parse("slaap"), mine)
    assert where is not None and where.field == "private" and where.private
    assert index.where(Query.parse("ilse"), mine).field == "agreement.who"


def test_names_of_the_options_chosen_are_found_in_the_users_language() -> None:
    tired = entry(triggers=["workload"])
    index = SearchIndex(label=Content("nl").label)
    assert found(index, "moe werkdruk", tired) == [tired]
    assert found(SearchIndex(), "moe", tired) == []


def test_a_snippet_prefers_text_that_is_not_private_and_marks_the_words() -> None:
    mine = entry(private="slaap", share="Ik SLAAP slecht en ben moe.")
    where = SearchIndex().where(Query.parse("slaap"), mine)
    assert where is not None and where.field == "share"
    start, end = where.snippet.marks[0]
    assert where.snippet.text[start:end] == "SLAAP"


def test_check_ins_are_searched_on_their_own() -> None:
    week = CheckIn(created=NOW, was_hard="Slecht geslapen", pillars={"trust": "Vertrouwen groeit"})
    index = SearchIndex()
    assert index.checkins(Query.parse("geslapen"), [week]) == [week]
    assert index.where(Query.parse("vertrouwen"), week).field == "pillars.trust"


def test_a_snippet_is_one_line_cut_between_words_around_the_first_word() -> None:
    text = "Het begon al in de zomer.\n\n" + "Veel werk en weinig rust. " * 4 + "Ik slaap slecht."
    piece = snippet(text, ("slaap",), width=40)
    assert piece.text.startswith("…") and not piece.text.endswith("…")
    assert "\n" not in piece.text and len(piece.text) <= 42
    assert "slaap" in piece.text and not piece.text[1:].startswith(" ")
    assert snippet("Één café", ("cafe",)).marks == ((4, 8),)


def test_a_query_of_only_spaces_and_punctuation_is_empty() -> None:
    assert not Query.parse("  , … ")
    assert Query.parse("„Slaap”, slaap").words == ("slaap",)
