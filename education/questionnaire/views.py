"""The questionnaire: an intro, one question a page, check your answers, and results."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from formtools.wizard.views import NamedUrlSessionWizardView

from education import diary
from education.languages import words_language_context
from education.models import Drug, DrugSideEffect, Rule, SideEffect
from education.text import plain_text
from education.warning_signs import drug_warning_signs

from ..handouts import (
    HandoutOptions,
    bad_options_response,
    cached_results_pdf,
    pdf_response,
    render_pdf,
)
from ..ratelimits import pdf_limit
from ..site_url import absolute_url
from . import rules
from .answers import load_answers, save_answers
from .engine import should_ask
from .forms import CurrentDrugsForm, QuestionForm
from .path_drawing import reader_path
from .paths import placements
from .results import STEPS, completed
from .summary_card import card_sections
from .trials import searches_for


def ask_condition(step):
    """Build the wizard's condition for a step: ask it unless earlier answers rule it out."""

    def condition(wizard):
        question = wizard.questions[step]
        conditions = [rules.to_condition(c) for c in question.ask_conditions.all()]
        earlier = {}
        for c in conditions:
            value = (wizard.get_cleaned_data_for_step(c.question) or {}).get(c.question)
            if value:  # not answered yet (or skipped) stays unknown: ask rather than guess
                earlier[c.question] = value if isinstance(value, list) else [value]
        return should_ask(conditions, earlier)

    return condition


class QuestionnaireWizard(NamedUrlSessionWizardView):
    form_list = [(step, QuestionForm) for step in STEPS]
    condition_dict = {step: ask_condition(step) for step in STEPS}
    template_name = "questionnaire/step.html"

    @cached_property
    def questions(self):
        return {question.key: question for question in rules.questions()}

    def get_form_kwargs(self, step=None):
        return {"question": self.questions[step or self.steps.current]}

    def post(self, request, *args, **kwargs):
        # The form posts plain, URL-encoded fields. (RequestBodyLimitMiddleware has already
        # refused any body over the size limit or with a file in it.)
        if request.content_type == "multipart/form-data":
            return HttpResponse(
                _("The questionnaire takes answers as a plain form, not as an upload."),
                status=415,
                content_type="text/plain; charset=utf-8",
            )
        # formtools trusts the posted step name; a tampered one must be a 400, not a crash.
        posted_step = request.POST.get(f"{self.prefix}-current_step")
        if posted_step is not None and posted_step not in self.get_form_list():
            raise SuspiciousOperation("The questionnaire step in the form is not a real step.")
        return super().post(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if "change" in request.GET and kwargs.get("step") in STEPS:
            self.storage.extra_data = {**self.storage.extra_data, "changing": True}
        return super().get(request, *args, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["question"] = question = self.questions[self.steps.current]
        context |= words_language_context([question])
        context["back_url"] = self.back_url()
        # Questions drop out as answers show they cannot matter, so a count of the questions
        # left would shrink as the reader goes; "of up to" every question never jumps.
        context["most_steps"] = len(STEPS)
        return context

    def back_url(self):
        """Back to "Check your answers" while changing an answer there; but a question that a
        change has just made necessary goes back to the changed question, so the change is kept
        (the check page still shows the answers from before it)."""
        current = self.steps.current
        if self.storage.extra_data.get("changing") and self.storage.get_step_data(current):
            return reverse("education:questionnaire-check")
        if self.steps.prev:
            return self.get_step_url(self.steps.prev)
        return reverse("education:questionnaire")

    def render_next_step(self, form, **kwargs):
        # After changing one answer from "Check your answers", go straight back there.
        # render_done re-checks every step and sends the reader to any newly needed one.
        if self.storage.extra_data.get("changing"):
            return redirect(self.get_step_url(self.done_step_name))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs):
        """As formtools does, but keep the step data so "Change" links reopen filled-in steps."""
        if kwargs.get("step") != self.done_step_name:
            return redirect(self.get_step_url(self.done_step_name))
        forms = {}
        for step in self.get_form_list():
            form_obj = self.get_form(step=step, data=self.storage.get_step_data(step))
            if not form_obj.is_valid():
                return self.render_revalidation_failure(step, form_obj, **kwargs)
            forms[step] = form_obj
        return self.done(list(forms.values()), form_dict=forms, **kwargs)

    def done(self, form_list, form_dict, **kwargs):
        save_answers(
            self.request.session, {step: form.answer_values() for step, form in form_dict.items()}
        )
        self.storage.extra_data = {}
        return redirect("education:questionnaire-check")


class IntroView(TemplateView):
    template_name = "questionnaire/intro.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_answers"] = load_answers(self.request.session) is not None
        context["most_steps"] = len(STEPS)
        return context


