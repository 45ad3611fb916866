"""Thin class-based views over the content QuerySets."""

from itertools import groupby

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from . import diary
from .glossary import glossary_linker
from .handouts import HandoutMixin, WholePageHandoutMixin
from .languages import words_language_context
from .models import (
    Article,
    CancerFeature,
    Drug,
    DrugSideEffect,
    GlossaryTerm,
    Revision,
    SideEffect,
    SpreadSite,
    Status,
    SurvivalStatistic,
    TreatmentPath,
    TreatmentType,
    TreatmentUpdate,
)
from .models.base import REVIEW_INTERVAL
from .questionnaire.path_drawing import draw, path_stages
from .questionnaire.results import STEPS
from .questionnaire.rules import path_spec, published_rules
from .questionnaire.trials import BY_KIND
from .revisions import preview
from .site_url import absolute_url
from .text import markdown_list_items, question_items
from .warning_signs import drug_warning_signs


def by_first_letter(items, name):
    """[(letter, items)] for an A-to-Z list: sorted without regard to case ("mTOR" among the
    Ms, not after "W"), one group a letter."""
    ordered = sorted(items, key=lambda item: name(item).casefold())
    return [
        (letter, list(group))
        for letter, group in groupby(ordered, key=lambda item: name(item)[0].upper())
    ]


class PublishedMixin:
    """Show what the reader may see (``visible_to``): the public sees published content, in
    the reader's language where its words are published in it (``content_language``)."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = [context["object"]] if "object" in context else context["object_list"]
        return context | words_language_context(rows)


class ContentDetailView(PublishedMixin, DetailView):
    """A detail page whose Markdown fields share one glossary linker.

    Staff may add ``?revision=<id>`` to see the page with a change that waits for review.
    """

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.previewing = None
        if self.request.user.is_staff:
            # Staff read the Spanish words at /es/ before they are published, to review them.
            obj.spanish_previewed = bool(obj.spanish_status != Status.PUBLISHED)
            revisions = Revision.objects.for_object(obj)
            self.pending = revisions.pending().first()
            wanted = self.request.GET.get("revision", "")
            if wanted:
                if not wanted.isdigit():
                    raise Http404("No such change.")
                self.previewing = get_object_or_404(revisions, pk=wanted)
                preview(obj, self.previewing.data)
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.is_staff:
            context["previewing"] = self.previewing
            context["pending_revision"] = self.pending
        with translation.override(context["content_language"]):
            context["glossary_linker"] = glossary_linker(exclude_url=self.object.get_absolute_url())
        context["page_sources"] = self.object.sources.primary_first()
        return context


#: How many "What's new" entries the home page shows.
HOME_UPDATES = 3


#: The pages about clinical trials (a topic and a kind of treatment share the address name):
#: each offers a ready-made search for every kind of cancer.
CLINICAL_TRIALS = "clinical-trials"


def trial_searches_on(page):
    return BY_KIND if page.slug == CLINICAL_TRIALS else ()


#: The topic a reader new to all this should read first.
START_HERE = "understanding-metastatic-breast-cancer"


class HomeView(TemplateView):
    template_name = "education/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["treatment_types"] = TreatmentType.objects.published()
        context["features"] = CancerFeature.objects.published()
        context["spread_sites"] = SpreadSite.objects.published()
        articles = Article.objects.published()
        # The gentle first read is offered on its own, near the top: not again in the list.
        context["start_here"] = articles.filter(slug=START_HERE).first()
        context["articles_by_section"] = articles.exclude(slug=START_HERE).by_section()
        context["latest_updates"] = TreatmentUpdate.objects.published()[:HOME_UPDATES]
        context["most_steps"] = len(STEPS)
        shown = ("treatment_types", "features", "spread_sites", "latest_updates")
        rows = [row for name in shown for row in context[name]]
        return context | words_language_context([*rows, *articles])


class PrivacyView(TemplateView):
    template_name = "education/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feedback_retention_days"] = settings.FEEDBACK_RETENTION_DAYS
        return context


class EditorialPolicyView(TemplateView):
    """Who stands behind the site, and how it is written, checked and corrected. What it says
    about who runs this copy comes only from settings, and is never guessed when unset."""

    template_name = "education/editorial_policy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            site_owner=settings.SITE_OWNER,
            contact_email=settings.SITE_CONTACT_EMAIL,
            funding=settings.SITE_FUNDING,
            review_months=round(REVIEW_INTERVAL.days * 12 / 365),
        )
        return context


class TreatmentTypeListView(PublishedMixin, ListView):
    model = TreatmentType


class TreatmentTypeDetailView(ContentDetailView):
    model = TreatmentType

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        families = self.object.families.visible_to(self.request.user)
        drugs = Drug.objects.visible_to(self.request.user)
        context["families"] = families.prefetch_related(Prefetch("drugs", queryset=drugs))
        context["articles"] = self.object.articles.published()
        context["trial_searches"] = trial_searches_on(self.object)
        return context


class DrugListView(PublishedMixin, ListView):
    """Drugs A to Z, with every brand name listed in its place and pointing to its drug."""

    model = Drug
    template_name = "education/drug_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("family")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = []
        for drug in context["object_list"]:
            entries.append({"name": drug.generic_name, "drug": drug, "is_brand": False})
            for brand in drug.brand_name_list:
                entries.append({"name": brand, "drug": drug, "is_brand": True})
        context["letters"] = by_first_letter(entries, lambda entry: entry["name"])
        return context


class DrugDetailView(ContentDetailView):
    model = Drug

    def get_queryset(self):
        return super().get_queryset().select_related("family__treatment_type", "label_source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        links = (
            DrugSideEffect.objects.filter(drug=self.object)
            .visible_to(self.request.user)
            .select_related("side_effect")
        )
        context["side_effect_links"] = links
        context["boxed_warnings"] = [link for link in links if link.boxed_warning]
        context["warning_signs"] = self.warning_signs(links)
        context["features"] = self.object.features.published()
        context["related_drugs"] = (
            Drug.objects.published().filter(family=self.object.family).exclude(pk=self.object.pk)
        )
        context["articles"] = self.object.articles.published()
        return context

    def warning_signs(self, links):
        """Each serious side effect's "call now" signs that fit this drug, for the page's and
        the handout's "When to call" box."""
        serious = [link.side_effect for link in links if link.serious]
        return drug_warning_signs(self.object.pk, serious, Drug.objects.names_by_pk())


