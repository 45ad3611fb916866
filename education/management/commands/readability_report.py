from statistics import median

from django.core.management.base import BaseCommand

from education.readability import measured_models


class Command(BaseCommand):
    help = (
        "Print the reading level of every page's prose, hardest first, with the median: the "
        "Flesch-Kincaid grade of the English words (aim 6, at most 8), or with --lang es the "
        "Fernández-Huerta reading ease of the Spanish words (aim 70 or more, at least 60)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["en", "es"], default="en")
        parser.add_argument(
            "--above", type=float, default=None, help="Only list pages above this grade."
        )
        parser.add_argument(
            "--below", type=float, default=None, help="With --lang es: only pages below this."
        )

    def handle(self, *args, lang="en", above=None, below=None, **options):
        if lang == "es":
            self.spanish(below)
        else:
            self.english(above)

    def english(self, above):
        rows = [
            (obj.reading_grade(), model._meta.verbose_name, obj.slug)
            for model in measured_models()
            for obj in model.objects.all()
        ]
        rows.sort(reverse=True)
        for grade, kind, slug in rows:
            if above is None or grade > above:
                self.stdout.write(f"{grade:5.1f}  {kind:20}  {slug}")
        if rows:
            grades = [row[0] for row in rows]
            self.stdout.write(
                f"pages: {len(rows)}  median grade: {median(grades):.1f}  worst: {max(grades):.1f}"
            )

    def spanish(self, below):
        rows = [
            (ease, model._meta.verbose_name, obj.slug, obj.get_spanish_status_display())
            for model in measured_models()
            for obj in model.objects.all()
            if (ease := obj.spanish_reading_ease()) is not None
        ]
        rows.sort()
        for ease, kind, slug, status in rows:
            if below is None or ease < below:
                self.stdout.write(f"{ease:5.1f}  {kind:20}  {slug}  (Spanish: {status})")
        if rows:
            scores = [row[0] for row in rows]
            self.stdout.write(
                f"pages in Spanish: {len(rows)}  median reading ease: {median(scores):.1f}  "
                f"hardest: {min(scores):.1f}  (Fernández-Huerta: 70 and up is fairly easy)"
            )
