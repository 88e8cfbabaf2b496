"""How a reflection ends: saved (asking first when a kept card would go), unchanged,
kept as a draft or set aside; and whether its answers ask for the calm help notice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.screen import Screen

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry, now, parse_answers
from veerkracht.core.reflection import answered_steps
from veerkracht.core.safety import free_texts, needs_notice
from veerkracht.screens.base import Done, Open, Saved
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.drafts import DraftKeeper
from veerkracht.screens.reflect_fields import step_text
from veerkracht.services.reflections import change_reflection, save_reflection
from veerkracht.store.store import Store


class HelpCheck:
    """Whether the answers ask for the help notice: due at most once per reflection,
    and then remembered on it (`heavy`), to carry it forward gently."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: The help notice was due for this reflection.
        self.heavy = False
        self._recent: list[tuple[datetime, int | None]] | None = None

    def due(self, answers: dict[str, Any]) -> bool:
        """True the first time `answers` (with the recent intensities) ask for it."""
        if self.heavy:
            return False
        if needs_notice(answers.get("intensity"), free_texts(answers), self._recents(), now()):
            self.heavy = True
        return self.heavy

    def _recents(self) -> list[tuple[datetime, int | None]]:
        if self._recent is None:
            try:
                self._recent = [(entry.created, entry.intensity) for entry in self.store.entries()]
            except VeerkrachtError:
                self._recent = []
        return self._recent


def has_kept_cards(store: Store, entry: Entry) -> bool:
    """A card the user kept was made from `entry` (a store that cannot be read: no)."""
    try:
        return any(card.entry == entry.uuid for card in store.contents().cards)
    except VeerkrachtError:
        return False


class Ending:
    """Saving and quitting for `screen`: the answers and the step come from its `keeper`
    (which also checks the words, and is `active` while a reflection is under way);
    `editing` is the saved reflection being changed, or None for a new one."""

    def __init__(
        self,
        screen: Screen[Any],
        store: Store,
        content: Content,
        keeper: DraftKeeper,
        help_check: HelpCheck,
        editing: Entry | None,
        *,
        short: bool,
    ) -> None:
        self.screen = screen
        self.store = store
        self.content = content
        self.keeper = keeper
        self.draft = keeper.draft
        self.help = help_check
        self.editing = editing
        self.short = short

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("reflect", "ui", key, **params)

    def unchanged(self) -> bool:
        """A saved reflection opened to change, and nothing changed."""
        return self.editing is not None and self.keeper.answers() == self.editing.answers()

    def save_asked(self, *, early: bool) -> None:
        """Save (ctrl+s) from the summary, or `early` from any step: what is filled in is
        saved, the other steps stay empty (as skipping them would), and the dialog says
        which steps were saved."""
        if not self.keeper.answers().get("feelings"):
            self.screen.notify(self.ui("need_feeling"))
            return
        if self.unchanged():  # nothing to save, and a kept card stays as it is
            self.draft.clear()
            self.screen.notify(self.ui("unchanged"))
            self.screen.post_message(Done())
            return
        if self.editing is not None and has_kept_cards(self.store, self.editing):
            self.ask_before_the_cards_go(early=early)
            return
        self.save(early=early)

    def ask_before_the_cards_go(self, *, early: bool) -> None:
        """A card the user kept was made from the old answers: it goes when the change is
        saved (the card follows the reflection); going back is the focused choice."""
        choices = [("back", self.ui("cards_back")), ("save", self.ui("cards_save"))]
        dialog = ChoiceDialog(self.ui("cards_title"), self.ui("cards_text"), choices, "back")
        self.screen.app.push_screen(
            dialog, lambda choice: self.save(early=early) if choice == "save" else None
        )

    def save(self, *, early: bool) -> None:
        self.keeper.check()
        try:
            moment = now()
            entry = parse_answers(self.keeper.answers(), now=moment)
            if self.editing is None:
                save_reflection(self.store, entry, moment, self.help.heavy)
            else:  # the same reflection, changed: its number, date and notice stay
                change_reflection(self.store, self.editing, entry, self.help.heavy)
        except VeerkrachtError as error:
            self.keeper.refuse(error)
            return
        self.keeper.finish()  # nothing left to keep as a draft
        self.draft.clear()
        self.screen.post_message(Saved(entry.id))
        if self.short:  # straight to the card; the other steps can be filled in later
            self.screen.notify(self.ui("short_saved", id=entry.id), timeout=12)
            self.screen.post_message(Open("prepare", entry, replace=True))
            return
        self.say_saved(entry, early=early)

    def say_saved(self, entry: Entry, *, early: bool) -> None:
        """Saved: a card can be made of it now (the focused choice), or later."""

        def then(choice: str | None) -> None:
            if choice == "prepare":
                self.screen.post_message(Open("prepare", entry, replace=True))
            else:
                self.screen.post_message(Done())

        saved = "saved" if self.editing is None else "changed"
        text = self.ui(f"{saved}_text", id=entry.id)
        if early:
            steps = answered_steps(self.keeper.answers())
            titles = ", ".join(step_text(self.content, step, "title") for step in steps)
            text = f"{self.ui('saved_early', steps=titles)}\n{text}"
        self.screen.app.push_screen(
            ChoiceDialog(
                self.ui(f"{saved}_title"),
                text,
                [("prepare", self.ui("make_card")), ("close", self.ui("close"))],
            ),
            then,
        )

    def quit_asked(self) -> None:
        """ctrl+q or Escape: asked first whether to keep the draft, when there is one."""
        unchanged = self.unchanged()
        if not self.keeper.active or unchanged:
            if unchanged:
                self.draft.clear()  # nothing was changed: no copy to come back to
            self.screen.post_message(Done())
            return

        def decide(choice: str | None) -> None:
            if choice == "keep":
                self.keeper.keep()
                self.screen.post_message(Done())
            elif choice == "discard":
                self.set_aside_and_quit()

        self.screen.app.push_screen(
            ChoiceDialog(
                self.ui("quit_question"),
                self.ui("quit_explain"),
                [
                    ("keep", self.ui("keep_draft")),
                    ("discard", self.ui("discard_draft")),
                    ("cancel", self.ui("cancel")),
                ],
                cancel="cancel",
            ),
            decide,
        )

    def set_aside_and_quit(self) -> None:
        """Not keeping the draft sets it aside (as starting over does), with every word
        typed so far: the welcome lists it for 30 days, to take back."""
        self.keeper.stop_typing()
        try:
            self.draft.save(self.keeper.answers(), self.keeper.step(), now())
            self.draft.set_aside(now())
        except VeerkrachtError as error:
            self.keeper.refuse(error)
            return
        self.keeper.finish()
        self.screen.post_message(Done())
