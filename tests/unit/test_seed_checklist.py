"""Every concrete item of the five source articles the product is built on, and where the
product says it. Losing one fails here: each item names a short quote from its article,
the article, the place in the content (file and key path) and a distinctive phrase that
place must still carry, in Dutch and in English.

The articles themselves are not read here; what is needed from them is copied below.
Items the product leaves out on purpose (the cost figures, the theory behind leaders as
examples, insurance history, the therapist's own sessions) are listed at the end.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest

from veerkracht.content import LANGUAGES, load

#: The five articles, by file name in the seed set.
SEEDS = {
    "000": "000_bab7dbc0c52e6ddc.txt: emotionele steun op het werk",
    "001": "001_40243a7145df900c.txt: mentale veerkracht, 6 tips voor leidinggevenden",
    "002": "002_67be22cef1012c07.txt: herstelzorg op de werkvloer (herstelplan)",
    "003": "003_8654a6bf31604d42.txt: burn-out ontstaat in relatie",
    "004": "004_37fa28a6007a4ce1.txt: je collega is geen robot",
}


class Item(NamedTuple):
    seed: str
    quote: str  # a short quote from the article
    where: str  # content file and key path: "support.manager.one_on_ones.tip"
    nl: str  # a phrase that place must hold in Dutch …
    en: str  # … and in English


CHECKLIST = (
    # -- 000: emotionele steun op het werk ------------------------------------------------
    Item("000", "geen teken van zwakte", "scripts.tips.not_alone",
         "geen zwakte", "not a weakness"),
    Item("000", "een hoge werkdruk", "options.triggers.workload.label",
         "hoge werkdruk", "workload"),
    Item("000", "een reorganisatie", "options.triggers.reorganisation.label",
         "reorganisatie", "reorganisation"),
    Item("000", "conflicten in het team", "options.triggers.conflict.label",
         "conflict", "conflict"),
    Item("000", "zorgen thuis", "options.triggers.home.label", "thuis", "home"),
    Item("000", "gezondheidsproblemen", "options.triggers.health.label",
         "gezondheid", "health"),
    Item("000", "piekeren", "options.impact.rumination.label", "piekeren", "worrying"),
    Item("000", "concentratieproblemen", "options.impact.concentration.label",
         "concentratie", "concentrating"),
    Item("000", "Luisterende steun: iemand die echt naar je luistert",
         "options.support.listening.hint", "echt luistert", "really listens"),
    Item("000", "Bevestigende steun: … dat je niet ‘aanstelt’ of overdrijft",
         "options.support.validating.hint", "niet overdrijft", "not overreacting"),
    Item("000", "Praktische steun: … het bijstellen van deadlines",
         "options.support.practical.hint", "deadlines bijstellen", "moving deadlines"),
    Item("000", "Informatieve steun: tips, ervaringen of kennis delen",
         "options.support.informational.hint", "tips, ervaringen of kennis",
         "tips, experience or knowledge"),
    Item("000", "Relationele steun: … een team dat achter je staat",
         "options.support.relational.hint", "team hoort dat achter je staat", "has your back"),
    Item("000", "Angst voor oordeel", "options.barriers.judgement.label",
         "angst voor oordeel", "fear of judgement"),
    Item("000", "Perfectionisme: … dat je alles zelf moet kunnen",
         "options.barriers.perfectionism.hint", "alles zelf moet kunnen",
         "manage everything yourself"),
    Item("000", "Onzekere organisatiecultuur: … kwetsbaarheid als ‘soft’",
         "options.barriers.unsafe_culture.hint", "kwetsbaar", "being open"),
    Item("000", "je ‘niet zo moest aanstellen’", "options.barriers.bad_experiences.hint",
         "niet zo moest aanstellen", "not to make such a fuss"),
    Item("000", "Onduidelijkheid over grenzen: … wat je wel en niet mag delen",
         "options.barriers.unclear_boundaries.hint", "wel en niet kunt delen",
         "can and can’t share"),
    Item("000", "Je hoeft ze niet van de ene op de andere dag te overwinnen",
         "reflect.steps.barriers.explain", "niet in één keer", "all at once"),
    Item("000", "Sta stil bij wat je precies voelt", "reflect.steps.feelings.question",
         "wat voel je", "what are you feeling"),
    Item("000", "Bedenk welk effect dit heeft op je werk", "reflect.steps.impact.question",
         "met je werk", "your work"),
    Item("000", "Vraag jezelf af wat je hoopt dat er verandert",
         "reflect.steps.help.question", "wat hoop je dat er verandert", "hope will change"),
    Item("000", "Het gaat niet om een perfect verhaal", "options.barriers.perfectionism.tip",
         "geen perfect verhaal", "perfect story"),
    Item("000", "Je leidinggevende: … het meeste kan regelen",
         "options.audiences.manager.hint", "het meest regelen", "arrange the most"),
    Item("000", "HR: bij structurele problemen, langdurige overbelasting",
         "options.audiences.hr.when", "langdurige overbelasting", "overload has lasted"),
    Item("000", "grensoverschrijdend gedrag, pesten, discriminatie",
         "options.audiences.confidential_adviser.when", "discriminatie", "discrimination"),
    Item("000", "Vertrouwenspersoon of bedrijfsmaatschappelijk werk",
         "options.audiences.confidential_adviser.when", "bedrijfsmaatschappelijk werk",
         "company social work"),
    Item("000", "Vertrouwenspersoon of bedrijfsmaatschappelijk werk", "safety.hulp",
         "bedrijfsmaatschappelijk werk", "company social work"),
    Item("000", "werkdruk die hele afdelingen treft", "options.audiences.works_council.when",
         "hele afdelingen", "whole departments"),
    Item("000", "Begin bij de persoon bij wie de stap het kleinste voelt",
         "reflect.steps.audience.explain", "stap het kleinst voelt", "feels easiest to approach"),
    Item("000", "Ik merk dat ik de laatste tijd erg onder druk sta",
         "scripts.audiences.manager.opening", "erg onder druk sta", "under a lot of pressure"),
    Item("000", "Heb je een moment om rustig te zitten? Ik loop ergens mee rond",
         "scripts.audiences.colleague.opening", "ik loop ergens mee rond",
         "something is on my mind"),
    Item("000", "Ik merk dat mijn werk daar ook onder begint te lijden",
         "scripts.audiences.manager.opening", "eronder begint te lijden",
         "starting to suffer"),
    Item("000", "Dit gesprek is niet makkelijk voor me",
         "scripts.audiences.colleague.opening", "niet makkelijk voor me", "isn't easy for me"),
    Item("000", "vooraf te vragen of het moment uitkomt", "scripts.tips.moment",
         "vraag eerst of het uitkomt", "ask first if it's a good time"),
    Item("000", "Je hoeft geen details te geven over je privéleven",
         "reflect.steps.boundaries.help", "geen details te geven over je privéleven",
         "give details about your private life"),
    Item("000", "kun je zeggen dat je liever bij de hoofdlijnen blijft",
         "reflect.steps.boundaries.help", "bij de hoofdlijnen blijft", "main points"),
    Item("000", "kun je zeggen dat je liever bij de hoofdlijnen blijft",
         "scripts.boundaries.decline", "bij de hoofdlijnen", "main points"),
    Item("000", "zonder alle achterliggende verhalen te hoeven uitleggen",
         "scripts.triggers.home.discreet", "niet in detail", "go into in detail"),
    Item("000", "mijn taken voor de komende weken samen tegen het licht houden",
         "scripts.audiences.manager.asks", "tegen het licht houden", "go through my tasks"),
    Item("000", "tijdelijk één project minder te doen", "scripts.audiences.manager.asks",
         "één project minder", "drop one project"),
    Item("000", "duidelijke grenzen te stellen naar andere afdelingen",
         "options.support.practical.asks", "grenzen te stellen naar andere afdelingen",
         "boundaries with other departments"),
    Item("000", "Zou je af en toe met me willen checken hoe het gaat",
         "scripts.audiences.manager.asks", "af en toe willen vragen hoe het met me gaat",
         "now and then how I'm doing"),
    Item("000", "iemand die stiller is dan normaal", "support.signals.quiet.label",
         "stiller dan normaal", "quieter than usual"),
    Item("000", "geïrriteerd reageert", "support.signals.irritable.label",
         "geïrriteerd", "irritated"),
    Item("000", "opeens veel fouten maakt", "support.signals.mistakes.label",
         "meer fouten", "more mistakes"),
    Item("000", "Normaliseer het gesprek: … dat je een drukke periode hebt",
         "support.opening_colleague.own_weeks", "drukke of zware weken", "busy or heavy weeks"),
    Item("000", "Luister meer dan je praat", "support.listening.more",
         "luister meer dan je praat", "listen more than you talk"),
    Item("000", "de één wil advies, de ander alleen een luisterend oor",
         "support.needs.ask", "de één wil advies", "one person wants advice"),
    Item("000", "Als collega hoef je geen therapeut of coach te zijn",
         "support.boundaries.no_therapist", "therapeut of coach", "therapist or coach"),
    Item("000", "Wees eerlijk als het te veel wordt", "support.boundaries.too_much",
         "wees eerlijk als het jou te veel wordt", "be honest when it gets too much"),
    Item("000", "de rol van ‘reddende engel’", "support.boundaries.distance",
         "reddende engel", "rescuer"),
    Item("000", "Respecteer vertrouwelijkheid … tenzij er sprake is van onveilige situaties",
         "support.boundaries.confidential", "in vertrouwen", "in confidence"),
    Item("000", "professionele ondersteuning (bijvoorbeeld via bedrijfsarts of psycholoog)",
         "support.boundaries.refer", "langdurige of zware klachten",
         "long-lasting or heavy complaints"),
    Item("000", "Heldere communicatie over beschikbare ondersteuning",
         "scripts.tips.works_council.always", "heldere communicatie over de steun",
         "clear communication about the support"),
    Item("000", "Ruimte … voor reflectie, bijvoorbeeld via regelmatige check-ins, teamdagen "
         "of intervisie", "scripts.tips.works_council.always",
         "check-ins, teamdagen of intervisie", "team days or peer supervision (intervisie)"),
    Item("000", "Een duidelijke visie op werkdruk en bereikbaarheid",
         "scripts.tips.works_council.always", "visie op werkdruk en bereikbaarheid",
         "clear view on workload and being reachable"),
    Item("000", "Training voor leidinggevenden", "support.manager.policy.tip",
         "training", "training"),
    Item("000", "Benoem eerlijk dat je het spannend vindt", "options.barriers.judgement.tip",
         "dat je het spannend vindt", "this feels scary"),
    Item("000", "Kijk na elk gesprek wat je geholpen heeft en wat je volgende stap kan zijn",
         "after.followup.intro", "wat is je volgende stap", "what is your next step"),
    Item("000", "Wees mild voor jezelf …; oefenen hoort erbij", "after.followup.gentle",
         "oefenen hoort erbij", "practice is part of it"),
    # -- 001: zes tips voor leidinggevenden -------------------------------------------------
    Item("001", "Eén op de vijf werknemers in Nederland ervaart wel eens burn-outklachten",
         "scripts.tips.not_alone", "één op de vijf", "one in five"),
    Item("001", "dat je zelf ook kwetsbaar durft te zijn", "support.manager.open.tip",
         "kwetsbaar", "vulnerable"),
    Item("001", "Voer 1-op-1 gesprekken met teamleden, waarin je het mentaal welzijn bespreekt",
         "support.manager.one_on_ones.tip", "1-op-1 gesprekken", "one-to-one conversations"),
    Item("001", "… of bij het koffiezetapparaat in te checken", "support.manager.one_on_ones.tip",
         "koffiezetapparaat", "coffee machine"),
    Item("001", "Bagatelliseer en medicaliseer de klachten niet", "support.manager.listening.tip",
         "bagatelliseer en medicaliseer", "play down or medicalise"),
    Item("001", "Soms is … het bieden van een luisterend oor al genoeg",
         "support.listening.no_rush", "luisterend oor al genoeg", "listening ear is enough"),
    Item("001", "dat je niet op e-mails reageert buiten werktijd",
         "support.manager.example.question",
         "geen mail", "no email"),
    Item("001", "Heb oog voor hybride werkvormen … bel even op", "support.manager.hybrid.tip",
         "bel even", "give them a call"),
    Item("001", "Koppel beleid en trainingen aan leidinggevende vaardigheden",
         "support.manager.policy.tip", "signaleren, luisteren, openheid",
         "noticing, listening, openness"),
    Item("001", "Geef zelf het goede voorbeeld in een gezonde werk-privébalans",
         "support.manager.example.tip", "werk-privébalans", "work–life balance"),
    # -- 002: herstelzorg op de werkvloer ------------------------------------------------
    Item("002", "herstel vaak een zaak van maanden", "scripts.tips.company_doctor.heavy",
         "maanden, niet weken", "months, not weeks"),
    Item("002", "herstel vaak een zaak van maanden", "support.follow_up.months",
         "maanden, niet weken", "months, not weeks"),
    Item("002", "een periode van acht weken", "help.commands.plan.short",
         "acht weken", "eight weeks"),
    Item("002", "wat ging goed", "after.checkin.went_well", "wat ging goed", "what went well"),
    Item("002", "waar lagen de uitdagingen", "after.checkin.was_hard",
         "wat was lastig", "what was hard"),
    Item("002", "wat is er geleerd", "after.checkin.learned", "geleerd", "learn"),
    Item("002", "wat kan volgende keer anders", "after.checkin.do_differently",
         "volgende keer anders", "differently next time"),
    Item("002", "de regie over het eigen herstel wordt versterkt", "after.checkin.saved_text",
         "regie over je herstel", "in charge of your recovery"),
    Item("002", "wekelijks twee dialooggesprekken … samen met een collega", "plan.ui.talks",
         "gaat uit van twee", "suggests two"),
    Item("002", "verwachtingen uit te spreken", "plan.dialogue.expect_me",
         "wat verwacht jij", "what do you expect"),
    Item("002", "verslagen worden besproken en gevalideerd door de betrokkenen",
         "plan.report.check_done", "met de betrokkenen", "with the people involved"),
    Item("002", "Na toestemming van de werknemer … gedeeld met de direct verantwoordelijke",
         "plan.share.subtitle", "met toestemming", "shared by me, section by section"),
    Item("002", "Het traject vraagt bovendien reflectief vermogen en bereidheid om open te "
         "communiceren", "plan.ui.suitable", "open wilt praten", "talk openly"),
    Item("002", "kan dit plan te confronterend zijn", "plan.ui.suitable",
         "te confronterend", "too confronting"),
    Item("002", "is aanvullende of intensievere begeleiding nodig", "plan.ui.suitable",
         "intensievere begeleiding", "more intensive help"),
    Item("002", "in overleg … contact … met de bedrijfsarts of huisarts", "plan.ui.suitable",
         "bedrijfsarts of huisarts", "company doctor (bedrijfsarts) or GP"),
    Item("002", "in overleg … contact … met de bedrijfsarts of huisarts",
         "plan.attention.advice", "bedrijfsarts of huisarts", "company doctor or your GP"),
    Item("002", "Vertrouwen", "after.pillars.trust.label", "vertrouwen", "trust"),
    Item("002", "Begrip", "after.pillars.understanding.label", "begrip", "understanding"),
    Item("002", "Samenwerking", "after.pillars.collaboration.label",
         "samenwerking", "collaboration"),
    Item("002", "Communicatie", "after.pillars.communication.label",
         "communicatie", "communication"),
    # -- 003: burn-out ontstaat in relatie ---------------------------------------------
    Item("003", "Wat gebeurt er tussen jou en je werk, in plaats van alleen in jou?",
         "reflect.steps.relations.question",
         "wat gebeurt er tussen jou en je werk, in plaats van alleen in jou?",
         "between you and your work, rather than only inside you?"),
    Item("003", "Welke relaties kosten je energie", "reflect.fields.drains",
         "kost je energie", "costs you energy"),
    Item("003", "en welke geven iets terug", "reflect.fields.gives",
         "geeft je juist iets terug", "gives you something back"),
    Item("003", "Wat wordt er van je verwacht?", "reflect.fields.expected",
         "wat wordt er van je verwacht", "what is expected of you"),
    Item("003", "Wat spreek je eigenlijk niet uit?", "reflect.fields.unspoken",
         "wat spreek je eigenlijk niet uit", "leave unsaid"),
    Item("003", "je niet gezien of gehoord voelen", "options.triggers.not_seen.label",
         "niet gezien of gehoord", "not seen or heard"),
    Item("003", "steeds aanpassen aan anderen", "options.triggers.always_adapting.label",
         "steeds aanpassen aan anderen", "adapting to others"),
    Item("003", "loyaliteit tonen ten koste van jezelf", "options.triggers.loyalty_cost.label",
         "loyaliteit", "loyalty"),
    Item("003", "verantwoordelijkheid dragen zonder echte steun",
         "options.triggers.responsibility_without_support.label",
         "verantwoordelijkheid zonder steun", "responsibility without support"),
    Item("003", "“Het ligt niet alleen aan mij.”", "reflect.steps.triggers.explain",
         "het ligt niet alleen aan jou", "it is not only about you"),
    Item("003", "niet alleen iets zegt over draagkracht, maar ook over draaglast",
         "after.checkin.capacity", "draagkracht", "capacity"),
    Item("003", "niet alleen iets zegt over draagkracht, maar ook over draaglast",
         "after.checkin.load", "draaglast", "load"),
    # -- 004: je collega is geen robot ----------------------------------------------------
    Item("004", "levens vol mantelzorg", "options.triggers.caregiving.label",
         "mantelzorg", "caring"),
    Item("004", "Alsof je even pauze kunt nemen van rouw", "options.triggers.grief.label",
         "rouw", "grief"),
    Item("004", "Je laat je thuissituatie niet bij de deur achter",
         "options.triggers.home.hint", "bij de deur achter", "at the door"),
    Item("004", "“Ik zit er even doorheen.”", "scripts.audiences.colleague.opening",
         "ik zit er even doorheen", "rough patch"),
    Item("004", "Vraag hoe het écht gaat", "support.opening.ask",
         "hoe gaat het écht", "how are you really"),
    Item("004", "Een simpel “Hoe is het thuis” kan veel betekenen", "support.opening.home",
         "hoe is het thuis", "how are things at home"),
    Item("004", "niemand altijd op 100% functioneert … flexibele oplossingen",
         "support.needs.flexible", "flexibele oplossingen", "flexible solutions"),
    Item("004", "niemand altijd op 100% functioneert", "scripts.tips.manager.always",
         "100 procent", "100 percent"),
    Item("004", "“Je hoeft geen therapeut te zijn om te luisteren.”", "support.card.footer",
         "geen therapeut te zijn om te luisteren", "therapist to listen"),
)  # fmt: skip

#: The count this file holds, named so that a shrinking list shows in review.
ITEM_COUNT = 113

#: In the articles, but not the product's to say: left out on purpose.
LEFT_OUT = (
    "001: TNO figures (11 miljoen verzuimdagen, 11.000 euro per werknemer)",
    "001: Bandura's Social Cognitive Theory and its four steps of modeling",
    "002: since 1991 burn-out is work-related, so the basic insurance does not pay",
    "002: the therapist's weekly sessions and the cost of the programme (investering)",
    "003: what zakelijke zorg should change (a message to care providers)",
)


def _texts(where: str, language: str) -> list[str]:
    """The words at `where` ("file.key.key…") in `language`: one text, or a list."""
    name, *path = where.split(".")
    node: Any = load(name)
    for key in path:
        node = node[key]
    value = node[language]
    return list(value) if isinstance(value, list) else [value]


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).casefold()


def test_the_checklist_names_its_size() -> None:
    count = len(CHECKLIST)
    print(f"seed checklist: {count} items from {len(SEEDS)} articles")
    assert count == ITEM_COUNT
    assert count >= 40
    assert {item.seed for item in CHECKLIST} == set(SEEDS)


@pytest.mark.parametrize(
    "item", CHECKLIST, ids=[f"{i + 1:03}-{item.where}" for i, item in enumerate(CHECKLIST)]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_content_still_carries_the_item(item: Item, language: str) -> None:
    phrase = getattr(item, language)
    texts = _texts(item.where, language)
    found = any(_plain(phrase) in _plain(text) for text in texts)
    assert found, (
        f"seed {item.seed} ({item.quote!r}) is no longer said at {item.where} [{language}]: "
        f"expected {phrase!r} in {texts!r}"
    )


def test_every_item_has_a_quote_and_a_place() -> None:
    for item in CHECKLIST:
        assert item.quote and re.fullmatch(r"[a-z_]+(\.[\w ]+)+", item.where), item
