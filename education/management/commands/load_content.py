from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from education.content import fixture_paths


class Command(BaseCommand):
    help = (
        "Load (or update) all site content from the fixture files. Rows are matched by "
        "slug or key, so running it again updates rows in place and changes nothing if the "
        "files have not changed. Rows that have no history yet get their first history entry."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=None, help="Read the files from this folder instead."
        )

    def handle(self, *args, **options):
        paths = [str(path) for path in fixture_paths(options["dir"])]
        call_command("loaddata", *paths, verbosity=options["verbosity"])
        # Fixture loads bypass history; give every row its starting point so the first
        # edit in the admin can be compared with, and reverted to, what was loaded.
        call_command("populate_history", auto=True, stdout=StringIO(), stderr=StringIO())
