from django.core.management import call_command
from django.core.management.base import BaseCommand

from education.content import fixture_paths


class Command(BaseCommand):
    help = (
        "Load (or update) all site content from the fixture files. Rows are matched by "
        "slug, so running it again updates rows in place and changes nothing if the files "
        "have not changed."
    )

    def handle(self, *args, **options):
        paths = [str(path) for path in fixture_paths()]
        call_command("loaddata", *paths, verbosity=options["verbosity"])
