"""The README's screenshots come from the real app, through a script in the repo."""

from __future__ import annotations

from pathlib import Path

from scripts.screenshots import main


async def test_the_screenshot_script_draws_the_real_screens(tmp_path: Path) -> None:
    paths = await main(tmp_path)
    assert [path.name for path in paths] == [
        "home.svg",
        "reflect.svg",
        "prepare.svg",
        "history.svg",
    ]
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    assert "Gevoelens" in texts["reflect.svg"]
    assert "Gesprekskaart" in texts["prepare.svg"]
    assert "Terugblik" in texts["history.svg"]
    assert "Reflecteren" in texts["home.svg"]
    assert "diagnose" not in texts["prepare.svg"]  # the private text is nowhere on the card