class SideEffectListView(PublishedMixin, ListView):
    model = SideEffect


class SideEffectDetailView(ContentDetailView):
    model = SideEffect

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["drug_links"] = (
            DrugSideEffect.objects.filter(
                side_effect=self.object, drug__in=Drug.objects.published()
            )
            .select_related("drug")
            .order_by("drug__generic_name")
        )
        return context


class CancerFeatureListView(PublishedMixin, ListView):
    model = CancerFeature


class CancerFeatureDetailView(ContentDetailView):
    model = CancerFeature

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["drugs"] = self.object.drugs.published()
        return context


class SpreadSiteListView(PublishedMixin, ListView):
    model = SpreadSite


class SpreadSiteDetailView(ContentDetailView):
    model = SpreadSite

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["drugs"] = self.object.drugs.published()
        context["treatment_types"] = self.object.treatment_types.published()
        return context


class SurvivalView(PublishedMixin, ListView):
    model = SurvivalStatistic
    template_name = "education/survival.html"
    #: What a reader might ask about the numbers: on the page, and on the handout with lines.
    questions = (
        _("What do these numbers mean for me and my cancer?"),
        _("Are there newer figures for people like me?"),
    )

    def get_queryset(self):
        return super().get_queryset().select_related("source")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"questions": self.questions}


class GlossaryListView(PublishedMixin, ListView):
    model = GlossaryTerm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letters"] = by_first_letter(context["object_list"], lambda term: term.term)
        return context


class GlossaryDetailView(ContentDetailView):
    model = GlossaryTerm


class ArticleListView(PublishedMixin, ListView):
    model = Article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = context["object_list"].by_section()
        return context


class ArticleDetailView(ContentDetailView):
    model = Article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["treatment_types"] = self.object.treatment_types.published()
        context["drugs"] = self.object.drugs.published()
        context["trial_searches"] = trial_searches_on(self.object)
        context["saveable_questions"] = bool(question_items(self.object.body))
        return context


class TreatmentUpdateListView(PublishedMixin, ListView):
    """What's new: dated treatment changes, newest first."""

    model = TreatmentUpdate


class TreatmentUpdateDetailView(ContentDetailView):
    model = TreatmentUpdate

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changed_pages"] = [
            *((_("Drug"), drug.display_name, drug) for drug in self.object.drugs.published()),
            *((_("Test result"), f.name, f) for f in self.object.features.published()),
            *((_("Kind of treatment"), t.name, t) for t in self.object.treatment_types.published()),
            *((_("Topic"), a.title, a) for a in self.object.articles.published()),
        ]
        return context


class TreatmentTypeHandoutView(HandoutMixin, TreatmentTypeDetailView):
    handout_template = "handouts/treatment.html"
    default_questions = (
        _("Is this kind of treatment an option for me? Why or why not?"),
        _("What is the goal of this treatment for me?"),
        _("Which side effects should I watch for, and when should I call you?"),
        _("How will we know if it is working?"),
    )


