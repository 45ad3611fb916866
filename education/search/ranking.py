"""From what a reader typed to ranked documents.

- Names (generic, brand and other names, aliases, editors' synonyms) count most, then the
  summary, then the rest of the page; the whole phrase counts more than scattered words.
- Words are stemmed ("metastases" finds "metastasis"); stop and question words are dropped.
- A misspelled word within one or two edits still reaches a name ("Herceptn").
- "side effects" next to a drug's name leads to that drug page's side-effect section.
"""

import re
from dataclasses import dataclass

import tantivy
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .index import plain_name

Should = tantivy.Occur.Should

#: Field weights: a word in a name is worth more than in the summary, then the body.
NAMES, SUMMARY, BODY = 8.0, 2.0, 1.0
#: A phrase (the words together, in order) is worth this much more than its words apart.
PHRASE = 3.0
#: A page one of whose names is the whole query counts this many times more.
WHOLE_NAME = 3.0
#: A word found only by edit distance counts this much of an exact one.
FUZZY = 0.5
#: Words that ask about side effects ("tamoxifen side effects").
SIDE_EFFECTS = re.compile(
    r"\b(side[\s-]*effects?|adverse (effects?|reactions?)|caus(e|es|ed|ing)"
    r"|efectos? (secundarios?|adversos?)|reacciones adversas|causa(n|r)?)\b",
    re.I,
)
SIDE_EFFECTS_ANCHOR = "#side-effects-heading"
#: A question asking what a word means ("what is HER2") wants the word list's definition: its
#: entries count this many times more than for other searches.
DEFINITION = re.compile(
    r"^\s*(what\s+(is|are|does)|what's|define|meaning of"
    r"|¿?\s*qu[eé]\s+(es|son|significa|quiere decir)|significado de)\b",
    re.I,
)
DEFINITION_WEIGHT = 3.0
#: How many documents a search returns at most.
LIMIT = 12


@dataclass
class Ranked:
    position: int
    score: float
    address: tantivy.DocAddress
    #: True when the document was reached only through a misspelling.
    fuzzy: bool = False


def edits_allowed(term):
    """Misspellings allowed in a word: none for short words, where one edit is another word."""
    if len(term) >= 8:
        return 2
    if len(term) >= 5:
        return 1
    return 0


def field_query(schema, field, terms, weight):
    """The words in one field, each on its own, plus the phrase they make."""
    boost = tantivy.Query.boost_query
    clauses = [(Should, boost(tantivy.Query.term_query(schema, field, t), weight)) for t in terms]
    if len(terms) > 1:
        phrase = tantivy.Query.phrase_query(schema, field, terms, slop=1)
        clauses.append((Should, boost(phrase, weight * PHRASE)))
    return clauses


def exact_query(index, text):
    # Only stop words ("the pill"), or only question words: search with every word.
    terms = index.text.analyze(text) or index.names.analyze(text)
    if not terms:
        return None, []
    clauses = (
        field_query(index.schema, "names", terms, NAMES)
        + field_query(index.schema, "summary", terms, SUMMARY)
        + field_query(index.schema, "body", terms, BODY)
    )
    return tantivy.Query.boolean_query(clauses), terms


def fuzzy_query(index, terms):
    clauses = [
        (
            Should,
            tantivy.Query.boost_query(
                tantivy.Query.fuzzy_term_query(
                    index.schema, "names", term, distance=edits_allowed(term)
                ),
                NAMES * FUZZY,
            ),
        )
        for term in terms
        if edits_allowed(term)
    ]
    return tantivy.Query.boolean_query(clauses) if clauses else None


def whole_name_matches(index, text):
    """The pages one of whose names is the whole query, or the closest name within the edits
    a word that long allows ("trastuzamab" is trastuzumab, not every drug with it in its name).
    """
    plain = plain_name(text)
    if plain in index.whole_names:
        return index.whole_names[plain]
    allowed = edits_allowed(plain)
    if not allowed:
        return set()
    # Only names whose length is within the edits allowed can be that close.
    lengths = range(len(plain) - allowed, len(plain) + allowed + 1)
    names = [name for length in lengths for name in index.names_by_length.get(length, ())]
    close = process.extractOne(plain, names, scorer=Levenshtein.distance, score_cutoff=allowed)
    return index.whole_names[close[0]] if close else set()


def run(index, query):
    """(score, the document's position in ``index.documents``, its address in the index)."""
    return [
        (score, index.positions[address.segment_ord, address.doc], address)
        for score, address in index.searcher.search(query, LIMIT, count=False).hits
    ]


def named_drugs(index, text):
    """The drugs the text names by one of their names, in the order it names them."""
    words = text.split()
    found = []
    for size in (3, 2, 1):  # "ado-trastuzumab emtansine" before "trastuzumab"
        for start in range(len(words) - size + 1):
            for position in index.whole_names.get(
                plain_name(" ".join(words[start : start + size])), ()
            ):
                if index.documents[position].kind.key == "drug" and position not in found:
                    found.append(position)
    return found


def rank(index, text, drug_first=False):
    """Documents for the text, best first, and the query the snippets should highlight.

    ``drug_first``: the reader asks about a drug's side effects; a drug the text names comes
    first, whatever else the words match ("does Ibrance cause hair loss").
    """
    exact, terms = exact_query(index, text)
    if exact is None:
        return [], None
    found = {
        position: Ranked(position, score, address) for score, position, address in run(index, exact)
    }
    fuzzy = fuzzy_query(index, terms)
    if fuzzy is not None:
        for score, position, address in run(index, fuzzy):
            if position in found:
                found[position].score += score
            else:
                found[position] = Ranked(position, score, address, fuzzy=True)
    asks_meaning = bool(DEFINITION.search(text))
    named = whole_name_matches(index, DEFINITION.sub("", text))
    for r in found.values():
        kind = index.documents[r.position].kind
        r.score *= kind.search_weight
        if asks_meaning and kind.key == "glossary":
            r.score *= DEFINITION_WEIGHT
        if r.position in named:  # the whole query is one of the page's names
            r.score *= WHOLE_NAME
    ranked = sorted(
        found.values(),
        key=lambda r: (-r.score, index.documents[r.position].kind.rank, r.position),
    )
    if drug_first:
        named = named_drugs(index, text)
        ranked.sort(key=lambda r: r.position not in named[:1])
    return ranked, exact
