from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .cache import cache_public_page
from .questionnaire import views as questionnaire
from .sitemaps import sitemaps

app_name = "education"

urlpatterns = [
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path(
        "treatments/",
        cache_public_page(views.TreatmentTypeListView.as_view()),
        name="treatment-list",
    ),
    path(
        "treatments/<slug:slug>/",
        cache_public_page(views.TreatmentTypeDetailView.as_view()),
        name="treatment-detail",
    ),
    path("drugs/", cache_public_page(views.DrugListView.as_view()), name="drug-list"),
    path(
        "drugs/<slug:slug>/", cache_public_page(views.DrugDetailView.as_view()), name="drug-detail"
    ),
    path(
        "side-effects/",
        cache_public_page(views.SideEffectListView.as_view()),
        name="side-effect-list",
    ),
    path(
        "side-effects/<slug:slug>/",
        cache_public_page(views.SideEffectDetailView.as_view()),
        name="side-effect-detail",
    ),
    path(
        "cancer-features/",
        cache_public_page(views.CancerFeatureListView.as_view()),
        name="feature-list",
    ),
    path(
        "cancer-features/<slug:slug>/",
        cache_public_page(views.CancerFeatureDetailView.as_view()),
        name="feature-detail",
    ),
    path("spread/", cache_public_page(views.SpreadSiteListView.as_view()), name="spread-list"),
    path(
        "spread/<slug:slug>/",
        cache_public_page(views.SpreadSiteDetailView.as_view()),
        name="spread-detail",
    ),
    path("survival/", cache_public_page(views.SurvivalView.as_view()), name="survival"),
    path("glossary/", cache_public_page(views.GlossaryListView.as_view()), name="glossary-list"),
    path(
        "glossary/<slug:slug>/",
        cache_public_page(views.GlossaryDetailView.as_view()),
        name="glossary-detail",
    ),
    path("topics/", cache_public_page(views.ArticleListView.as_view()), name="article-list"),
    path(
        "topics/<slug:slug>/",
        cache_public_page(views.ArticleDetailView.as_view()),
        name="article-detail",
    ),
    path("questionnaire/", questionnaire.IntroView.as_view(), name="questionnaire"),
    path(
        "questionnaire/questions/",
        questionnaire.QuestionnaireWizard.as_view(url_name="education:questionnaire-step"),
        name="questionnaire-wizard",
    ),
    path(
        "questionnaire/questions/<slug:step>/",
        questionnaire.QuestionnaireWizard.as_view(url_name="education:questionnaire-step"),
        name="questionnaire-step",
    ),
    path(
        "questionnaire/check/", questionnaire.CheckAnswersView.as_view(), name="questionnaire-check"
    ),
    path(
        "questionnaire/results/", questionnaire.ResultsView.as_view(), name="questionnaire-results"
    ),
    path(
        "questionnaire/clear/", questionnaire.ClearAnswersView.as_view(), name="questionnaire-clear"
    ),
    path("sitemap.xml", cache_public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", cache_public_page(views.robots_txt), name="robots"),
]
