"""The editorial base every public content model shares."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from education.text import normalise_text, reading_grade, spanish_reading_ease

from .source_kinds import PRIMARY_KINDS

#: Content not reviewed for this long is flagged as needing review.
REVIEW_INTERVAL = timedelta(days=365)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class EditorialQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """What this person may see: the public sees published rows; staff also see drafts
        and rows in review, to preview them."""
        return self if user.is_staff else self.published()

    def review_due(self):
        """Published content never reviewed, or last reviewed over 12 months ago."""
        cutoff = timezone.localdate() - REVIEW_INTERVAL
        return self.published().filter(
            models.Q(last_reviewed_on__isnull=True) | models.Q(last_reviewed_on__lt=cutoff)
        )

    def without_primary_source(self):
        """Rows none of whose sources is a label, regulator, NCI, guideline or journal."""
        return self.exclude(sources__kind__in=PRIMARY_KINDS)


class SlugManager(models.Manager):
    """Looks rows up by slug, so fixtures name rows by slug instead of database ids."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


EditorialManager = SlugManager.from_queryset(EditorialQuerySet)


class KeyManager(models.Manager):
    """Looks rows up by their stable ``key`` (sources, questions) in fixtures."""

    def get_by_natural_key(self, key):
        return self.get(key=key)


class Versioned(models.Model):
    """A row editors change in the admin, with a number that goes up on every save.

    The admin sends the number the editor opened with their form; a save made from an older
    number is refused, so a second, stale save never silently overwrites the first
    (optimistic locking). The number is not part of the content files.
    """

    edit_version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up by one on every save."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = (
                type(self)._base_manager.filter(pk=self.pk).values_list("edit_version", flat=True)
            )
            self.edit_version = (stored.first() or 0) + 1
        super().save(*args, **kwargs)


class WordsPublished:
    """Which languages a row's words may be read in: English always (its own ``status`` says
    whether the page is shown at all), another language once its edition is published."""

    def words_published_in(self, language):
        raise NotImplementedError

    @property
    def languages_published(self):
        """The site's languages this row's words are published in, English first."""
        return [code for code, _ in settings.LANGUAGES if self.words_published_in(code)]


class SpanishEdition(WordsPublished, models.Model):
    """A row whose Spanish words are reviewed and published apart from its English words.

    Until its Spanish status is published, the Spanish page shows the English words with a
    notice (``PublishedWordsDescriptor`` in ``education/translation.py``).
    """

    spanish_status = models.CharField(
        "Spanish status",
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Readers see the Spanish words only once this is published. Until then the "
        "Spanish page shows the English words, with a notice.",
    )

    class Meta:
        abstract = True

    #: Set on a row staff are looking at: they see its Spanish words before they are
    #: published, to review them on the page (``ContentDetailView``).
    spanish_previewed = False

    def words_published_in(self, language):
        return language == settings.LANGUAGE_CODE or (
            language == "es" and (self.spanish_status == Status.PUBLISHED or self.spanish_previewed)
        )

    def spanish_reading_ease(self):
        """Fernández-Huerta reading ease of the Spanish words of ``readable_fields``, read as
        one text; None while none are written."""
        names = getattr(self, "readable_fields", ())
        return spanish_reading_ease(*(getattr(self, f"{name}_es") for name in names))


class EditorialModel(SpanishEdition, Versioned):
    """Status, review record and sources for a piece of public content.

    Only ``published`` rows are shown to the public. ``last_reviewed_on`` and
    ``reviewed_by`` stay empty until a real medical reviewer signs off: never fill
    them in by hand with a date or a name that did not happen.
    """

    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The last part of the page address. Lower case, words joined by hyphens.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published content is shown to the public.",
    )
    updated_at = models.DateTimeField(
        auto_now=True, help_text="Set automatically whenever the content is saved."
    )
    last_reviewed_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date a medical reviewer last checked this. Empty until a real review.",
    )
    reviewed_by = models.CharField(
        max_length=150,
        blank=True,
        help_text="The medical reviewer who last checked this, set when a reviewer publishes. "
        "Kept as a name so the content files load on any install. Empty until a real review.",
    )
    sources = models.ManyToManyField(
        "education.Source",
        blank=True,
        related_name="%(class)s_set",
        help_text="Where the facts on this page come from. Every page needs at least one.",
    )

    objects = EditorialManager()
    # Its history, with the sources, is registered with its language copies
    # (education/translation.py).

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)

    #: The prose fields a reader sees on the page, measured for reading level.
    readable_fields = ()
    #: What search, the sitemap, the review panel and queue and the readability report need to
    #: know about this kind (see ``kinds.py``): every concrete content model declares one.
    content_kind = None

    def reading_grade(self):
        """Flesch-Kincaid grade of the page's prose, read as one text."""
        return reading_grade(*(getattr(self, name) for name in self.readable_fields))

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def review_due_on(self):
        return self.last_reviewed_on + REVIEW_INTERVAL if self.last_reviewed_on else None

    @property
    def is_review_due(self):
        due = self.review_due_on
        return self.is_published and (due is None or due < timezone.localdate())


def key_point_lines(text):
    """Key points written one per line, without any bullet marks an editor typed."""
    points = (line.strip().lstrip("-*• ").strip() for line in text.splitlines())
    return [point for point in points if point]


class KeyPointsPage(models.Model):
    """A page that opens with a few plain key points, shown on the page and on its handout.

    A summary first helps a worried reader most: they may read nothing else.
    """

    #: How many key points a page may have.
    KEY_POINTS_RANGE = (3, 5)

    key_points = models.TextField(
        blank=True,
        help_text="3 to 5 short, plain sentences, one per line: what a reader most needs to "
        "take away from this page. Only facts the page itself states. Shown in a box at the top "
        "of the page and on its handout. No Markdown.",
    )

    class Meta:
        abstract = True

    @property
    def key_point_list(self):
        """The key points, one per line, without any bullet marks an editor typed."""
        return key_point_lines(self.key_points)

    def clean(self):
        """Checks the key points in each language (``key_points_en``, ``key_points_es``)."""
        super().clean()
        least, most = self.KEY_POINTS_RANGE
        errors = {}
        for code, _ in settings.LANGUAGES:
            name = f"key_points_{code}"
            count = len(key_point_lines(getattr(self, name, None) or ""))
            if count and not least <= count <= most:
                errors[name] = (
                    f"Write {least} to {most} key points, one per line. This has {count}."
                )
        if errors:
            raise ValidationError(errors)


def normalise_text_fields(sender, instance, **kwargs):
    """Before any content row is saved: tidy every text field (see ``normalise_text``)."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            # Each stored value as it is: the plain name of a translated field reads the copy
            # in the active language (education/translation.py).
            value = instance.__dict__.get(field.attname)
            if value is None and getattr(field, "empty_value", None) == "":
                # A language copy not yet written is empty text, as the admin's form saves it.
                instance.__dict__[field.attname] = ""
            elif isinstance(value, str):
                instance.__dict__[field.attname] = normalise_text(value)
