"""The suite depends on nothing a Textual release or a busy machine changes: tests read
no private attribute of an app, screen or widget (a notification is caught through
`run_test`'s public message hook: tests/drive.py `Said`), and Textual is pinned to the
patch releases of the version the screen snapshots were made with."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).parents[2]
#: `app._notifications`, `pilot.app.screen._compositor`, …: a name after a dot that starts
#: with one underscore (dunders and the test helpers' own `self._` excepted).
PRIVATE = re.compile(r"\b(?!self\b)\w+\.(_[a-z]\w*)")
#: The one private name the suite uses on purpose, with a fallback (tests/drive.py).
ALLOWED = {"_get_command"}


def test_tests_read_no_private_textual_attributes() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for name in PRIVATE.findall(line)
        if name not in ALLOWED and not line.lstrip().startswith("#")
    ]
    assert found == []


def test_textual_is_pinned_to_the_patch_releases_of_the_installed_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (pin,) = [need for need in project["project"]["dependencies"] if need.startswith("textual")]
    major, minor, patch = (int(part) for part in version("textual").split(".")[:3])
    lowest = re.search(r">=\s*(\d+)\.(\d+)\.(\d+)", pin)
    assert lowest is not None, pin
    assert f"<{major}.{minor + 1}" in pin.replace(" ", ""), pin
    assert (int(lowest[1]), int(lowest[2])) == (major, minor), pin
    assert int(lowest[3]) <= patch, pin