class AnswersMixin:
    """Pages built on the reader's finished answers; without them, a page that says so."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answers = load_answers(self.request.session)
        context["answers"] = answers
        context["all_questions"] = rules.questions()
        asked = [q for q in context["all_questions"] if answers and q.key in answers]
        context |= words_language_context(asked)
        context["answer_rows"] = [
            {
                "question": question,
                "labels": [
                    c.label for c in question.choices.all() if c.value in answers[question.key]
                ],
                "change_url": reverse("education:questionnaire-step", args=[question.key])
                + "?change",
            }
            for question in asked
        ]
        return context


class CheckAnswersView(AnswersMixin, TemplateView):
    template_name = "questionnaire/check.html"


class ResultsView(AnswersMixin, TemplateView):
    template_name = "questionnaire/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["answers"] is None:
            return context
        asked = context["all_questions"]
        tests = rules.tests_to_ask(asked)
        published = rules.published_rules()
        context["results"] = rules.results_for(context["answers"], published, asked)
        paths = rules.published_paths({rule.slug: rule for rule in published})
        context["paths"] = [
            reader_path(placement, tests)
            for placement in placements(completed(context["answers"]), paths)
        ]
        context["trial_searches"] = searches_for(context["answers"])
        # The options' words are the published rules': Spanish once every one's is.
        rows = [*asked, *Rule.objects.published().only("spanish_status")]
        return context | words_language_context(rows)


class PrintoutsView(AnswersMixin, TemplateView):
    """Where a reader makes their summary card or diary: the drugs to tick, and the buttons."""

    template_name = "questionnaire/printouts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["current_drugs_form"] = CurrentDrugsForm(
            drugs=Drug.objects.published().order_by("generic_name")
        )
        return context


class ReaderToolView(AnswersMixin, TemplateView):
    """A printout made from the reader's answers and the drugs they tick as current, posted
    from the printouts page (drug names never go in a web address). Without answers, the
    results page says there are none."""

    template_name = "questionnaire/results.html"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if context["answers"] is None:
            return self.render_to_response(context)
        options = HandoutOptions.from_request(request)
        if options is None:
            return bad_options_response()
        form = CurrentDrugsForm(request.POST, drugs=Drug.objects.published())
        if not form.is_valid():
            return HttpResponseBadRequest(
                _(
                    "We do not know one of the drugs you ticked. Go back to your list and try again."
                ),
                content_type="text/plain; charset=utf-8",
            )
        drugs = list(form.cleaned_data["current"])
        links = (
            DrugSideEffect.objects.visible_to(request.user)
            .filter(drug__in=drugs)
            .select_related("side_effect")
        )
        context.update(self.tool_context(context, drugs, links))
        pdf = render_pdf(self.pdf_template, context, request, options)
        response = pdf_response(pdf, self.filename)
        response["Cache-Control"] = "private, no-store"
        return response


@method_decorator(pdf_limit, name="dispatch")
class SummaryCardView(ReaderToolView):
    """One page that folds to a card: the reader's results, where it has spread, treatments so
    far, the drugs they take now, room for phone numbers, and the signs that mean calling now."""

    pdf_template = "handouts/summary_card.html"
    filename = "my-summary-card.pdf"

    def tool_context(self, context, drugs, links):
        index = Drug.objects.names_by_pk()
        fever = SideEffect.objects.published().filter(slug=diary.FEVER).first()
        warnings = []
        for drug in drugs:
            serious = [
                link.side_effect for link in links if link.drug_id == drug.pk and link.serious
            ]
            signs = drug_warning_signs(drug.pk, serious, index)
            if signs:
                warnings.append((drug, signs))
        return {
            "title": _("My summary card"),
            "page_url": absolute_url(reverse("education:questionnaire")),
            "sections": card_sections(context["answer_rows"]),
            "drugs": drugs,
            "fever_signs": plain_text(fever.call_now) if fever else "",
            "site_url": absolute_url("").rstrip("/"),
            "warnings": warnings,
        }


@method_decorator(pdf_limit, name="dispatch")
class PersonalDiaryView(ReaderToolView):
    """The side-effect diary with a row for each side effect a person can notice that is common
    or serious with the drugs they take, or with the drugs their list of options names."""

    pdf_template = "handouts/diary.html"
    filename = "my-side-effect-diary.pdf"

    def named_drugs(self, answers, taken):
        """The published drugs the reader's options link to, in the order the list shows them,
        leaving out those they tick as taken."""
        pages = rules.results_for(answers).pages_of(Drug.content_kind.key)
        by_page = {drug.get_absolute_url(): drug for drug in Drug.objects.published()}
        return [by_page[page] for page in pages if page in by_page and by_page[page] not in taken]

    def tool_context(self, context, drugs, links):
        named = self.named_drugs(context["answers"], drugs)
        named_links = (
            DrugSideEffect.objects.visible_to(self.request.user)
            .filter(drug__in=named)
            .select_related("side_effect")
        )
        theirs = {
            link.side_effect.slug
            for link in [*links, *named_links]
            if link.serious or link.frequency == DrugSideEffect.Frequency.COMMON
        }
        return diary.diary_context(SideEffect.objects.published(), also=theirs) | {
            "title": _("My side-effect diary"),
            "page_url": absolute_url(reverse("education:side-effect-list")),
            "drugs": drugs,
            "named_drugs": named,
        }


@method_decorator(pdf_limit, name="dispatch")
class ResultsHandoutView(ResultsView):
    """The reader's own results as a PDF, built from their session alone."""

    def render_to_response(self, context, **response_kwargs):
        if context["answers"] is None:
            return super().render_to_response(context, **response_kwargs)
        options = HandoutOptions.from_request(self.request)
        if options is None:
            return bad_options_response()
        context.update(
            title=_("Options to ask your care team about"),
            page_url=absolute_url(reverse("education:questionnaire")),
            site_url=absolute_url(""),  # before the addresses of the pages it names
            questions=context["results"].care_team_questions,
        )

        def make():
            return render_pdf("handouts/results.html", context, self.request, options)

        pdf = cached_results_pdf(context["answers"], options, make)
        response = pdf_response(pdf, "my-options-handout.pdf")
        response["Cache-Control"] = "private, no-store"
        return response


class ClearAnswersView(View):
    """Forget everything the reader answered: the whole session is flushed."""

    def post(self, request):
        request.session.flush()
        if request.POST.get("then") == "start":
            return redirect(reverse("education:questionnaire-wizard") + "?reset")
        messages.success(request, _("Your answers have been cleared from this browser."))
        return redirect("education:questionnaire")
