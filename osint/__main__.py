"""`python -m osint` runs the command line."""

from osint.entry import main

main()
