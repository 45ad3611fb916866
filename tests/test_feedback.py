"""Tell us about a mistake or what is missing: what a reader and an editor notice."""

import pickle
import re
from datetime import timedelta
from io import StringIO
from urllib.parse import quote, urlsplit

import pytest
import test_stylesheet as stylesheet
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback

from admin_forms import form_data

pytestmark = pytest.mark.django_db

FORM = "/feedback/"
THANKS = "/feedback/thanks/"
LIMITED = "You have sent several messages in the last hour. Please try again later."
MESSAGE = "The letrozole page says to take it at night. My leaflet does not say that."


def send(client, address="198.51.100.7", **data):
    data = {"message": MESSAGE, "page": "/drugs/letrozole/", **data}
    return client.post(FORM, data, REMOTE_ADDR=address)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_form_is_filled_in_with_the_page_and_says_what_it_is_for(client):
    response = client.get(FORM, {"page": "/drugs/letrozole/"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.find("input", {"name": "page", "type": "hidden"})["value"] == "/drugs/letrozole/"
    assert soup.find("a", href="/drugs/letrozole/")
    text = " ".join(soup.find("main").get_text(" ").split())
    assert "We cannot give medical advice." in text
    assert "call 911" in text
    assert "We do not keep your internet address." in text
    assert "We delete messages after 365 days." in text
    assert soup.find("main").find("a", href=reverse("education:privacy"))
    for name in ("message", "email"):
        field = soup.find(id=f"id_{name}")
        assert soup.find("label", attrs={"for": f"id_{name}"})
        assert f"id_{name}_helptext" in field["aria-describedby"]
        assert soup.find(id=f"id_{name}_helptext")


def test_form_pages_are_private_and_never_in_the_public_page_cache(client):
    for response in (
        client.get(FORM, {"page": "/"}),
        client.get(FORM),
        client.get(THANKS),
        send(client, message=""),
    ):
        control = response["Cache-Control"]
        assert "no-store" in control and "private" in control
        assert "public" not in control
        assert not getattr(response, "public_page", False)


def test_feedback_is_stored_with_its_page_and_listed_for_editors_as_new(editor):
    response = send(Client(), email="reader@example.org")
    assert response.status_code == 302
    assert response["Location"] == THANKS + "?page=%2Fdrugs%2Fletrozole%2F"
    thanks = Client().get(response["Location"])
    assert "Thank you. We got your message." in thanks.content.decode()
    assert soup_of(thanks).find("a", href="/drugs/letrozole/")

    feedback = Feedback.objects.get()
    assert (feedback.page, feedback.message, feedback.email) == (
        "/drugs/letrozole/",
        MESSAGE,
        "reader@example.org",
    )
    assert feedback.status == Feedback.Status.NEW
    assert timezone.now() - feedback.created_at < timedelta(minutes=1)

    listing = editor.get(reverse("admin:feedback_feedback_changelist"))
    assert listing.status_code == 200
    row = soup_of(listing).find(id="result_list").find("tbody").find("tr")
    cells = " ".join(row.get_text(" ").split())
    assert "/drugs/letrozole/" in cells
    assert "New" in cells
    assert "The letrozole page says to take it at night." in cells
    filtered = editor.get(reverse("admin:feedback_feedback_changelist") + "?status__exact=new")
    assert "/drugs/letrozole/" in filtered.content.decode()
    answered = editor.get(reverse("admin:feedback_feedback_changelist") + "?status__exact=answered")
    assert "/drugs/letrozole/" not in answered.content.decode()


def test_editors_change_the_status_and_note_but_not_the_message(editor):
    send(Client())
    feedback = Feedback.objects.get()
    url = reverse("admin:feedback_feedback_change", args=[feedback.pk])
    form = editor.get(url)
    assert form.status_code == 200
    data = form_data(form.content.decode())
    assert "message" not in data and "page" not in data  # shown, not editable
    data.update(status="answered", editor_note="Checked the label: no timing given. Fixed.")
    data["message"] = "Tampered."
    assert editor.post(url, data).status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED
    assert feedback.editor_note.startswith("Checked the label")
    assert feedback.message == MESSAGE
    assert editor.get(reverse("admin:feedback_feedback_add")).status_code == 403


def test_medical_reviewers_can_read_feedback_too(reviewer):
    send(Client())
    assert reviewer.get(reverse("admin:feedback_feedback_changelist")).status_code == 200


def test_the_robot_trap_stores_nothing_but_says_thank_you(client):
    response = send(client, website="http://spam.example/")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == THANKS
    assert not Feedback.objects.exists()


def test_the_robot_trap_is_hidden_from_people(client):
    soup = soup_of(client.get(FORM))
    trap = soup.find("input", {"name": "website"})
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    wrapper = trap.find_parent("div")
    assert wrapper["aria-hidden"] == "true"
    assert "feedback-trap" in wrapper["class"]
    css = (stylesheet.ROOT / "static" / "css" / "site.css").read_text()
    assert re.search(r"\.feedback-trap \{[^}]*left: -10000px", css)


def test_the_sixth_post_in_an_hour_from_one_address_is_refused_kindly(client):
    for _ in range(5):
        assert send(client, address="203.0.113.5").status_code == 302
    response = send(client, address="203.0.113.5")
    assert response.status_code == 429
    page = " ".join(soup_of(response).find("main").get_text(" ").split())
    assert LIMITED in page
    assert "If this is urgent, call your care team." in page
    assert Feedback.objects.count() == 5
    assert send(client, address="203.0.113.6").status_code == 302  # someone else is not held up
    assert client.get(FORM).status_code == 200  # reading the form is never limited


def test_robot_posts_count_towards_the_limit_too(client):
    for _ in range(5):
        send(client, address="203.0.113.9", website="x")
    assert send(client, address="203.0.113.9").status_code == 429
    assert not Feedback.objects.exists()


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_names(client, settings):
    settings.PROXY_COUNT = 1  # our proxy appends the address it saw to X-Forwarded-For

    def post(forwarded):
        return client.post(
            FORM, {"message": MESSAGE}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )

    for n in range(6):
        assert post(f"192.0.2.{n}").status_code == 302
    for n in range(5):
        post(f"10.9.9.{n}, 192.0.2.9")  # what the client wrote itself is not read
    assert post("192.0.2.9").status_code == 429
    garbled = post("not an address")
    assert garbled.status_code == 302  # falls back to the connection's address


def test_the_address_is_kept_nowhere(client):
    send(client, address="203.0.113.77", email="a@example.org")
    feedback = Feedback.objects.get()
    stored = " ".join(str(getattr(feedback, f.attname)) for f in Feedback._meta.concrete_fields)
    assert "203.0.113.77" not in stored
    assert not [f for f in Feedback._meta.fields if "ip" in f.name or "addr" in f.name]
    # The limit's count is in the cache under a hash, with nothing else.
    cache = caches["default"]
    if not isinstance(cache, LocMemCache):
        return  # Redis: the same keys, but not readable this way
    for key, value in cache._cache.items():
        assert "203.0.113.77" not in key
        assert b"203.0.113.77" not in value and "203.0.113.77" not in str(pickle.loads(value))


def test_no_cookie_but_csrf_and_the_session_is_never_touched():
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(FORM, {"page": "/drugs/letrozole/"})
    assert set(form.cookies) == {"csrftoken"}
    token = soup_of(form).find("input", {"name": "csrfmiddlewaretoken"})["value"]
    posted = browser.post(
        FORM,
        {"csrfmiddlewaretoken": token, "message": MESSAGE, "page": "/drugs/letrozole/"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert posted.status_code == 302
    assert set(posted.cookies) <= {"csrftoken"}
    thanks = browser.get(posted["Location"])
    assert not thanks.cookies
    errors = browser.post(FORM, {"csrfmiddlewaretoken": token, "message": ""})
    assert errors.status_code == 200 and set(errors.cookies) <= {"csrftoken"}
    for _ in range(6):
        limited = browser.post(
            FORM,
            {"csrfmiddlewaretoken": token, "message": MESSAGE},
            REMOTE_ADDR="198.51.100.21",
        )
    assert limited.status_code == 429 and not limited.cookies
    assert set(browser.cookies) == {"csrftoken"}
    assert Feedback.objects.count() == 6


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/",
        "//evil.example/drugs/",
        "/\\evil.example",
        "javascript:alert(1)",
        "drugs/letrozole/",
        "/drugs/\x00letrozole/",
        "/" + "a" * 600,
    ],
)
def test_a_page_on_another_site_is_not_kept(client, page):
    soup = soup_of(client.get(FORM, {"page": page}))
    assert not soup.find("input", {"name": "page"})
    assert "evil" not in soup.find("main").decode()
    response = send(client, page=page)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).query == ""
    assert Feedback.objects.get().page == ""


def test_only_the_path_of_a_site_address_is_kept(client):
    send(client, page="/drugs/letrozole/?q=x#side-effects")
    assert Feedback.objects.get().page == "/drugs/letrozole/"


@pytest.mark.parametrize(
    "data, error",
    [
        ({"message": ""}, "Please tell us what is wrong or missing."),
        ({"message": "   \n  "}, "Please tell us what is wrong or missing."),
        ({"message": "x" * 3001}, "Please make your message shorter."),
        ({"email": "not an email"}, "Please check your email address."),
        ({"email": "a@example.org\x00"}, "Please check your email address."),
        ({"message": "bad\x00byte"}, "Please take out the odd characters"),
    ],
)
def test_bad_input_gets_a_plain_message_and_stores_nothing(client, data, error):
    response = send(client, **data)
    assert response.status_code == 200
    soup = soup_of(response)
    summary = soup.find(class_="error-summary")
    assert summary and "There is a problem" in summary.get_text()
    assert error in summary.get_text()
    assert soup.title.get_text().startswith("Error:")
    invalid = soup.find(attrs={"aria-invalid": "true"})
    assert soup.find(id=f"{invalid['id']}_error")
    assert summary.find("a", href=f"#{invalid['id']}")
    assert not Feedback.objects.exists()


def test_a_long_message_counts_line_breaks_as_the_browser_does(client):
    message = "ab\r\n" * 1000  # 3,000 characters in the browser's count, 4,000 as sent
    assert send(client, message=message).status_code == 302
    assert len(Feedback.objects.get().message) == 2999  # the last line break is trimmed


def test_other_methods_are_refused(client):
    assert client.put(FORM).status_code == 405
    assert client.post(THANKS).status_code == 405


def test_hostile_text_is_shown_back_escaped(client):
    response = send(client, message="x" * 3001 + "<script>alert(1)</script>", email="<b>@x")
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "<b>@x" not in body


def test_delete_old_feedback_deletes_only_old_rows(settings):
    now = timezone.now()
    ages = {"old": 400, "just-over": 366, "recent": 10, "today": 0}
    for page, days in ages.items():
        row = Feedback.objects.create(page=f"/{page}/", message=page)
        Feedback.objects.filter(pk=row.pk).update(created_at=now - timedelta(days=days))
    out = StringIO()
    call_command("delete_old_feedback", stdout=out)
    assert out.getvalue().strip() == "Deleted 2 feedback messages older than 365 days."
    assert set(Feedback.objects.values_list("page", flat=True)) == {"/recent/", "/today/"}

    settings.FEEDBACK_RETENTION_DAYS = 5
    out = StringIO()
    call_command("delete_old_feedback", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 feedback message older than 5 days."
    assert list(Feedback.objects.values_list("page", flat=True)) == ["/today/"]


def footer_feedback_link(response):
    footer = soup_of(response).find("footer")
    return footer.find("a", string="Tell us about a mistake or what is missing")["href"]


def test_every_content_page_footer_links_to_feedback_about_itself(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    paths = [path for path in paths if not path.startswith("/es/")]  # twins: test_languages
    assert len(paths) > 200
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert footer_feedback_link(response) == f"/feedback/?page={quote(path)}", path
    # From the page cache too: each page keeps its own link.
    assert footer_feedback_link(client.get("/drugs/letrozole/")).endswith("/drugs/letrozole/")
    assert footer_feedback_link(client.get("/drugs/tamoxifen/")).endswith("/drugs/tamoxifen/")
    # Following the link fills in the form.
    form = soup_of(client.get(footer_feedback_link(client.get("/survival/"))))
    assert form.find("input", {"name": "page"})["value"] == "/survival/"


def test_the_footer_link_on_other_pages_is_safe(client):
    response = client.get("/drugs/no-such-drug/")
    assert footer_feedback_link(response) == "/feedback/?page=/drugs/no-such-drug/"
    response = client.get("/drugs/%22%3E%3Cscript%3E/")
    assert "<script>" not in response.content.decode()


def test_robots_stay_out_of_the_form(client):
    assert "Disallow: /feedback/" in client.get("/robots.txt").content.decode()


def test_every_bootstrap_class_the_feedback_pages_use_is_in_the_trimmed_build(client):
    used = set()
    for response in (
        client.get(FORM, {"page": "/drugs/letrozole/"}),
        send(client, message=""),
        client.get(THANKS, {"page": "/"}),
    ):
        assert response.status_code == 200
        used |= {
            name
            for value in stylesheet.CLASS_ATTRIBUTE.findall(response.content.decode())
            for name in value.split()
        }
    for _ in range(5):
        send(client, address="203.0.113.50")
    limited = send(client, address="203.0.113.50")
    assert limited.status_code == 429
    used |= {
        name
        for value in stylesheet.CLASS_ATTRIBUTE.findall(limited.content.decode())
        for name in value.split()
    }
    bootstrap = used & stylesheet.css_classes(stylesheet.FULL)
    assert {"btn", "form-label", "form-text"} <= bootstrap
    assert not bootstrap - stylesheet.css_classes(stylesheet.TRIMMED)
    site_css = stylesheet.css_classes(stylesheet.ROOT / "static" / "css" / "site.css")
    assert not used - bootstrap - site_css, "classes with no style anywhere"


def test_no_inline_script_or_style_on_the_feedback_pages(client):
    for response in (client.get(FORM), send(client, message=""), client.get(THANKS)):
        soup = soup_of(response)
        assert not [s for s in soup.find_all("script") if not s.get("src")]
        assert not soup.find_all("style") and not soup.find_all(style=True)
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
