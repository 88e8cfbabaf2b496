"""The `veerkracht` command. `--version` is answered before anything heavy is imported,
so it costs little more than starting Python, and the top-level `--help` from a cache of
Typer's own text (`cli/helpcache.py`); everything else goes to the CLI."""

from __future__ import annotations

import sys


def speak_utf8() -> None:
    """Files and pipes get UTF-8, on every system. Windows hands a redirected stream its
    ANSI code page (cp1252), where "ë" survives but "→", "█" or an emoji does not; its
    console, and a POSIX terminal, keep what they have (the console takes Unicode)."""
    for stream, encoding in (
        (sys.stdin, "utf-8-sig"),
        (sys.stdout, "utf-8"),
        (sys.stderr, "utf-8"),
    ):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        if stream.isatty() or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        stream.reconfigure(encoding=encoding)


def main() -> None:
    speak_utf8()
    if sys.argv[1:] == ["--version"]:
        from veerkracht import __version__

        print(f"veerkracht {__version__}")
        return
    if "--help" in sys.argv[1:]:
        from veerkracht.cli.helpcache import cached_help

        text = cached_help(sys.argv[1:])
        if text is not None:
            sys.stdout.write(text)
            return
    from veerkracht.collector import off_for_a_command

    off_for_a_command()  # see veerkracht.collector
    from veerkracht.cli import main as run_cli

    run_cli()
