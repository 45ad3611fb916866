from statistics import median

from django.core.management.base import BaseCommand

from education.models import Rule
from education.models.kinds import content_kinds


def measured_models():
    """Every kind of content with prose a reader sees, and the questionnaire's rules."""
    return [m for m in content_kinds() if m.readable_fields] + [Rule]


class Command(BaseCommand):
    help = "Print the Flesch-Kincaid grade of every page's prose, worst first, with the median."

    def add_arguments(self, parser):
        parser.add_argument(
            "--above", type=float, default=None, help="Only list pages above this grade."
        )

    def handle(self, *args, above=None, **options):
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
