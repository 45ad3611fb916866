"""How well search finds what readers look for: a file of real-world queries, each with the
page it should find, scored as success in the first 1 and first 3 results and the mean
reciprocal rank (``python manage.py search_eval``; the tests hold every query to it)."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import search

QUERIES_FILE = Path(__file__).with_name("queries.json")


def load_queries(path=QUERIES_FILE):
    """[{"query", "expect", "kind", ...}]: ``expect`` is the address the best match should
    have (a drug's side-effect section ends in its anchor)."""
    return json.loads(Path(path).read_text())


def addresses(results):
    """The results' addresses, in the order of relevance."""
    return [hit.url for hit in results.hits]


def rank_of(results, item):
    """1 for the best match, 2 for the next...; None when the page is not found. Below the
    best match, results link to pages, not sections: the page counts. A question with two
    right answers names the second in ``also``."""
    right = [item["expect"], *item.get("also", [])]
    pages = [address.split("#")[0] for address in right]
    for rank, url in enumerate(addresses(results), start=1):
        if url in right or (rank > 1 and url in pages):
            return rank
    return None


@dataclass
class Evaluation:
    count: int = 0
    first: int = 0
    first_three: int = 0
    reciprocal_ranks: float = 0.0
    #: [(query item, rank or None, the first three addresses found)] not found first.
    misses: list = field(default_factory=list)

    @property
    def mean_reciprocal_rank(self):
        return self.reciprocal_ranks / self.count if self.count else 0.0


def evaluate(queries):
    evaluation = Evaluation()
    for item in queries:
        results = search(item["query"])
        rank = rank_of(results, item)
        evaluation.count += 1
        evaluation.first += rank == 1
        evaluation.first_three += bool(rank and rank <= 3)
        evaluation.reciprocal_ranks += 1 / rank if rank else 0
        if rank != 1:
            evaluation.misses.append((item, rank, addresses(results)[:3]))
    return evaluation
