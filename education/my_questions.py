"""A reader's own list of questions for their care team: kept only in their session (the
encrypted cookie), gone with "Clear my answers" or when the browser closes.

Questions come from the site's own lists (a drug's questions, the survival page's, the reader's
results), chosen on a page that shows them; a reader does not type them in. So the list holds
the site's words, and a post naming anything else is refused.
"""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from .handouts import WholePageHandoutMixin
from .models import Article, Drug
from .questionnaire import rules
from .questionnaire.answers import load_answers
from .text import markdown_list_items, question_items
from .views import SurvivalView

SESSION_KEY = "my_questions"
#: The most questions a list keeps: enough for several visits, small enough for the cookie.
MOST = 40


def saved(session):
    value = session.get(SESSION_KEY)
    return [q for q in value if isinstance(q, str)] if isinstance(value, list) else []


def questions_on(path, session):
    """The questions the page at ``path`` lists, or None if it is not a page with a list."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name == "education:drug-detail":
        drug = Drug.objects.published().filter(slug=match.kwargs.get("slug")).first()
        return markdown_list_items(drug.questions) if drug and drug.questions else None
    if match.view_name == "education:article-detail":
        article = Article.objects.published().filter(slug=match.kwargs.get("slug")).first()
        return (question_items(article.body) or None) if article else None
    if match.view_name == "education:survival":
        return list(SurvivalView.questions)
    if match.view_name == "education:questionnaire-results":
        answers = load_answers(session)
        if answers is None:
            return None
        return rules.results_for(answers).questions_to_ask
    return None


class AddQuestionsView(TemplateView):
    """Shows a page's questions with boxes to tick; saving adds the ticked ones to the list."""

    template_name = "my_questions/add.html"

    def page_questions(self, page):
        questions = questions_on(page, self.request.session)
        if not questions:
            raise Http404("That page has no questions to save.")
        return questions

    def get(self, request, *args, **kwargs):
        if not request.GET.get("page"):  # no page to take questions from: the list itself
            return redirect("education:my-questions")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        page = self.request.GET.get("page", "")
        return super().get_context_data(**kwargs) | {
            "page": page,
            "questions": self.page_questions(page),
        }

    def post(self, request):
        page = request.POST.get("page", "")
        offered = self.page_questions(page)
        chosen = request.POST.getlist("question")
        if not chosen or not set(chosen) <= set(offered):
            return HttpResponseBadRequest(
                _("Tick at least one of the questions on the page, then save."),
                content_type="text/plain; charset=utf-8",
            )
        current = saved(request.session)
        request.session[SESSION_KEY] = (current + [q for q in chosen if q not in current])[:MOST]
        return redirect("education:my-questions")


class MyQuestionsView(TemplateView):
    """The reader's list: move a question up or down, remove it, print it or save it as a PDF."""

    template_name = "my_questions/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"questions": saved(self.request.session)}

    def post(self, request):
        questions = saved(request.session)
        action, number = request.POST.get("action"), request.POST.get("number", "")
        if not number.isdigit() or int(number) >= len(questions):
            return HttpResponseBadRequest(
                _("That question is no longer on your list. Go back to your list and try again."),
                content_type="text/plain; charset=utf-8",
            )
        index = int(number)
        if action == "remove":
            del questions[index]
            # The page opens at the question that took its place (or the one before the end).
            place = min(index, len(questions) - 1)
        elif action in ("up", "down"):
            other = index - 1 if action == "up" else index + 1
            place = index
            if 0 <= other < len(questions):
                questions[index], questions[other] = questions[other], questions[index]
                place = other  # the page opens where the moved question now is
        else:
            return HttpResponseBadRequest(
                _("Choose move up, move down or remove."), content_type="text/plain; charset=utf-8"
            )
        request.session[SESSION_KEY] = questions
        anchor = f"#question-{place}" if place >= 0 else ""
        return redirect(reverse("education:my-questions") + anchor)


class MyQuestionsHandoutView(WholePageHandoutMixin, TemplateView):
    """The list as a PDF, each question with lines for the answer. Made from the session only."""

    handout_template = "handouts/my_questions.html"
    handout_heading = gettext_lazy("My questions for my care team")
    page_url_name = "education:my-questions"
    pdf_filename = "my-questions.pdf"
    #: One reader's own list: never put in the shared PDF cache.
    shared = False

    def handout_questions(self):
        return saved(self.request.session)
