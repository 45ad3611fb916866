from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from education.models import Drug, DrugSideEffect


def label_coverage(drugs):
    """One row per drug: its label source, the boxed warnings its page shows, and how many side
    effects it links (how many serious, how many with the label's percent)."""
    rows = []
    for drug in drugs:
        links = list(drug.drugsideeffect_set.all())
        rows.append(
            {
                "drug": drug.display_name,
                "label": drug.label_source,
                "boxed": [link.side_effect.name for link in links if link.boxed_warning],
                "linked": len(links),
                "serious": sum(link.serious for link in links),
                "with_percent": sum(link.percent is not None for link in links),
            }
        )
    return rows


class Command(BaseCommand):
    help = (
        "Print, for every drug, the label or monograph its side effects follow, the boxed "
        "warnings its page shows and how many side effects it links; then the drugs with no "
        "label source."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="Only list drugs with no label source."
        )

    def handle(self, *args, missing=False, **options):
        links = DrugSideEffect.objects.select_related("side_effect")
        drugs = Drug.objects.select_related("label_source").prefetch_related(
            Prefetch("drugsideeffect_set", queryset=links)
        )
        rows = label_coverage(drugs)
        unlabelled = [row["drug"] for row in rows if row["label"] is None]
        for row in rows:
            if missing and row["label"] is not None:
                continue
            label = row["label"]
            self.stdout.write(row["drug"])
            self.stdout.write(
                f"  label:  {label.title} ({label.publisher}) {label.url}"
                if label
                else "  label:  NONE: add the drug's US label or a monograph"
            )
            self.stdout.write(f"  boxed:  {', '.join(row['boxed']) or 'none'}")
            self.stdout.write(
                f"  linked: {row['linked']} side effects, {row['serious']} serious, "
                f"{row['with_percent']} with the label's percent"
            )
        self.stdout.write(
            f"drugs: {len(rows)}  with a boxed warning: {sum(bool(r['boxed']) for r in rows)}  "
            f"no label source: {len(unlabelled)}"
            + (f" ({', '.join(unlabelled)})" if unlabelled else "")
        )
