"""`python -m osint` runs the command line."""

from osint.cli import main

main()
