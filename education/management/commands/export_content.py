import json
from pathlib import Path

from django.core.management.base import BaseCommand

from education.content import FIXTURE_LAYOUT, fixture_dir, natural_order, serialize_rows


class Command(BaseCommand):
    help = (
        "Write all site content from the database back to the fixture files, in the layout "
        "load_content reads, so edits made in the admin can be committed and loaded elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=None, help="Write the files to this folder instead."
        )

    def handle(self, *args, **options):
        directory = options["dir"] or fixture_dir()
        directory.mkdir(parents=True, exist_ok=True)
        for name, models in FIXTURE_LAYOUT.items():
            rows = []
            for model in models:
                rows += serialize_rows(natural_order(model))
            text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
            (directory / name).write_text(text, encoding="utf-8")
            self.stdout.write(f"{name}: {len(rows)} rows")
