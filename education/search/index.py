"""The search index: tantivy (BM25 ranking, English stemming, fuzzy terms, snippets), in memory.

A few hundred documents index in a few tens of milliseconds, so each app process builds its
own index when the content version changes and shares it between its requests; nothing is
written to disk and nothing is shared between processes but the database.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import tantivy
from django.conf import settings
from django.utils import translation

from education.models import ContentVersion

from .documents import Document, build_documents

#: Words that carry no meaning in a search: English stop words, and the question words
#: readers type ("what is", "how do I", "can I").
QUESTION_WORDS = [
    "what",
    "whats",
    "how",
    "why",
    "when",
    "where",
    "which",
    "who",
    "can",
    "could",
    "should",
    "would",
    "do",
    "does",
    "did",
    "i",
    "im",
    "me",
    "my",
    "you",
    "your",
    "we",
    "us",
    "our",
    "get",
    "have",
    "has",
    "mean",
    "means",
    "about",
    "from",
    "much",
    "many",
    "any",
    "some",
    "there",
    "help",
    "s",
    "t",
]


def analyzer(*word_filters):
    """Words in lower case, accents folded, then ``word_filters``, then English stems."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    for word_filter in (tantivy.Filter.lowercase(), tantivy.Filter.ascii_fold(), *word_filters):
        builder = builder.filter(word_filter)
    return builder.filter(tantivy.Filter.stemmer("english")).build()


def text_analyzer():
    """Prose: stop words and question words dropped."""
    return analyzer(
        tantivy.Filter.stopword("english"), tantivy.Filter.custom_stopword(QUESTION_WORDS)
    )


def name_analyzer():
    """Names keep every word ("T-DM1", "The Pill"), stemmed alike so plurals match."""
    return analyzer()


TEXT_FIELDS = {"names": "names", "summary": "text", "body": "text"}


def plain_name(name):
    """A name as compared whole: lower case, only letters and digits ("T-DXd" is "tdxd")."""
    return re.sub(r"[^0-9a-z]+", "", unidecode_lower(name))


def unidecode_lower(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def all_names(document):
    """The page's names, also without a part in brackets ("Osteonecrosis of the jaw (ONJ)"
    is also "Osteonecrosis of the jaw")."""
    names = [document.title, *document.names, *document.aliases]
    return names + [re.sub(r"\s*\([^)]*\)", "", name) for name in names if "(" in name]


def searched_names(names):
    """The page's names as indexed: each as written, and written together when it has a
    hyphen ("T-DXd" is also found as "TDXd")."""
    return names + [plain_name(name) for name in names if "-" in name and len(name) <= 12]


@dataclass
class SearchIndex:
    documents: list
    rewrites: dict
    #: {a name written plainly: the positions of the documents it names}
    whole_names: dict
    #: {length: [the names of ``whole_names`` that long]}
    names_by_length: dict
    #: {(segment, document id) in the index: the document's position in ``documents``}, so a
    #: hit's document is found without reading its stored fields.
    positions: dict
    schema: tantivy.Schema
    searcher: tantivy.Searcher
    text: tantivy.TextAnalyzer
    names: tantivy.TextAnalyzer

    @classmethod
    def build(cls, documents: list[Document], rewrites: dict):
        builder = tantivy.SchemaBuilder()
        for name, tokenizer in TEXT_FIELDS.items():
            builder.add_text_field(name, stored=True, tokenizer_name=tokenizer)
        builder.add_integer_field("position", stored=True)
        schema = builder.build()
        index = tantivy.Index(schema)  # in memory
        text_words, name_words = text_analyzer(), name_analyzer()
        index.register_tokenizer("text", text_words)
        index.register_tokenizer("names", name_words)
        writer = index.writer(heap_size=15_000_000, num_threads=1)
        whole_names = {}
        for position, document in enumerate(documents):
            names = all_names(document)
            for name in names:
                whole_names.setdefault(plain_name(name), set()).add(position)
            writer.add_document(
                tantivy.Document(
                    names=searched_names(names),
                    summary=document.summary,
                    body=document.body,
                    position=position,
                )
            )
        writer.commit()
        index.reload()
        searcher = index.searcher()
        every = searcher.search(tantivy.Query.all_query(), len(documents)).hits
        positions = {
            (address.segment_ord, address.doc): searcher.doc(address)["position"][0]
            for _, address in every
        }
        names_by_length = {}
        for name in whole_names:
            names_by_length.setdefault(len(name), []).append(name)
        return cls(
            documents,
            rewrites,
            whole_names,
            names_by_length,
            positions,
            schema,
            searcher,
            text_words,
            name_words,
        )


_lock = threading.Lock()
_built = {}


def current_index():
    """This process's index of the current content, built once per content version.

    It holds the English pages and their English addresses, whichever language the search
    that first needs it is made in: a Spanish search must not give English readers /es/ links.
    """
    version = ContentVersion.current()
    index = _built.get(version)
    if index is None:
        with _lock:
            index = _built.get(version)
            if index is None:
                with translation.override(settings.LANGUAGE_CODE):
                    index = SearchIndex.build(*build_documents())
                _built.clear()
                _built[version] = index
    return index


def forget():
    """Drop this process's index (tests roll the database back under the same version)."""
    _built.clear()
