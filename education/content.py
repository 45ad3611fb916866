"""Where the starter content lives and in which order it loads."""

from django.conf import settings

#: Fixture files, one per family of content, in the order they must load
#: (each file refers only to rows in the files before it, by slug).
FIXTURE_FILES = [
    "sources.json",
    "treatments.json",
    "side_effects.json",
    "drugs.json",
    "features.json",
    "spread.json",
    "statistics.json",
    "glossary.json",
    "articles.json",
    "questionnaire.json",
]


def fixture_paths():
    return [settings.CONTENT_FIXTURE_DIR / name for name in FIXTURE_FILES]
