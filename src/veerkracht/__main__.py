"""`python -m veerkracht`."""

from veerkracht.cli import main

main()
