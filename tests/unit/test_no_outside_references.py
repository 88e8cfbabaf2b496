"""The repository stands on its own: no code, test, benchmark or document points at a
file outside it (the facts it relies on are in docs/)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
OUTSIDE = re.compile(r"\b(?:STACK|DESIGN|VOICE|STYLE)\.md\b|\.\./shared/|shared/seeds")
FOLDERS = ("src", "tests", "benchmarks", "docs")


def test_nothing_cites_a_file_outside_the_repository() -> None:
    files = [ROOT / "README.md", ROOT / "pyproject.toml"]
    for folder in FOLDERS:
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in {".py", ".md", ".toml"}]
    here = Path(__file__).resolve()
    cited = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        if path.resolve() != here
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert cited == []
    assert len(files) > 100  # the folders were found
