"""Site search: finds what a worried reader types, including brand names, misspellings and
questions, on a real search engine (tantivy, in each app process; see ``index.py``).

``search(text)`` returns a finished ``Results``; the view only shows it. Queries are never
stored, logged or put in a cookie.
"""

from .index import current_index
from .ranking import SIDE_EFFECTS, SIDE_EFFECTS_ANCHOR, rank
from .results import Hit, Marker, Results, matched_name, snippet_html

#: The longest query searched; the rest is ignored.
MAX_QUERY = 100


def search(text):
    query = " ".join(text[:MAX_QUERY].split())
    results = Results(query=query)
    if not query:
        return results
    index = current_index()
    # "Kadcyla side effects", "does Ibrance cause hair loss": the drug's side-effect section.
    about_side_effects = bool(SIDE_EFFECTS.search(query))
    words = " ".join(SIDE_EFFECTS.sub(" ", query).split()) if about_side_effects else query
    if not words:  # only "side effects": the words themselves are the search
        about_side_effects, words = False, query
    words = index.rewrites.get(words.casefold(), words)
    ranked, highlight_query = rank(index, words, drug_first=about_side_effects)
    if not ranked:
        return results
    mark = Marker(index.text.analyze(words) or index.names.analyze(words))
    hits = [hit(index.documents[r.position], mark) for r in ranked]
    best = hits[0]
    name = matched_name(index.documents[ranked[0].position], words)
    if name.casefold() != index.documents[ranked[0].position].title.casefold():
        best.matched_name = name
    if about_side_effects and index.documents[ranked[0].position].kind.key == "drug":
        best.url += SIDE_EFFECTS_ANCHOR
        best.kind_label = "Side effects of this drug"
    best.summary_html = snippet_html(index, highlight_query, ranked[0].address) or best.summary_html
    results.best, results.hits, results.count = best, hits, len(hits)
    groups = {}
    for r, other in sorted(
        zip(ranked[1:], hits[1:], strict=True), key=lambda pair: kind_of(index, pair[0]).rank
    ):
        groups.setdefault(kind_of(index, r).label, []).append(other)
    results.groups = list(groups.items())
    if all(r.fuzzy for r in ranked):
        results.suggestion = matched_name(index.documents[ranked[0].position], words)
    return results


def kind_of(index, ranked):
    return index.documents[ranked.position].kind


def hit(document, mark):
    return Hit(
        title_html=mark(document.title),
        url=document.url,
        kind_label=document.kind.label,
        summary_html=mark(document.summary),
    )
