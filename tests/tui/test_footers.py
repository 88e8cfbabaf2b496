"""Every screen's keys fit its footer at 80 columns, in Dutch and in English: nothing cut
off, the palette key included (a tired person should not have to guess a key)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.drive import SMALL, run

FLOWS = ["home", "reflect", "prepare", "followup", "checkin", "support", "history", "plan"]
#: Dutch everywhere; English where its footer is longest.
CASES = [(flow, "nl") for flow in FLOWS] + [(flow, "en") for flow in ("prepare", "history")]


@pytest.mark.parametrize(("flow", "language"), CASES)
async def test_every_key_in_the_footer_is_whole_at_80_columns(
    home: Path, reflect_app: Callable[..., Any], flow: str, language: str
) -> None:
    run("reflect", "--from", "-", input='{"feelings": ["tired"], "audience": "manager"}')
    if flow == "plan":
        run("plan", "start", "--from", "-", input="{}")
    app = reflect_app(language, start=flow)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        footer = app.screen.query_one("Footer")
        *keys, palette = footer.query("FooterKey")
        assert len(keys) >= 2
        for key in keys:
            assert key.region.width > 0 and key.region.right <= palette.region.x, (
                f"{flow} ({language}): '{key.description}' is cut off"
            )
