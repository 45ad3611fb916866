"""Site search: finds what a worried reader types, including brand names and misspellings.

Everything searchable is gathered into a small index (a few hundred entries), kept in the
cache per content version. Ranking, best first:

1. the whole query is a name (a generic or brand name, a glossary alias...);
2. a name starts with, or contains as words, the query;
3. a name is within a small edit distance of the query (rapidfuzz), for misspellings;
4. the words appear in the plain text.

Ties go to the kind of page most readers want (a drug before a glossary entry). Editors'
synonyms ("bone mets" → "Bone") replace the query first. Queries are never stored or logged.
"""

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from rapidfuzz import fuzz, process

from .models import (
    Article,
    CancerFeature,
    ContentVersion,
    Drug,
    GlossaryTerm,
    SearchSynonym,
    SideEffect,
    SpreadSite,
    TreatmentType,
)
from .text import plain_text

MAX_QUERY = 100
FUZZY_CUTOFF = 84
#: Kinds in the order readers most often want them, and their headings.
KINDS = {
    "drug": "Drugs",
    "side_effect": "Side effects",
    "feature": "Test results",
    "treatment": "Kinds of treatment",
    "spread": "Where cancer spreads",
    "page": "Pages",
    "article": "Topics",
    "glossary": "Word list",
}
KIND_ORDER = list(KINDS)


def normalize(text):
    """Lower case, punctuation to spaces: 'HER2-positive' and 'her2 positive' match."""
    return " ".join(re.sub(r"[^\w+]+", " ", text.lower()).split())


@dataclass
class Entry:
    kind: str
    title: str
    url: str
    summary: str
    names: list
    text: str = ""
    norm_names: list = field(default_factory=list)

    def __post_init__(self):
        # "Osteonecrosis of the jaw (ONJ)" is also found as "osteonecrosis of the jaw".
        bare = [re.sub(r"\s*\([^)]*\)", "", n) for n in self.names if n and "(" in n]
        self.names = [n for n in [*self.names, *bare] if n]
        self.norm_names = [normalize(n) for n in self.names]
        self.text = normalize(self.text)


@dataclass
class Result:
    entry: Entry
    score: float
    matched_name: str = ""


def build_index():
    entries = []
    drugs = Drug.objects.published().select_related("family").prefetch_related("side_effects")
    for drug in drugs:
        side_effects = [se.name for se in drug.side_effects.all()]
        entries.append(
            Entry(
                "drug",
                drug.display_name,
                drug.get_absolute_url(),
                drug.summary,
                [drug.generic_name, *drug.brand_name_list, *drug.other_name_list],
                # A search for a side effect also lists the drugs that can cause it.
                " ".join([drug.summary, drug.who_for, drug.family.name, *side_effects]),
            )
        )
    for se in SideEffect.objects.published():
        names = [se.name, *[n.strip() for n in se.other_names.split(",")]]
        entries.append(
            Entry(
                "side_effect",
                se.name,
                se.get_absolute_url(),
                se.summary,
                names,
                se.summary + " " + se.body,
            )
        )
    for model, kind in (
        (CancerFeature, "feature"),
        (TreatmentType, "treatment"),
        (SpreadSite, "spread"),
    ):
        for obj in model.objects.published():
            entries.append(
                Entry(
                    kind,
                    obj.name,
                    obj.get_absolute_url(),
                    obj.summary,
                    [obj.name],
                    obj.summary + " " + obj.body,
                )
            )
    for article in Article.objects.published():
        entries.append(
            Entry(
                "article",
                article.title,
                article.get_absolute_url(),
                article.summary,
                [article.title],
                article.summary + " " + article.body,
            )
        )
    for term in GlossaryTerm.objects.published():
        entries.append(
            Entry(
                "glossary",
                term.term,
                term.get_absolute_url(),
                term.definition,
                [term.term, *term.alias_list],
                term.definition,
            )
        )
    entries.append(
        Entry(
            "page",
            "What the survival numbers mean",
            reverse("education:survival"),
            "Survival figures for metastatic breast cancer, who they describe, and why your outlook can differ.",
            ["What the survival numbers mean", "Survival numbers", "Survival"],
            "survival statistics outlook",
        )
    )
    entries.append(
        Entry(
            "page",
            "Find the options to ask your care team about",
            reverse("education:questionnaire"),
            "Answer a few questions and get a short list of treatments, tests and support to ask about.",
            ["Find your options", "Questionnaire"],
            "questions options my situation",
        )
    )
    for entry in entries:
        entry.text = normalize(plain_text(entry.text))
    synonyms = {normalize(s.phrase): s.means for s in SearchSynonym.objects.all()}
    return entries, synonyms


def index():
    key = f"search-index:{ContentVersion.current()}"
    built = cache.get(key)
    if built is None:
        built = build_index()
        cache.set(key, built, 60 * 60)
    return built


def score(entry, query, words):
    best, matched = 0.0, ""
    for name, norm in zip(entry.names, entry.norm_names, strict=True):
        if norm == query:
            value = 100
        elif norm.startswith(query) or f" {query}" in f" {norm}":
            value = 80
        elif words and all(w in norm.split() for w in words):
            value = 70
        else:
            continue
        if value > best:
            best, matched = value, name
    if not best and words and all(w in entry.text for w in words):
        best = 30 + min(9, sum(entry.text.count(w) for w in words))
    return best, matched


def search(raw_query):
    """(query actually searched, results best first, did-you-mean suggestion or "")."""
    query = normalize(raw_query[:MAX_QUERY])
    if not query:
        return "", [], ""
    entries, synonyms = index()
    searched = normalize(synonyms.get(query, query))
    words = searched.split()
    results = []
    for entry in entries:
        value, matched = score(entry, searched, words)
        if value:
            results.append(Result(entry, value, matched))
    suggestion = ""
    if not any(r.score >= 70 for r in results):
        # A misspelling? Compare the query with every name; take names close enough.
        names = [(n, e) for e in entries for n in e.norm_names]
        close = process.extract(
            searched, [n for n, _ in names], scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_CUTOFF
        )
        seen = {r.entry.url for r in results}
        for _, ratio, position in close:
            name, entry = names[position]
            if entry.url not in seen:
                seen.add(entry.url)
                display = entry.names[entry.norm_names.index(name)]
                results.append(Result(entry, 50 + ratio / 10, display))
                suggestion = suggestion or display
    results.sort(key=lambda r: (-r.score, KIND_ORDER.index(r.entry.kind), r.entry.title.lower()))
    return searched, results, suggestion


def highlight(text, words):
    """The text, escaped, with the query's words marked. Safe to put in a page."""
    html = escape(text)
    for word in sorted({w for w in words if len(w) > 1}, key=len, reverse=True):
        # Not inside an entity such as &amp; or &#39;.
        html = re.sub(rf"(?i)(?<![&#])\b({re.escape(escape(word))})", r"<mark>\1</mark>", html)
    return mark_safe(html)
