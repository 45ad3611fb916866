"""The search index: tantivy (BM25 ranking, stemming, fuzzy terms, snippets), in memory.

A few hundred documents index in a few tens of milliseconds, so each app process builds an
index per language when the content version changes and shares it between its requests;
nothing is written to disk and nothing is shared between processes but the database.

Each language's index holds the pages as that language's readers see them (the Spanish words
where they are published, and /es/ addresses) and reads words its own way: Spanish words are
stemmed as Spanish ("pastillas" finds "pastilla"), accents are folded in both ("pulmon" finds
"pulmón"), and names (drugs, brands) keep every word and are only lower-cased and folded.
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

#: The same for Spanish, accents folded as the analyzer folds them ("qué" is "que"); the
#: stop words are tantivy's Spanish list.
SPANISH_QUESTION_WORDS = [
    "que",
    "como",
    "cual",
    "cuales",
    "cuando",
    "donde",
    "quien",
    "por",
    "puedo",
    "puede",
    "debo",
    "tengo",
    "significa",
    "quiere",
    "decir",
    "mi",
    "mis",
    "usted",
    "ayuda",
]

#: Per language: tantivy's name for it (its stemmer and stop words), and its question words.
LANGUAGES = {"en": ("english", QUESTION_WORDS), "es": ("spanish", SPANISH_QUESTION_WORDS)}


def analyzer(language, *word_filters):
    """Words in lower case, accents folded, then ``word_filters``, then the language's stems."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    for word_filter in (tantivy.Filter.lowercase(), tantivy.Filter.ascii_fold(), *word_filters):
        builder = builder.filter(word_filter)
    return builder.filter(tantivy.Filter.stemmer(LANGUAGES[language][0])).build()


def text_analyzer(language="en"):
    """Prose: stop words and question words dropped."""
    name, question_words = LANGUAGES[language]
    return analyzer(
        language, tantivy.Filter.stopword(name), tantivy.Filter.custom_stopword(question_words)
    )


def name_analyzer(language="en"):
    """Names keep every word ("T-DM1", "The Pill"), stemmed alike so plurals match."""
    return analyzer(language)


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
    def build(cls, documents: list[Document], rewrites: dict, language="en"):
        builder = tantivy.SchemaBuilder()
        for name, tokenizer in TEXT_FIELDS.items():
            builder.add_text_field(name, stored=True, tokenizer_name=tokenizer)
        builder.add_integer_field("position", stored=True)
        schema = builder.build()
        index = tantivy.Index(schema)  # in memory
        text_words, name_words = text_analyzer(language), name_analyzer(language)
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
#: {(content version, language): index}: only the current version's are kept.
_built = {}


def current_index():
    """This process's index of the current content in the reader's language, built once per
    content version and language.

    Each is built in its own language, whichever page asked first: a Spanish search must not
    give English readers /es/ links, nor an English one Spanish readers English links.
    """
    language = translation.get_language()
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    key = (ContentVersion.current(), language)
    index = _built.get(key)
    if index is None:
        with _lock:
            index = _built.get(key)
            if index is None:
                with translation.override(language):
                    index = SearchIndex.build(*build_documents(), language=language)
                for old in [old for old in _built if old[0] != key[0]]:
                    del _built[old]
                _built[key] = index
    return index


def forget():
    """Drop this process's index (tests roll the database back under the same version)."""
    _built.clear()
