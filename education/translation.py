"""The Spanish copy of every content field, kept with django-modeltranslation.

Each model names its translated fields in ``translated_fields``. For each one,
modeltranslation adds a column per language (``summary_en``, ``summary_es``) and makes the
plain name (``summary``) read the copy in the active language. Two things are added here:

- A page's Spanish words are reviewed and published apart from its English ones
  (``SpanishEdition`` in ``models/base.py``). Until they are, the plain name reads the English
  copy on Spanish pages too (``PublishedWordsDescriptor``), so a draft never reaches readers.
- History is registered here, after the copies exist, so every copy of every edit is kept.

modeltranslation imports this module when Django starts (it is listed before the admin in
INSTALLED_APPS).
"""

from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history import register as keep_history

from . import models

#: Translated fields that must stay unique among the rows that have them: a copy not yet
#: written is stored as NULL, not as empty text, so two of them don't clash.
UNIQUE_FIELDS = ("term",)


class PublishedWordsDescriptor(TranslationFieldDescriptor):
    """Reads the copy in the active language only where the row's words are published in it;
    otherwise the English copy."""

    def __get__(self, instance, owner):
        if instance is None:
            return self
        language = get_language()
        if language == settings.LANGUAGE_CODE or instance.words_published_in(language):
            return super().__get__(instance, owner)
        return getattr(instance, build_localized_fieldname(self.field.name, settings.LANGUAGE_CODE))


def translated_models():
    """The content models that name ``translated_fields``."""
    education = apps.get_app_config("education")
    return [model for model in education.get_models() if getattr(model, "translated_fields", ())]


for model in translated_models():
    fields = model.translated_fields
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        {
            "fields": fields,
            "required_languages": (settings.LANGUAGE_CODE,),
            "empty_values": {name: None for name in fields if name in UNIQUE_FIELDS},
        },
    )
    translator.register(model, options)
    for name in fields:
        plain = model.__dict__[name]
        setattr(
            model,
            name,
            PublishedWordsDescriptor(
                plain.field,
                plain.fallback_languages,
                plain.fallback_value,
                plain.fallback_undefined,
            ),
        )
    keep_history(model, m2m_fields=["sources"] if issubclass(model, models.EditorialModel) else [])
