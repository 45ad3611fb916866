from pathlib import Path

from django.core.management.base import BaseCommand

from education.content import fixture_paths
from education.loading import Mode, load_files, summary_lines


class Command(BaseCommand):
    help = (
        "Load the site's content from the fixture files without overwriting editors' work. "
        "By default it only adds rows the database does not have: rows that exist are left "
        "as they are, and rows an editor deleted are not added back, so running it again is "
        "safe (`make run` does, every time). --update also replaces rows nobody has changed "
        "since they were loaded; --force replaces every row that differs from the files. "
        "Prints what it added, replaced, left unchanged and skipped (and why), per file. Every "
        "row it writes gets a history entry 'loaded from fixtures'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=None, help="Read the files from this folder instead."
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--update",
            action="store_const",
            const=Mode.UPDATE,
            dest="mode",
            help="Also replace rows that differ from the files, if nobody has changed them "
            "since they were loaded. Rows an editor changed are skipped and listed.",
        )
        mode.add_argument(
            "--force",
            action="store_const",
            const=Mode.FORCE,
            dest="mode",
            help="Replace every row that differs from the files, editors' changes included "
            "(their history keeps the editor's version).",
        )

    def handle(self, *args, **options):
        reports = load_files(fixture_paths(options["dir"]), options["mode"] or Mode.ADD)
        if options["verbosity"] >= 1:
            self.stdout.write("\n".join(summary_lines(reports)))
