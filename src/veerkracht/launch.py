"""The `veerkracht` command. `--version` is answered before anything heavy is imported,
so it costs little more than starting Python; everything else goes to the CLI."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from veerkracht import __version__

        print(f"veerkracht {__version__}")
        return
    # A command lives for well under a second and builds large acyclic structures (10,000
    # entries: parsed, summarised, serialised). The cyclic garbage collector only slows
    # that down (by about a third, measured), so it is off; screens turn it back on.
    gc.disable()
    from veerkracht.cli import main as run_cli

    run_cli()