class DrugHandoutView(HandoutMixin, DrugDetailView):
    handout_template = "handouts/drug.html"
    default_questions = (_("Which side effects should I call you about right away?"),)

    def handout_questions(self):
        return markdown_list_items(self.object.questions) + list(self.default_questions)


class DrugSummaryHandoutView(DrugHandoutView):
    """Two pages to bring to a visit: the key points, the side effects and when to call.

    On paper it cites the drug's label; the page online lists every source.
    """

    handout_template = "handouts/drug_summary.html"
    #: How many of the drug's questions the sheet has room for.
    QUESTIONS = 3

    def handout_title(self):
        return gettext("%(title)s: summary") % {"title": super().handout_title()}

    def handout_filename(self):
        return f"{self.object.slug}-summary.pdf"

    def handout_questions(self):
        return super().handout_questions()[: self.QUESTIONS]

    def handout_context(self, context):
        cited = [self.object.label_source] if self.object.label_source else []
        cited = cited or list(context["page_sources"][:1])
        return {
            "page_sources": cited,
            "sources_left_out": len(context["page_sources"]) - len(cited),
        }


class SideEffectDiaryView(WholePageHandoutMixin, TemplateView):
    """A diary to print: a week a page, the days across, the side effects a person notices
    down, with the "call now" signs for a fever on the first page."""

    handout_template = "handouts/diary.html"
    handout_heading = _("Side-effect diary")
    page_url_name = "education:side-effect-list"
    pdf_filename = "side-effect-diary.pdf"

    def get_context_data(self, **kwargs):
        published = SideEffect.objects.published()
        return super().get_context_data(**kwargs) | diary.diary_context(published)


class SideEffectHandoutView(HandoutMixin, SideEffectDetailView):
    handout_template = "handouts/side_effect.html"
    default_questions = (
        _("What can I do at home to ease this?"),
        _("Which signs mean I should call you right away, day or night?"),
        _("Is there a medicine that can help?"),
    )


class CancerFeatureHandoutView(HandoutMixin, CancerFeatureDetailView):
    handout_template = "handouts/feature.html"
    default_questions = (
        _("What is my result, and how sure is it?"),
        _("Should this test be done again, or on a new sample?"),
        _("Which treatments does this result open for me?"),
    )


class SpreadSiteHandoutView(HandoutMixin, SpreadSiteDetailView):
    handout_template = "handouts/spread.html"
    default_questions = (
        _("What signs should I watch for, and when should I call you?"),
        _("Is there a treatment aimed at this area that could help me?"),
    )


class SurvivalHandoutView(WholePageHandoutMixin, SurvivalView):
    handout_template = "handouts/survival.html"
    default_questions = SurvivalView.questions
    handout_heading = _("What the survival numbers mean")
    page_url_name = "education:survival"
    pdf_filename = "survival-numbers-handout.pdf"

    def handout_context(self, context):
        sources = {stat.source_id: stat.source for stat in context["object_list"]}
        return {"page_sources": list(sources.values())}


class ArticleHandoutView(HandoutMixin, ArticleDetailView):
    handout_template = "handouts/article.html"
    default_questions = (
        _("What does this mean for me?"),
        _("What should we talk about at my next visit?"),
    )


def robots_txt(request):
    """Crawlers may read every content page, but not the admin, search results (endless and
    thin) or the questionnaire's steps and results (personal, and empty to a crawler)."""
    private = [
        reverse("admin:index"),
        reverse("education:search"),
        reverse("education:questionnaire-wizard"),
        reverse("education:questionnaire-check"),
        reverse("education:questionnaire-results"),
        reverse("feedback:form"),  # a form, linked from every page with ?page=
    ]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in private),
        f"Sitemap: {absolute_url(reverse('education:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class PathListView(PublishedMixin, ListView):
    model = TreatmentPath


class PathDetailView(ContentDetailView):
    """A kind of cancer's treatment path: drawn, then the same steps as a list."""

    model = TreatmentPath

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rules = {rule.slug: rule for rule in published_rules()}
        path = path_spec(self.object, rules)
        context["path"] = path
        context["stages"] = path_stages(path)
        context["drawing"] = draw(path)
        context["print_drawing"] = draw(path, side_by_side=True)
        return context


class PathHandoutView(HandoutMixin, PathDetailView):
    """A treatment path on paper: the drawing with its stages side by side, on one or two
    pages."""

    handout_template = "handouts/path.html"
    default_questions = (
        _("Which step of this path am I on now, and what may come next?"),
        _("Which tests could open other choices for me?"),
    )
