"""Save the README's screenshots (SVG) from the real app, with made-up data.

python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sample_store import build_store

from veerkracht.content import Content
from veerkracht.core.model import parse_answers
from veerkracht.core.scripts import build_script
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp

SIZE = (100, 30)
TODAY = date(2025, 3, 30)
NOW = datetime(2025, 3, 30, 9, 30).astimezone()
ANSWERS = {
    "feelings": ["tired", "tense"],
    "intensity": 7,
    "feelings_note": "Ik slaap slecht sinds de reorganisatie.",
    "triggers": ["workload", "home"],
    "impact": ["concentration", "mistakes"],
    "desired_change": "Minder tegelijk op mijn bord.",
    "support": ["listening", "practical"],
    "audience": "manager",
    "share": "Thuis is het zwaar, en dat merk ik in mijn werk.",
    "private": "De diagnose van mijn moeder.",
    "asks": ["Kunnen we mijn taken voor de komende weken samen tegen het licht houden?"],
    "created": "2025-03-29T09:30:00+01:00",
}


async def shoot(app: VeerkrachtApp, path: Path, keys: tuple[str, ...] = ()) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(path.name, str(path.parent))


async def main(out: Path, language: str = "nl") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    content = Content(language)
    with tempfile.TemporaryDirectory() as scratch:
        store = build_store(Path(scratch) / "store", 300)
        entry = store.add_entry(parse_answers(ANSWERS, now=NOW))
        empty = Store(Path(scratch) / "empty")
        shots = [
            (VeerkrachtApp(store, content, start="home", today=TODAY), "home.svg", ()),
            (VeerkrachtApp(empty, content), "reflect.svg", ("enter", "space", "down", "space")),
            (VeerkrachtApp(store, content, script=build_script(entry, content)), "prepare.svg", ()),
            (VeerkrachtApp(store, content, start="history", today=TODAY), "history.svg", ()),
        ]
        paths = []
        for app, name, keys in shots:
            await shoot(app, out / name, keys)
            paths.append(out / name)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    for path in asyncio.run(main(parser.parse_args().out)):
        print(path)
