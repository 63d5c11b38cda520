"""``python -m kerncijfers report ...`` runs the command line."""

from .cli import main

raise SystemExit(main())
