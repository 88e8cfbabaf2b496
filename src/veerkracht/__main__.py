"""`python -m veerkracht`."""

from veerkracht.launch import main

main()
