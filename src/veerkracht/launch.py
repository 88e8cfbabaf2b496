"""The `veerkracht` command. `--version` is answered before anything heavy is imported,
so it costs little more than starting Python; everything else goes to the CLI."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from veerkracht import __version__

        print(f"veerkracht {__version__}")
        return
    from veerkracht.collector import off_for_a_command

    off_for_a_command()  # see veerkracht.collector
    from veerkracht.cli import main as run_cli

    run_cli()
