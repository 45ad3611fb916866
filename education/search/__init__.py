"""Site search: finds what a worried reader types, including brand names, misspellings and
questions, on a real search engine (tantivy, in each app process; see ``index.py``).

``search(text)`` returns a finished ``Results``; the view only shows it. Queries are never
stored, logged or put in a cookie.
"""

from django.utils.translation import gettext

from .index import current_index
from .ranking import SIDE_EFFECTS, SIDE_EFFECTS_ANCHOR, rank
from .results import Group, Hit, Marker, Results, matched_name, snippet_html

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
    documents = [index.documents[r.position] for r in ranked]
    hits = [hit(document, mark) for document in documents]
    best, best_document = hits[0], documents[0]
    name = matched_name(best_document, words)
    if name.casefold() != best_document.title.casefold():
        best.matched_name = name
    if about_side_effects and best_document.kind.key == "drug":
        best.url += SIDE_EFFECTS_ANCHOR
        best.kind_label = gettext("Side effects of this drug")
    best.summary_html = snippet_html(index, highlight_query, ranked[0].address) or best.summary_html
    results.best, results.hits, results.count = best, hits, len(hits)
    groups = {}
    others = sorted(zip(documents[1:], hits[1:], strict=True), key=lambda pair: pair[0].kind.rank)
    for document, other in others:
        groups.setdefault(document.kind.label, []).append(other)
    results.groups = [Group(label, hits) for label, hits in groups.items()]
    if all(r.fuzzy for r in ranked):
        results.suggestion = name
    return results


def hit(document, mark):
    return Hit(
        title_html=mark(document.escaped_title),
        url=document.url,
        kind_label=document.kind.label,
        summary_html=mark(document.escaped_summary),
    )
