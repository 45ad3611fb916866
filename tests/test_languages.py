"""The site in two languages, the Django way: English at the plain addresses, Spanish under
/es/, each page linking to its twin. Until a page's words are translated, its Spanish twin says
so and shows them in English, marked as English, and is kept out of search engines."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from education.models import Drug, Status
from education.questionnaire.results import STEPS
from education.search.index import forget

from handout_pdf import pdf_text, squash
from html_pages import sitemap_paths, soup_of
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, walk

pytestmark = pytest.mark.django_db
DRUG = "/drugs/trastuzumab/"


def spanish(words):
    with translation.override("es"):
        return translation.gettext(words)


def test_the_interface_words_are_in_spanish():
    for words in ("Search", "Skip to main content", "Side effects", "Find your options"):
        assert spanish(words) != words, f"not translated, or the catalogue is not compiled: {words}"


def spanish_plural(singular, plural, number):
    with translation.override("es"):
        return translation.ngettext(singular, plural, number)


def in_both_languages(words):
    """``words`` in Spanish, after checking the catalogue has them in Spanish."""
    translated = spanish(words)
    assert translated != words, f"not translated: {words}"
    return translated


def test_spanish_pages_show_their_interface_words_in_spanish(client):
    # A drug page's section headings, and its side-effect table (the drug's own words are
    # still in English there).
    page = soup_of(client, "/es" + DRUG)
    headings = {h.get_text(strip=True) for h in page.select("main h2")}
    for english in ("How is it given?", "How does it work?", "Who might get it?", "Side effects"):
        assert in_both_languages(english) in headings
        assert english not in headings
    columns = [th.get_text() for th in page.select(".side-effect-table thead th")]
    assert columns == [in_both_languages(w) for w in ("Side effect", "How often", "Notes")]
    assert page.select_one(".page-contents h2").get_text() == in_both_languages("On this page")
    english = soup_of(client, DRUG)
    assert english.select_one(".page-contents h2").get_text() == "On this page"
    # A page that is all interface.
    privacy = soup_of(client, "/es/privacy/")
    assert privacy.h1.get_text() == in_both_languages("Privacy: what this site stores")
    # The search page (Jinja2), its plurals and the words it fills in.
    found = soup_of(client, "/es/search/?q=tamoxifen")
    assert found.h1.get_text() == in_both_languages("Search")
    assert found.select_one("#best-heading").get_text() == in_both_languages("Best match")
    count = found.select_one(".result-count").get_text()
    number = int(count.split()[0])
    assert count == spanish_plural(
        "%(num)s result for “%(query)s”.", "%(num)s results for “%(query)s”.", number
    ) % {"num": number, "query": "tamoxifen"}
    nothing = soup_of(client, "/es/search/?q=<b>zzxq</b>").select_one(".result-count")
    words = in_both_languages("Nothing on this site matches “%(query)s”.")
    assert nothing.get_text() == words % {"query": "<b>zzxq</b>"}  # escaped, not markup
    assert not nothing.find("b")
    # A page that is not found.
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    missing = BeautifulSoup(response.content, "html.parser")
    assert missing.h1.get_text() == in_both_languages("We could not find that page")
    assert missing.title.get_text().startswith(in_both_languages("Page not found"))


def test_every_message_of_the_jinja2_templates_is_in_the_catalogue():
    # makemessages reads a plain {{ _("...") }} in templates/jinja2/ but not a message with
    # variables or a plural: those are listed in mbcsite/jinja_environment.py, and must match.
    from django.template import engines

    env = engines["jinja2"].env
    folder = settings.BASE_DIR / "templates" / "jinja2"
    messages = []
    for path in folder.rglob("*.html"):
        for _line, _function, message in env.extract_translations(path.read_text()):
            messages.append(message if isinstance(message, str) else message[0])
    assert len(messages) > 10
    for message in messages:
        assert spanish(message) != message, f"not in the catalogue: {message}"


def test_every_page_in_the_sitemap_has_a_spanish_twin_that_links_back(client, settings):
    settings.RATELIMIT_ENABLE = False
    paths = sitemap_paths(client)
    english = [path for path in paths if not path.startswith("/es/")]
    assert len(english) > 200
    assert {"/es" + path for path in english} == set(paths) - set(english)  # all in Spanish
    for path in english:
        response = client.get("/es" + path)
        assert response.status_code == 200, path
        if not response["Content-Type"].startswith("text/html"):
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "es", path
        assert response["Content-Language"] == "es"
        back = soup.select_one(".language-links a[hreflang=en]")
        assert back["href"] == path and back["lang"] == "en", path
        feedback = soup.select_one("footer a[href*='/feedback/?page=']")["href"]
        assert feedback == f"/es/feedback/?page={quote('/es' + path)}", path
        # Its links lead to Spanish pages: the twins of the English page's, which resolve.
        links = [a["href"] for a in soup.select("main a[href^='/']")]
        assert not [href for href in links if not href.startswith("/es/")], path


def test_each_page_links_to_the_same_page_in_the_other_language(client):
    english = soup_of(client, DRUG)
    assert english.html["lang"] == "en"
    twin = english.select_one(".language-links a")
    assert (twin["href"], twin["hreflang"], twin.get_text()) == ("/es" + DRUG, "es", "Español")
    # The interface of the Spanish page is in Spanish, its links stay in Spanish.
    page = soup_of(client, "/es" + DRUG)
    assert page.select_one(".site-search button").get_text() == spanish("Search")
    nav = [a["href"] for a in page.select(".site-nav a")]
    assert nav and all(href.startswith("/es/") for href in nav)
    assert page.select_one(".site-search")["action"] == "/es/search/"
    # A query string comes along.
    found = soup_of(client, "/search/?q=tamoxifen").select_one(".language-links a")
    assert found["href"] == "/es/search/?q=tamoxifen"


def test_an_address_with_no_twin_links_to_the_other_languages_home(client):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "es"
    assert soup.select_one(".language-links a")["href"] == reverse("education:home")


def test_words_not_yet_translated_are_shown_in_english_said_so_and_not_indexed(client):
    Drug.objects.filter(slug="trastuzumab").update(spanish_status=Status.REVIEW)
    twin = soup_of(client, "/es" + DRUG)
    notice = twin.select_one("main .language-notice")
    assert notice.get_text() == spanish(
        "This page is not yet in your language. For now, it is shown in English."
    )
    # Screen readers read the English words in English.
    content = twin.select_one("main > div[lang=en]")
    assert content.find("h1").get_text(strip=True).startswith("Trastuzumab")
    assert twin.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    english = soup_of(client, DRUG)
    assert not english.select(".language-notice, main > div[lang]")
    assert not english.find("meta", attrs={"name": "robots"})


def test_the_language_comes_from_the_address_alone(client):
    # A browser asking for Spanish still gets English at an English address, and the admin.
    for path in (DRUG, "/admin/login/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"].startswith("en"), path
        assert "Accept-Language" not in response.get("Vary", ""), path
    assert client.get("/es" + DRUG)["Content-Language"] == "es"


def test_the_page_cache_keeps_each_language_apart(client):
    for _ in range(2):  # the second round comes from the page cache
        assert soup_of(client, DRUG).html["lang"] == "en"
        assert soup_of(client, "/es" + DRUG).html["lang"] == "es"


def test_the_questionnaire_runs_in_its_spanish_address(client):
    response = client.get("/es/questionnaire/questions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/questionnaire/questions/")
    step = soup_of(client, response["Location"])
    assert step.html["lang"] == "es"
    assert step.find("form", method="post")


MONTHS_ES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()


def test_dates_are_written_out_as_each_language_writes_them(client):
    updated = Drug.objects.get(slug="trastuzumab").updated_at.date()
    english = soup_of(client, DRUG).find("time", datetime=updated.isoformat()).get_text()
    assert english == f"{updated:%B} {updated.day}, {updated.year}"  # not abbreviated
    spanish = soup_of(client, "/es" + DRUG).find("time", datetime=updated.isoformat()).get_text()
    assert spanish == f"{updated.day} de {MONTHS_ES[updated.month - 1]} de {updated.year}"


def test_a_results_pdf_made_in_one_language_is_not_given_in_the_other(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    today = timezone.localdate()
    _, spanish = pdf_text(client.get("/es" + reverse("education:questionnaire-handout")))
    _, english = pdf_text(client.get(reverse("education:questionnaire-handout")))
    assert squash(f"{today.day} de {MONTHS_ES[today.month - 1]} de {today.year}") in squash(spanish)
    assert squash(f"{today:%B} {today.day}, {today.year}") in squash(english)


def test_a_search_made_first_in_spanish_still_gives_english_readers_english_links(client):
    forget()  # the next search builds the index
    spanish = soup_of(client, "/es/search/?q=tamoxifen")
    assert spanish.html["lang"] == "es"
    english = soup_of(client, "/search/?q=tamoxifen")
    links = [a["href"] for a in english.select("main a[href]") if a["href"].startswith("/")]
    assert "/drugs/tamoxifen/" in links
    assert not [href for href in links if href.startswith("/es/")]


def spanish_for(*words):
    """The Spanish of each of the words, after checking each is translated."""
    found = [spanish(w) for w in words]
    untranslated = [w for w, es in zip(words, found, strict=True) if es == w]
    assert not untranslated, f"not translated, or the catalogue is not compiled: {untranslated}"
    return found


def test_the_questionnaire_interface_is_in_spanish_at_its_spanish_address(client):
    intro = soup_of(client, "/es/questionnaire/")
    heading, start = spanish_for(
        "Find the options to ask your care team about", "Start the questions"
    )
    assert intro.find("h1").get_text() == heading
    assert start in [a.get_text() for a in intro.select("main a.btn")]
    # Its words are all the interface's, so it does not say they are English.
    assert not intro.select(".language-notice, main > div[lang]")
    # A question's page: its buttons and its count.
    step = soup_of(client, client.get("/es/questionnaire/questions/")["Location"])
    back, go = spanish_for("Back", "Continue")
    assert step.select_one("a.back-link").get_text() == back
    assert step.select_one(".question-form button[type=submit]").get_text() == go
    (count,) = spanish_for("Question %(step)s of up to %(most_steps)s")
    assert step.select_one(".step-count").get_text() == count % {
        "step": 1,
        "most_steps": len(STEPS),
    }
    # The results, after answering.
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    english = soup_of(client, reverse("education:questionnaire-results"))
    results = soup_of(client, "/es" + reverse("education:questionnaire-results"))
    words = (
        "Treatments to ask about",  # a group of options, named on the model
        "Where you may be on your treatment path",
        "Questions to ask your care team",
        "To print and keep",
        "Your answers",
    )
    english_headings = [h2.get_text(strip=True) for h2 in english.select("main h2")]
    spanish_headings = [h2.get_text(strip=True) for h2 in results.select("main h2")]
    assert set(words) <= set(english_headings)
    assert set(spanish_for(*words)) <= set(spanish_headings)
    assert not set(words) & set(spanish_headings)
    assert results.find("h1").get_text() == spanish("Options to ask your care team about")
    buttons = [b.get_text() for b in results.select(".clear-forms button")]
    assert buttons == spanish_for("Start again", "Clear my answers")
    # The questions every list ends with, which a reader may save, are in Spanish too.
    questions = [li.get_text() for li in results.select(".care-team-questions li")]
    assert spanish_for("What is the goal of my treatment?")[0] in questions


def test_a_spanish_handout_says_it_is_in_spanish_and_has_spanish_headings(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    reader, text = pdf_text(client.get("/es" + reverse("education:questionnaire-handout")))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    headings = spanish_for(
        "Options to ask your care team about",
        "Your answers",
        "Treatments to ask about",
        "Your notes",
    )
    for heading in headings:
        assert squash(heading) in squash(text), heading
    assert squash(spanish("Page {page} of {pages}").format(page=1, pages=len(reader.pages))) in (
        squash(text)
    )
    _, english = pdf_text(client.get(reverse("education:questionnaire-handout")))
    assert squash("Your notes") in squash(english) and squash("Your notes") not in squash(text)
    # A page's handout too: its frame is Spanish, whatever language its words are in yet.
    drug, text = pdf_text(client.get("/es" + reverse("education:drug-handout", args=["letrozole"])))
    assert drug.trailer["/Root"]["/Lang"] == "es"
    assert squash(spanish_for("About this drug")[0]) in squash(text)


def test_the_feedback_form_is_in_spanish_at_its_spanish_address(client):
    form = soup_of(client, "/es/feedback/")
    heading, send, label = spanish_for(
        "Tell us about a mistake or what is missing", "Send my message", "What is wrong or missing?"
    )
    assert form.find("h1").get_text() == heading
    assert form.select_one(".feedback-form button[type=submit]").get_text() == send
    assert form.select_one("label[for=id_message]").get_text() == label
    assert not form.select(".language-notice, main > div[lang]")
    errors = BeautifulSoup(client.post("/es/feedback/", {"message": ""}).content, "html.parser")
    assert errors.select_one(".error-summary li").get_text() == spanish(
        "Please tell us what is wrong or missing."
    )
