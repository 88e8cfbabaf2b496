"""Which screen comes next: the one place that makes screens. Screens never make each
other; they ask the app (a message), and the app asks this.

A flow is a route's name, with an argument after a colon for the routes that take one
("data:export"); `ROUTES` says what each name makes. Screens are imported only when one
is made, so start-up stays quick."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry, now
from veerkracht.screens.base import S, in_language
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

if TYPE_CHECKING:
    from veerkracht.core.plan import Plan
    from veerkracht.core.progress import PlanState
    from veerkracht.core.scripts import Script

#: What every flow falls back to: the whole reflection.
DEFAULT = "reflect"


@dataclass(frozen=True)
class Ask:
    """What a screen is asked for: the flow's argument ("export" in "data:export"), the
    reflection it is about, the talk script to prepare."""

    argument: str | None = None
    entry: Entry | None = None
    script: Script | None = None


@dataclass(frozen=True)
class Route:
    """How to make a flow's screen. `needs_entry`: it is about a reflection (the latest
    when none is given); `takes_argument`: it reads the part after the colon."""

    make: Callable[[Navigator, Ask], Screen]
    needs_entry: bool = False
    takes_argument: bool = False


def parse(flow: str) -> tuple[str, str | None]:
    """A flow as (route name, argument): "data:export" is ("data", "export")."""
    name, _, argument = flow.partition(":")
    return name, argument or None


@dataclass
class Navigator:
    store: Store
    content: Content
    #: "Today" for patterns; fixed by tests so screenshots do not age.
    today: date | None = None

    def screen(
        self, flow: str, *, entry: Entry | None = None, script: Script | None = None
    ) -> Screen | None:
        """The screen of `flow`; None when it needs a reflection and there is none yet.
        A flow that is no route (or gives an argument to one that takes none) is the
        reflection."""
        name, argument = parse(flow)
        route = ROUTES.get(name)
        if route is None or (argument is not None and not route.takes_argument):
            name, argument, route = DEFAULT, None, ROUTES[DEFAULT]
        if route.needs_entry and entry is None and script is None:
            entries = self.store.entries()
            if not entries:
                return None
            entry = entries[-1]
        return route.make(self, Ask(argument, entry, script))

    def make(self, screen: type[S], *args: Any, **kwargs: Any) -> S:
        """`screen` on the store, in the user's words: its keys too (screens.base:
        in_language). `args` are what it takes after the store and the words."""
        return in_language(screen, self.content)(self.store, self.content, *args, **kwargs)

    # -- the recovery plan: screens about a plan need one (a talk, a running one) --------

    def plan_state(self) -> PlanState:
        """The plan's state; refused when there is no plan."""
        from veerkracht.services.plans import plan_state

        state = plan_state(self.store, now().date())
        if state is None:
            raise VeerkrachtError("no_plan")
        return state

    @staticmethod
    def open_plan(state: PlanState) -> Plan:
        """The plan, refused unless it is still open (running or paused)."""
        if not state.plan.is_open():
            raise VeerkrachtError("no_plan")
        return state.plan


# -- the routes ------------------------------------------------------------------------


def _reflect(nav: Navigator, ask: Ask, *, short: bool = False) -> Screen:
    from veerkracht.screens.reflect import ReflectScreen

    # The short reflection shares the draft: what is begun in one carries on in the other.
    draft = Draft(nav.store, "reflect")
    return nav.make(ReflectScreen, draft, short=short)


def _short(nav: Navigator, ask: Ask) -> Screen:
    return _reflect(nav, ask, short=True)


def _edit(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.reflect import ReflectScreen

    assert ask.entry is not None
    draft = Draft(nav.store, f"edit-{ask.entry.id}")
    return nav.make(ReflectScreen, draft, ask.entry)


def _prepare(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.core.scripts import build_script  # the card writer: only for a card
    from veerkracht.screens.prepare import PrepareScreen

    assert ask.entry is not None or ask.script is not None
    script = ask.script or build_script(ask.entry, nav.content)  # type: ignore[arg-type]
    return nav.make(PrepareScreen, script)


def _followup(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.after import FollowupScreen

    assert ask.entry is not None
    return nav.make(FollowupScreen, ask.entry)


def _share(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.share import ShareScreen

    assert ask.entry is not None
    return nav.make(ShareScreen, ask.entry)


def _home(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.home import HomeScreen

    return nav.make(HomeScreen, nav.today)


def _support(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.support import SupportScreen

    return nav.make(SupportScreen)


def _checkin(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.after import CheckinScreen

    return nav.make(CheckinScreen, nav.store.contents().agreements)


def _history(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.history import HistoryScreen

    return nav.make(HistoryScreen, nav.today)


def _data(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.data import DataScreen

    return nav.make(DataScreen, ask.argument)


def _agreements(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.agreements import AgreementsScreen

    return nav.make(AgreementsScreen)


def _safety(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.safety import SafetyScreen

    return nav.make(SafetyScreen)


def _settings(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.settings import SettingsScreen

    return nav.make(SettingsScreen)


def _plan(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.plan import PlanScreen

    return nav.make(PlanScreen)


def _plan_start(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.plan_forms import PlanStartScreen

    return nav.make(PlanStartScreen)


def _plan_report(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.plan import ReportScreen

    return nav.make(ReportScreen, nav.plan_state())


def _plan_share(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.plan import ShareScreen

    return nav.make(ShareScreen, nav.plan_state())


def _plan_evaluate(nav: Navigator, ask: Ask) -> Screen:
    from veerkracht.screens.plan_forms import EvaluateScreen

    return nav.make(EvaluateScreen, nav.open_plan(nav.plan_state()))


def _plan_dialogue(nav: Navigator, ask: Ask, *, new: bool = False) -> Screen:
    """A dialogue talk: the unfinished one prepared earlier, unless a new one is asked."""
    from veerkracht.screens.plan_forms import DialogueScreen

    state = nav.plan_state()
    plan = nav.open_plan(state)
    if plan.status == "paused":
        raise VeerkrachtError("plan_is_paused")
    prepared = None if new else state.prepared()
    return nav.make(DialogueScreen, plan, prepared)


def _plan_dialogue_new(nav: Navigator, ask: Ask) -> Screen:
    return _plan_dialogue(nav, ask, new=True)


#: Every flow by name.
ROUTES: dict[str, Route] = {
    "reflect": Route(_reflect),
    "short": Route(_short),
    "edit": Route(_edit, needs_entry=True),
    "prepare": Route(_prepare, needs_entry=True),
    "followup": Route(_followup, needs_entry=True),
    "share": Route(_share, needs_entry=True),
    "home": Route(_home),
    "support": Route(_support),
    "checkin": Route(_checkin),
    "history": Route(_history),
    "data": Route(_data, takes_argument=True),
    "agreements": Route(_agreements),
    "safety": Route(_safety),
    "settings": Route(_settings),
    "plan": Route(_plan),
    "plan_start": Route(_plan_start),
    "plan_report": Route(_plan_report),
    "plan_share": Route(_plan_share),
    "plan_evaluate": Route(_plan_evaluate),
    "plan_dialogue": Route(_plan_dialogue),
    "plan_dialogue_new": Route(_plan_dialogue_new),
}
