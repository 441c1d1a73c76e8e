"""Ponto de entrada: `python -m redes.reproducoes <reprodução> ...`."""
import sys

from .cli import main

sys.exit(main())
