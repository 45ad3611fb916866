"""How easily each page's prose reads, in each language.

English is measured with the Flesch-Kincaid grade (``reading_grade``: aim 6, at most 8);
Spanish with the Fernández-Huerta reading ease (``spanish_reading_ease``: higher is easier).
"""

from education.models import Rule
from education.models.kinds import content_kinds

#: Fernández-Huerta: every Spanish page at least "normal" (60); "fairly easy" (70) is the aim.
SPANISH_FLOOR = 60
SPANISH_AIM = 70


def measured_models():
    """Every kind of content with prose a reader sees, and the questionnaire's rules."""
    return [m for m in content_kinds() if m.readable_fields] + [Rule]


def spanish_pages():
    """{"kind:slug": reading ease} of every page whose Spanish words readers see."""
    return {
        f"{model._meta.model_name}:{obj.slug}": ease
        for model in measured_models()
        for obj in model.objects.published()
        if obj.words_published_in("es") and (ease := obj.spanish_reading_ease()) is not None
    }
