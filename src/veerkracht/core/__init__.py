"""The domain: records, the card, the language check, the help notice, patterns.

Pure: no I/O, no clock of its own, no Textual, Typer or Rich. Imports only
`veerkracht.content`."""
