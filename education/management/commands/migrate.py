"""Django's `migrate`, which first creates a missing SQLite file.

The site opens SQLite with ``mode=rw`` so that a lost file is an error, never a new empty
database (settings.sqlite_must_exist). Creating the database is migrate's job alone.
"""

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections


def create_missing_sqlite_file(database):
    name = str(database.get("NAME", ""))
    if not (database["ENGINE"].endswith("sqlite3") and name.startswith("file:")):
        return
    path = Path(urlsplit(name).path)
    if "mode=memory" not in name and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()


class Command(DjangoMigrate):
    def execute(self, *args, **options):
        # Before the system checks, which already open the database.
        create_missing_sqlite_file(connections[options.get("database") or "default"].settings_dict)
        return super().execute(*args, **options)
