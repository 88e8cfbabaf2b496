"""Which screen comes next: the one place that makes screens. Screens never make each
other; they ask the app (a message), and the app asks this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.screen import Screen

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.core.scripts import Script, build_script
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

#: Flows that need a reflection (the latest when none is given).
NEED_ENTRY = ("prepare", "followup", "share", "edit")


@dataclass
class Navigator:
    store: Store
    content: Content
    #: "Today" for patterns; fixed by tests so screenshots do not age.
    today: date | None = None

    def screen(
        self, flow: str, *, entry: Entry | None = None, script: Script | None = None
    ) -> Screen | None:
        """The screen of `flow` (screens are imported only when needed); None when it
        needs a reflection and there is none yet."""
        if flow in NEED_ENTRY and entry is None and script is None:
            entries = self.store.entries()
            if not entries:
                return None
            entry = entries[-1]
        store, content = self.store, self.content
        if flow == "prepare":
            from veerkracht.screens.prepare import PrepareScreen

            assert entry is not None or script is not None
            return PrepareScreen(store, content, script or build_script(entry, content))
        if flow == "followup":
            from veerkracht.screens.after import FollowupScreen

            assert entry is not None
            return FollowupScreen(store, content, entry)
        if flow == "edit":
            from veerkracht.screens.reflect import ReflectScreen

            assert entry is not None
            return ReflectScreen(store, content, Draft(store, f"edit-{entry.id}"), entry)
        if flow == "share":
            from veerkracht.screens.share import ShareScreen

            assert entry is not None
            return ShareScreen(store, content, entry)
        if flow == "home":
            from veerkracht.screens.home import HomeScreen

            return HomeScreen(store, content, self.today)
        if flow == "support":
            from veerkracht.screens.support import SupportScreen

            return SupportScreen(store, content)
        if flow == "checkin":
            from veerkracht.screens.after import CheckinScreen

            return CheckinScreen(store, content, store.contents().agreements)
        if flow == "history":
            from veerkracht.screens.history import HistoryScreen

            return HistoryScreen(store, content, self.today)
        if flow.startswith("plan"):
            return self.plan_screen(flow)
        if flow == "data" or flow.startswith("data:"):
            from veerkracht.screens.data import DataScreen

            return DataScreen(store, content, flow.partition(":")[2] or None)
        if flow == "agreements":
            from veerkracht.screens.agreements import AgreementsScreen

            return AgreementsScreen(store, content)
        if flow == "safety":
            from veerkracht.screens.safety import SafetyScreen

            return SafetyScreen(store, content)
        if flow == "settings":
            from veerkracht.screens.settings import SettingsScreen

            return SettingsScreen(store, content)
        from veerkracht.screens.reflect import ReflectScreen

        # The short reflection shares the draft: what is begun in one carries on in the other.
        draft = Draft(store, "reflect")
        return ReflectScreen(store, content, draft, short=flow == "short")

    def plan_screen(self, flow: str) -> Screen:
        """The recovery plan's screens; those about a plan need one (a talk, a running one)."""
        from veerkracht.core.model import now
        from veerkracht.screens import plan, plan_forms
        from veerkracht.services.plans import plan_state

        store, content = self.store, self.content
        if flow == "plan":
            return plan.PlanScreen(store, content)
        if flow == "plan_start":
            return plan_forms.PlanStartScreen(store, content)
        state = plan_state(store, now().date())
        if state is None:
            raise VeerkrachtError("no_plan")
        if flow == "plan_report":
            return plan.ReportScreen(store, content, state)
        if flow == "plan_share":
            return plan.ShareScreen(store, content, state)
        if not state.plan.is_open():
            raise VeerkrachtError("no_plan")
        if flow == "plan_evaluate":
            return plan_forms.EvaluateScreen(store, content, state.plan)
        if state.plan.status == "paused":
            raise VeerkrachtError("plan_is_paused")
        prepared = None if flow == "plan_dialogue_new" else state.prepared()
        return plan_forms.DialogueScreen(store, content, state.plan, prepared)
