"""The layers of docs/ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml
(core and store import no Textual, Typer or Rich; the store imports no feature; screens do
not import the CLI; render and the CLI import no Textual)."""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).parents[2]


def test_every_layer_contract_is_kept(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    exit_code = lint_imports(no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert "0 broken" in report
