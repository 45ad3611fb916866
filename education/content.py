"""Where the site's content lives on disk, and which rows go in which file.

`load_content` reads these files in this order (each refers only to rows in the files
before it, by slug or key); `export_content` writes the database back in the same layout.
"""

import json

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.utils import translation

from . import models

#: file name -> the models whose rows it holds, in the order they are written.
FIXTURE_LAYOUT = {
    "sources.json": [models.Source],
    "treatments.json": [models.TreatmentType, models.DrugFamily],
    "side_effects.json": [models.SideEffect],
    "drugs.json": [models.Drug, models.DrugSideEffect],
    "features.json": [models.CancerFeature],
    "spread.json": [models.SpreadSite],
    "statistics.json": [models.SurvivalStatistic],
    "glossary.json": [models.GlossaryTerm],
    "articles.json": [models.Article],
    "updates.json": [models.TreatmentUpdate],
    "questionnaire.json": [
        models.Question,
        models.AnswerChoice,
        models.QuestionCondition,
        models.Rule,
        models.RuleCondition,
    ],
    "paths.json": [models.TreatmentPath, models.PathCondition, models.PathStep],
    "search.json": [models.SearchSynonym],
}
FIXTURE_FILES = list(FIXTURE_LAYOUT)


def fixture_dir():
    return settings.CONTENT_FIXTURE_DIR


def fixture_paths(directory=None):
    directory = directory or fixture_dir()
    return [directory / name for name in FIXTURE_FILES]


#: Fields kept in the database only, never written to the files: they are bookkeeping,
#: not content (the number optimistic locking compares).
NOT_CONTENT_FIELDS = ("edit_version",)


def natural_order(model):
    """Rows in a stable order, so an export of unchanged content is byte-for-byte the same."""
    return sorted(model._default_manager.all(), key=lambda obj: obj.natural_key())


def serialize_rows(objects):
    """Rows as the files hold them: named by natural key, without ids or bookkeeping.

    A translated field's English words are under its plain name (``summary``), as before there
    were languages; each other language's copy (``summary_es``) only once it is written.
    """
    with translation.override(settings.LANGUAGE_CODE):
        rows = json.loads(
            serializers.serialize(
                "json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
            )
        )
    for row in rows:
        row.pop("pk", None)
        for name in NOT_CONTENT_FIELDS:
            row["fields"].pop(name, None)
        for name in getattr(apps.get_model(row["model"]), "translated_fields", ()):
            for language, _ in settings.LANGUAGES:
                copy = f"{name}_{language}"
                if language == settings.LANGUAGE_CODE or not row["fields"][copy]:
                    del row["fields"][copy]
    return rows
