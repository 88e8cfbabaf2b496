"""The language check, sentence by sentence: what it names, what it leaves alone, and the
calmer way it offers (the corpus itself is in tests/test_language_corpus.py)."""

from __future__ import annotations

import pytest

from veerkracht.content import Content
from veerkracht.core.language import Rewording, check, sentences

NL, EN = Content("nl"), Content("en")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The misses a native editor found in the first version.
        ("Ik voel dat je me negeert", "thought_as_feeling"),
        ("Je negeert me in elk overleg", "blame"),
        ("Jullie laten me gewoon barsten", "blame"),
        ("Ik vind dat je me oneerlijk behandelt", "blame"),
        ("Hij is gewoon lui", "label"),
        ("Als dit niet verandert, meld ik me ziek", "ultimatum"),
        ("Jij luistert nooit naar mij.", "generalisation"),
        ("You never listen to me.", "generalisation"),
        ("Sanne onderbreekt me altijd in het overleg.", "generalisation"),
        ("Het is jouw schuld dat ik zo moe ben.", "blame"),
        ("Jij moet ook eens naar mij luisteren.", "demand"),
        ("Ik heb het gevoel dat jij me niet serieus neemt.", "thought_as_feeling"),
        ("I feel that you don’t care.", "thought_as_feeling"),
        ("I want you to fix this.", "demand"),
        ("Ruud is een narcist.", "label"),
        ("Everyone dumps their work on me.", "generalisation"),
        # The misses in issue 27, typed in a hurry.
        ("je vindt mij vast een zeur", "mind_reading"),
        ("i know you think im weak", "mind_reading"),
        ("nou fijn hoor dat ik weer alles mag opknappen", "sarcasm"),
        ("als dit zo doorgaat zeg ik per 1 maart op", "ultimatum"),
        ("die afdeling van jou is een stelletje amateurs", "label"),
        ("jullie doen alsof ik er niet ben", "you_statement"),
        ("jullie hebben mij altijd al laten zitten", "blame"),
        ("het stelt waarschijnlijk niks voor maar ik slaap slecht", "minimising"),
        ("jij komt altyd te laat", "generalisation"),
    ],
)
def test_sentences_that_derail_a_conversation_are_named_once(text: str, kind: str) -> None:
    (finding,) = check([text])
    assert (finding.check, finding.sentence) == (kind, text)


@pytest.mark.parametrize(
    "text",
    [
        # The false alarms a native editor found in the first version.
        "Ik heb altijd al graag hier gewerkt",
        "Mag ik altijd bij je aankloppen?",
        "Niemand weet nog dat het thuis zwaar is",
        "Ik wil dat je stopt met die grappen over mijn afkomst",
        # About oneself, kind, a fact, a request.
        "Ik voel me moe en gespannen.",
        "Ik voel me onzeker sinds de reorganisatie.",
        "Je staat altijd voor me klaar, dat waardeer ik.",
        "Door jou heb ik weer zin in mijn werk.",
        "Ik wil melding maken van ongewenst gedrag door mijn teamleider.",
        "Zou je af en toe willen vragen hoe het met me gaat?",
        "I want the comments about my religion to stop.",
        "Ik werk al jaren bij de afdeling Nooitgedacht.",
        # The false alarms in issue 27: a request, and an absolute that is kind.
        "zou je willen meedenken over wat ik kan laten vallen",
        "youve always been easy to talk to",
        "Ik ben iemand die moeilijk nee zegt.",
    ],
)
def test_calm_sentences_and_firm_boundaries_are_left_alone(text: str) -> None:
    assert check([text]) == []


def test_each_sentence_is_checked_on_its_own() -> None:
    findings = check(["Ik ben moe. Jij doet nooit iets! Kunnen we praten?"])
    assert [f.sentence for f in findings] == ["Jij doet nooit iets!"]


def test_a_demand_becomes_a_question_in_its_own_language() -> None:
    (dutch,) = check(["Je moet mijn werk overnemen."])
    (english,) = check(["You need to move my deadline."])
    assert dutch.suggestion(NL) == "Zou je mijn werk willen overnemen?"
    assert english.suggestion(NL) == "Could you move my deadline?"


@pytest.mark.parametrize(
    ("text", "content", "calmer"),
    [
        # The reproach goes, the meaning stays.
        ("je moet nu eindelijk eens iets doen", NL, "Zou je iets willen doen?"),
        (
            "nou fijn hoor dat ik weer alles mag opknappen", NL,
            "Eerlijk gezegd vind ik het lastig dat ik weer alles mag opknappen. "
            "Ik voel me [wat je voelt].",
        ),
        (
            "het stelt waarschijnlijk niks voor maar ik slaap slecht", NL,
            "Het is belangrijk voor me om dit te zeggen: ik slaap slecht.",
        ),
        ("sorry dat ik zeur", NL, "Dit raakt me, en het is belangrijk voor me om het te zeggen."),
        (
            "je vindt mij vast een zeur", NL,
            "Ik merk dat ik invul wat jij ervan denkt, en dat maakt me [wat je voelt]. "
            "Hoe zie jij het?",
        ),
        (
            "jullie doen alsof ik er niet ben", NL,
            "Ik merk dat wat ik doe weinig lijkt aan te komen, en ik voel me [wat je voelt]. "
            "Ik heb er behoefte aan dat [wat je nodig hebt].",
        ),
        (
            "its probably nothing but ive been crying a lot", EN,
            "It matters to me to say this: ive been crying a lot.",
        ),
    ],
)  # fmt: skip
def test_each_kind_has_its_own_calmer_way(text: str, content: Content, calmer: str) -> None:
    (finding,) = check([text])
    assert finding.suggestion(content) == calmer


def test_a_rewrite_uses_the_users_own_feeling_need_and_request() -> None:
    (finding,) = check(["Als dit niet verandert, meld ik me ziek."])
    words = Rewording("gespannen", "we samen kijken wat er kan", "met me naar mijn taken kijken")
    assert finding.suggestion(NL, words) == (
        "Ik merk dat ik het zo niet lang meer volhoud, en dat maakt me gespannen. "
        "Ik wil graag met je kijken wat er kan veranderen. "
        "Zou je bijvoorbeeld met me naar mijn taken kijken?"
    )


def test_without_answers_the_rewrite_shows_what_to_fill_in() -> None:
    (finding,) = check(["Ik voel me genegeerd."])
    assert finding.suggestion(NL) == (
        "Als [wat er gebeurde], voel ik me [wat je voelt]. "
        "Ik heb er behoefte aan dat [wat je nodig hebt]."
    )


def test_a_tip_quotes_the_sentence_says_why_and_offers_a_rewrite() -> None:
    (finding,) = check(["Je negeert me in elk overleg."])
    tip = finding.tip(NL)
    assert tip.startswith("‘Je negeert me in elk overleg.’ Dit kan klinken als een verwijt")
    assert "Bijvoorbeeld: ‘Toen mijn punt in het overleg niet aan bod kwam" in tip
    assert "For example: ‘When my point didn't come up in the meeting" in finding.tip(EN)


def test_json_gives_sentence_check_and_suggestion() -> None:
    (finding,) = check(["Hij is gewoon lui."])
    assert set(finding.to_json(EN)) == {"sentence", "check", "suggestion"}


def test_sentences_are_split_on_punctuation_and_lines() -> None:
    assert sentences("Een. Twee?\nDrie!  ") == ["Een.", "Twee?", "Drie!"]
