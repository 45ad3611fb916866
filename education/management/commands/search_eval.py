from django.core.management.base import BaseCommand

from education.search.evaluation import QUERIES_FILE, evaluate, load_queries


class Command(BaseCommand):
    help = (
        "Run every query in the relevance file through search and print success in the first "
        "1 and first 3 results and the mean reciprocal rank, then each query not found first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=QUERIES_FILE, help="Another file of queries.")

    def handle(self, *args, file, **options):
        result = evaluate(load_queries(file))
        n = result.count
        self.stdout.write(
            f"queries: {n}  first: {result.first}/{n} ({result.first / n:.1%})  "
            f"first 3: {result.first_three}/{n} ({result.first_three / n:.1%})  "
            f"mean reciprocal rank: {result.mean_reciprocal_rank:.3f}"
        )
        for item, rank, found in result.misses:
            where = f"found at {rank}" if rank else "not found"
            self.stdout.write(
                f"  {item['query']!r} ({item['kind']}): expected {item['expect']}, {where}; "
                f"first: {', '.join(found) or 'nothing'}"
            )
