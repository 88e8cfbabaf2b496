"""What the command line says once a record is saved: its id alone on stdout (for
scripts), then, on stderr, dates already past, the help notice and where to go next.
Plain mode said the notice while asking (`asked=True`), so it is not said twice."""

from __future__ import annotations

import typer

from veerkracht.cli.session import Session, help_notice, past_due
from veerkracht.core.model import Entry
from veerkracht.core.records import CheckIn
from veerkracht.core.textsafe import visible
from veerkracht.services.after_talk import SavedCheckIn, SavedFollowUp
from veerkracht.services.plans import SavedDialogue


def reflection(session: Session, entry: Entry, *, asked: bool = False) -> None:
    typer.echo(entry.id)
    if entry.help_notice and not asked:
        help_notice(session)


def followup(session: Session, saved: SavedFollowUp, *, asked: bool = False) -> None:
    typer.echo(saved.followup.id)
    if not asked:
        past_due(session, saved.past_due)
        if saved.heavy:
            help_notice(session)
    if saved.next_route is not None:
        more = session.content.text("safety", "more", "cli")
        route = session.content.text("after", "followup", saved.next_route)
        typer.echo("\n" + route + " " + more, err=True)


def checkin(session: Session, saved: SavedCheckIn, *, asked: bool = False) -> CheckIn:
    typer.echo(saved.checkin.id)
    if saved.heavy and not asked:
        help_notice(session)
    return saved.checkin


def dialogue(session: Session, saved: SavedDialogue, *, asked: bool = False) -> None:
    """A saved talk; language tips on its words unless plain mode gave them already."""
    typer.echo(saved.talk.id)
    if not asked:
        past_due(session, saved.past_due)
        _language_tips(session, [saved.talk.bottleneck, saved.talk.feeling])
        if saved.heavy:
            help_notice(session)


def _language_tips(session: Session, sentences: list[str]) -> None:
    """The language check on what you want to say in a talk, as in `prepare`."""
    from veerkracht.core.language import check

    for finding in check(sentence for sentence in sentences if sentence):
        tip = visible(finding.tip(session.content))
        session.say_text(session.content.text("plan", "dialogue", "language_tip", tip=tip))
