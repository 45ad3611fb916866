from django.urls import path
from django.views.decorators.cache import never_cache

from . import my_questions, views
from .cache import cache_public_page
from .feeds import WhatsNewFeed
from .health import healthz
from .questionnaire import views as questionnaire
from .search.views import SearchView
from .sitemaps import sitemap, sitemaps

app_name = "education"


def page(route, view, name):
    """A public content page: the same for every reader, so served from the page cache."""
    return path(route, cache_public_page(view), name=name)


def readers_own(route, view, name):
    """A page made from one reader's answers or list: never kept by any cache."""
    return path(route, never_cache(view), name=name)


urlpatterns = [
    page("", views.HomeView.as_view(), "home"),
    # Near the top: the page most often made afresh, and Django tries addresses in this order.
    path("search/", SearchView.as_view(), name="search"),
    page("treatments/", views.TreatmentTypeListView.as_view(), "treatment-list"),
    page("treatments/<slug:slug>/", views.TreatmentTypeDetailView.as_view(), "treatment-detail"),
    path(
        "treatments/<slug:slug>/handout.pdf",
        views.TreatmentTypeHandoutView.as_view(),
        name="treatment-handout",
    ),
    page("paths/", views.PathListView.as_view(), "path-list"),
    page("paths/<slug:slug>/", views.PathDetailView.as_view(), "path-detail"),
    path("paths/<slug:slug>/handout.pdf", views.PathHandoutView.as_view(), name="path-handout"),
    page("drugs/", views.DrugListView.as_view(), "drug-list"),
    page("drugs/<slug:slug>/", views.DrugDetailView.as_view(), "drug-detail"),
    path("drugs/<slug:slug>/handout.pdf", views.DrugHandoutView.as_view(), name="drug-handout"),
    path(
        "drugs/<slug:slug>/summary.pdf",
        views.DrugSummaryHandoutView.as_view(),
        name="drug-summary-handout",
    ),
    page("side-effects/", views.SideEffectListView.as_view(), "side-effect-list"),
    page("side-effects/<slug:slug>/", views.SideEffectDetailView.as_view(), "side-effect-detail"),
    path("side-effects/diary.pdf", views.SideEffectDiaryView.as_view(), name="side-effect-diary"),
    path(
        "side-effects/<slug:slug>/handout.pdf",
        views.SideEffectHandoutView.as_view(),
        name="side-effect-handout",
    ),
    page("cancer-features/", views.CancerFeatureListView.as_view(), "feature-list"),
    page("cancer-features/<slug:slug>/", views.CancerFeatureDetailView.as_view(), "feature-detail"),
    path(
        "cancer-features/<slug:slug>/handout.pdf",
        views.CancerFeatureHandoutView.as_view(),
        name="feature-handout",
    ),
    page("spread/", views.SpreadSiteListView.as_view(), "spread-list"),
    page("spread/<slug:slug>/", views.SpreadSiteDetailView.as_view(), "spread-detail"),
    path(
        "spread/<slug:slug>/handout.pdf",
        views.SpreadSiteHandoutView.as_view(),
        name="spread-handout",
    ),
    page("survival/", views.SurvivalView.as_view(), "survival"),
    path("survival/handout.pdf", views.SurvivalHandoutView.as_view(), name="survival-handout"),
    page("glossary/", views.GlossaryListView.as_view(), "glossary-list"),
    page("glossary/<slug:slug>/", views.GlossaryDetailView.as_view(), "glossary-detail"),
    page("topics/", views.ArticleListView.as_view(), "article-list"),
    page("topics/<slug:slug>/", views.ArticleDetailView.as_view(), "article-detail"),
    path(
        "topics/<slug:slug>/handout.pdf", views.ArticleHandoutView.as_view(), name="article-handout"
    ),
    page("whats-new/", views.TreatmentUpdateListView.as_view(), "whats-new"),
    page("whats-new/feed/", WhatsNewFeed(), "whats-new-feed"),
    page("whats-new/<slug:slug>/", views.TreatmentUpdateDetailView.as_view(), "whats-new-detail"),
    readers_own("questionnaire/", questionnaire.IntroView.as_view(), "questionnaire"),
    readers_own(
        "questionnaire/questions/",
        questionnaire.QuestionnaireWizard.as_view(url_name="education:questionnaire-step"),
        "questionnaire-wizard",
    ),
    readers_own(
        "questionnaire/questions/<slug:step>/",
        questionnaire.QuestionnaireWizard.as_view(url_name="education:questionnaire-step"),
        "questionnaire-step",
    ),
    readers_own(
        "questionnaire/check/", questionnaire.CheckAnswersView.as_view(), "questionnaire-check"
    ),
    readers_own(
        "questionnaire/results/", questionnaire.ResultsView.as_view(), "questionnaire-results"
    ),
    readers_own(
        "questionnaire/results/handout.pdf",
        questionnaire.ResultsHandoutView.as_view(),
        "questionnaire-handout",
    ),
    readers_own(
        "questionnaire/results/printouts/",
        questionnaire.PrintoutsView.as_view(),
        "questionnaire-printouts",
    ),
    readers_own(
        "questionnaire/results/summary.pdf",
        questionnaire.SummaryCardView.as_view(),
        "questionnaire-summary-card",
    ),
    readers_own(
        "questionnaire/results/diary.pdf",
        questionnaire.PersonalDiaryView.as_view(),
        "questionnaire-diary",
    ),
    readers_own(
        "questionnaire/clear/", questionnaire.ClearAnswersView.as_view(), "questionnaire-clear"
    ),
    readers_own("my-questions/", my_questions.MyQuestionsView.as_view(), "my-questions"),
    readers_own("my-questions/add/", my_questions.AddQuestionsView.as_view(), "my-questions-add"),
    readers_own(
        "my-questions/handout.pdf",
        my_questions.MyQuestionsHandoutView.as_view(),
        "my-questions-handout",
    ),
    page("privacy/", views.PrivacyView.as_view(), "privacy"),
    page("editorial-policy/", views.EditorialPolicyView.as_view(), "editorial-policy"),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", cache_public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    page("robots.txt", views.robots_txt, "robots"),
]
