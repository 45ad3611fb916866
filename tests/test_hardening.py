"""What stays private: caching of personal responses, logs, request bodies, the reader's
address behind proxies, and the questionnaire cookie."""

import base64
import binascii
import io
import json
import logging
import os
import subprocess
import sys
import time
import zlib
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.test.client import encode_multipart
from django.urls import reverse

from education.models import SideEffect
from education.questionnaire.answers import load_answers
from feedback.models import Feedback
from mbcsite import encrypted_cookie_session
from mbcsite.client_address import client_address

from admin_forms import change_url, form_data
from questionnaire_flow import PREFIX, RESULTS, START, post_form, post_step, step_url, walk

pytestmark = pytest.mark.django_db

DRUG = "/drugs/letrozole/"
ANSWERS = {
    "hormone_receptor": ["positive"],
    "her2": ["negative"],
    "menopause": ["post"],
    "mutations": ["pik3ca", "esr1"],
    "spread": ["bone", "liver"],
    "prior_treatments": ["aromatase_inhibitor", "cdk46", "fulvestrant"],
    "growing": ["yes"],
    "serious_symptoms": ["no"],
}
#: Answer values that appear nowhere else in a session (not step names, not "unsure").
SECRET_VALUES = ["pik3ca", "esr1", "aromatase_inhibitor", "cdk46", "fulvestrant", "liver"]
MB = 1024 * 1024


def private(response):
    control = response.get("Cache-Control", "")
    return "private" in control and "no-store" in control and "public" not in control


# Cache-Control: staff and session responses are private, no-store.


def test_staff_get_private_pages_and_anonymous_readers_public_ones(client, staff_client):
    assert private(staff_client.get(DRUG))
    assert private(staff_client.get("/"))
    anonymous = client.get(DRUG)
    assert "public" in anonymous["Cache-Control"] and not private(anonymous)
    again = client.get(DRUG)  # from the page cache
    assert "public" in again["Cache-Control"]


def test_a_reader_with_a_session_gets_private_pages(client):
    walk(client, ANSWERS)
    assert private(client.get(DRUG))
    assert private(client.get(step_url("her2")))
    assert private(post_step(client, "her2", ["negative"]))
    assert private(client.get(RESULTS))


def test_every_admin_page_is_private(client, staff_client):
    assert private(client.get(reverse("admin:login")))
    assert private(client.get(reverse("admin:index")))  # the redirect to sign in
    assert private(staff_client.get(reverse("admin:index")))
    assert private(staff_client.get("/admin/no-such-page/"))


def test_a_response_that_sets_a_cookie_is_private(client):
    response = client.get(START, follow=True)
    assert response.cookies or client.cookies
    assert private(response)
    assert private(client.post(reverse("feedback:form"), {"message": ""}))


# Logs never carry query strings, bodies or the request.


@contextmanager
def console_output():
    """What the configured console handler (JSON formatter and filters) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(old)


def logged_lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_404_is_logged_without_its_query_string_or_request(client):
    with console_output() as stream:
        response = client.get("/search/nonexistent-thing?q=secret+words")
        client.post("/drugs/no-such-drug/?q=secret-get", {"answer": "secret-post"})
    assert response.status_code == 404
    output = stream.getvalue()
    assert "Not Found: /search/nonexistent-thing" in output
    assert "secret" not in output
    assert all(not line.get("request") for line in logged_lines(stream))


def test_a_400_is_logged_without_its_query_string(client):
    with console_output() as stream:
        bad_host = client.get("/search/?q=secret+words", HTTP_HOST="evil.example")
        tampered = post_form(
            client,
            step_url("her2") + "?q=secret-get",
            {f"{PREFIX}-current_step": "no-such-step", "her2-her2": "secret-post"},
        )
    assert bad_host.status_code == 400 and tampered.status_code == 400
    output = stream.getvalue()
    assert "Invalid HTTP_HOST" in output and "not a real step" in output
    assert "secret" not in output


def test_runserver_request_lines_lose_their_query_string():
    with console_output() as stream:
        logging.getLogger("django.server").warning(
            '"%s" %s %s', "GET /search/?q=bone+pain HTTP/1.1", "404", "179"
        )
        logging.getLogger("django.server").info('"%s" %s %s', "GET /?a=1&b=2 HTTP/1.1", 200, 9)
    messages = [line["message"] for line in logged_lines(stream)]
    assert messages == ['"GET /search/ HTTP/1.1" 404 179', '"GET / HTTP/1.1" 200 9']


def test_tracebacks_and_ordinary_question_marks_are_kept():
    with console_output() as stream:
        try:
            raise ValueError("boom")
        except ValueError:
            logging.getLogger("django.request").exception("Is this kept? %s", "yes")
    (line,) = logged_lines(stream)
    assert line["message"] == "Is this kept? yes"
    assert "ValueError: boom" in line["exc_info"]


# Request bodies are capped and files refused.


def big_multipart_post(client, url, data):
    body = encode_multipart("BoUnDaRy", data)
    return client.generic("POST", url, body, content_type="multipart/form-data; boundary=BoUnDaRy")


def test_a_30mb_multipart_post_to_a_step_is_refused_unread_and_saves_nothing(client):
    walk(client, ANSWERS)
    before = load_answers(client.session)
    data = {f"{PREFIX}-current_step": "her2", "her2-her2": "positive", "padding": "x" * (30 * MB)}
    started = time.monotonic()
    response = big_multipart_post(client, step_url("her2"), data)
    assert response.status_code == 413
    assert time.monotonic() - started < 5
    assert "too large" in response.content.decode()
    assert load_answers(client.session) == before
    assert not response.cookies


def test_a_30mb_form_post_is_refused_before_it_is_read(client):
    body = urlencode({"message": "x" * (30 * MB)})
    response = client.generic(
        "POST", reverse("feedback:form"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert not Feedback.objects.exists()
    # Claiming a huge body and sending little: refused on the claim, nothing read.
    response = client.generic(
        "POST",
        reverse("feedback:form"),
        "message=hi",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(30 * MB),
    )
    assert response.status_code == 413


def test_a_file_is_refused_with_a_plain_message(client):
    upload = io.BytesIO(b"%PDF-1.4 not really")
    upload.name = "scan.pdf"
    response = client.post(
        reverse("feedback:form"), {"message": "See attached.", "attachment": upload}
    )
    assert response.status_code == 415
    assert response.content.decode() == "This site does not take file uploads."
    assert not Feedback.objects.exists()
    client.get(START, follow=True)
    upload.seek(0)
    response = client.post(
        step_url("hormone_receptor"),
        {f"{PREFIX}-current_step": "hormone_receptor", "f": upload},
    )
    assert response.status_code == 415


def test_questionnaire_steps_take_a_plain_form_and_refuse_multipart(client):
    walk(client, ANSWERS)
    before = load_answers(client.session)
    fields = {f"{PREFIX}-current_step": "her2", "her2-her2": "positive"}
    multipart = client.post(step_url("her2"), fields)  # the test client's default encoding
    assert multipart.status_code == 415
    assert "plain form" in multipart.content.decode()
    assert load_answers(client.session) == before
    urlencoded = client.post(
        step_url("her2"), urlencode(fields), content_type="application/x-www-form-urlencoded"
    )
    assert urlencoded.status_code == 302


def test_the_biggest_admin_form_fits_the_limits_ten_times_over(editor):
    """Measured: a side effect with every drug that has it is the admin's biggest form."""
    biggest = max(SideEffect.objects.all(), key=lambda s: s.drugs.count())
    data = form_data(editor.get(change_url(biggest)).content.decode())
    size = len(urlencode(data, doseq=True))
    fields = sum(len(v) if isinstance(v, list) else 1 for v in data.values())
    assert 10 * size < django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert 10 * fields < django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert editor.post(change_url(biggest), data).status_code == 302


# One client address behind proxies, for axes, ratelimit and the feedback form.


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_x_forwarded_for_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert client_address(request_from("198.51.100.1", "203.0.113.9")) == "198.51.100.1"
    assert client_address(request_from("garbage")) == "0.0.0.0"


def test_behind_proxies_the_address_the_outermost_proxy_saw(settings):
    settings.PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1", "1.1.1.1, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from("10.0.0.1", "203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from("10.0.0.1", " 2001:DB8::1 ")) == "2001:db8::1"
    settings.PROXY_COUNT = 2
    forwarded = "6.6.6.6, 203.0.113.9, 10.0.0.2"
    assert client_address(request_from("10.0.0.1", forwarded)) == "203.0.113.9"
    # Missing, too short or garbled: the connection's address, never a client's word.
    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"
    assert client_address(request_from("10.0.0.1", "203.0.113.9")) == "10.0.0.1"
    assert client_address(request_from("10.0.0.1", "x, not-an-ip, 10.0.0.2")) == "10.0.0.1"


def feedback_post(client, forwarded, proxy="10.0.0.1"):
    return client.post(
        reverse("feedback:form"),
        {"message": "A message."},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_spoofed_forwarded_entries_do_not_escape_the_feedback_limit(client, settings):
    settings.PROXY_COUNT = 1
    for n in range(5):
        assert feedback_post(client, f"192.0.2.{n}, 203.0.113.5").status_code == 302
    assert feedback_post(client, "192.0.2.99, 203.0.113.5").status_code == 429
    assert feedback_post(client, "192.0.2.99, 203.0.113.6").status_code == 302  # someone else


def test_without_proxies_forwarded_entries_are_not_separate_readers(client, settings):
    settings.PROXY_COUNT = 0
    for n in range(5):
        assert feedback_post(client, f"203.0.113.{n}", proxy="198.51.100.3").status_code == 302
    assert feedback_post(client, "203.0.113.99", proxy="198.51.100.3").status_code == 429


def admin_login(password, forwarded):
    return Client().post(
        reverse("admin:login"),
        {"username": "chief", "password": password},
        REMOTE_ADDR="10.0.0.1",  # every request comes through our one proxy
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_an_attacker_behind_the_proxy_cannot_lock_an_editor_out(settings, django_user_model):
    settings.PROXY_COUNT = 1
    django_user_model.objects.create_user(
        "chief", password="the-right-password-2026", is_staff=True
    )
    for n in range(5):  # address A, with a new spoofed entry each time
        admin_login("wrong", f"198.51.100.{n}, 203.0.113.66")
    # A is locked out, whatever it writes in the header...
    assert admin_login("the-right-password-2026", "198.51.100.200, 203.0.113.66").status_code == 429
    # ...and the editor at address B signs in.
    assert admin_login("the-right-password-2026", "192.0.2.10").status_code == 302


def load_settings(env, code):
    """Import the settings in a fresh interpreter with these variables set; run ``code``."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FEEDBACK_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_proxy_count_comes_from_the_environment_and_the_old_header_setting_is_refused():
    code = "import mbcsite.settings as s; print(s.PROXY_COUNT)"
    assert load_settings({"DJANGO_SECRET_KEY": "x"}, code).stdout.strip() == "0"
    assert (
        load_settings({"DJANGO_SECRET_KEY": "x", "DJANGO_PROXY_COUNT": "2"}, code).stdout.strip()
        == "2"
    )
    for bad in ("-1", "one"):
        result = load_settings({"DJANGO_SECRET_KEY": "x", "DJANGO_PROXY_COUNT": bad}, code)
        assert result.returncode != 0 and "DJANGO_PROXY_COUNT" in result.stderr
    result = load_settings(
        {"DJANGO_SECRET_KEY": "x", "FEEDBACK_CLIENT_IP_HEADER": "X-Real-IP"}, code
    )
    assert result.returncode != 0 and "DJANGO_PROXY_COUNT" in result.stderr


# The questionnaire cookie is encrypted.


def readable_forms(value):
    """The cookie as text, and every ":"-separated part base64-decoded (and unzipped) as far
    as it goes: what anyone holding the cookie could read without a key."""
    forms = [value]
    for part in value.split(":"):
        part = part.lstrip(".")
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except (binascii.Error, ValueError):
            continue
        forms.append(raw.decode("latin-1"))
        try:
            forms.append(zlib.decompress(raw).decode("latin-1"))
        except zlib.error:
            pass
    return forms


def session_cookie(client):
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)


def test_the_session_cookie_cannot_be_read_but_still_works(client):
    walk(client, ANSWERS)
    cookie = session_cookie(client)
    for text in readable_forms(cookie):
        for value in SECRET_VALUES:
            assert value not in text
    assert len(cookie) < 3000
    other = Client()
    other.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    assert load_answers(other.session) == load_answers(client.session)
    assert load_answers(other.session)["mutations"] == ["pik3ca", "esr1"]
    assert page_text(other.get(RESULTS)) == page_text(client.get(RESULTS))


def test_a_cookie_made_with_another_secret_or_tampered_is_an_empty_session(client, settings):
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789"
    walk(client, ANSWERS)
    foreign = session_cookie(client)
    settings.SECRET_KEY = "the-current-secret-key-0123456789"
    for cookie in (foreign, foreign[:-2] + ("AA" if foreign[-2:] != "AA" else "BB"), "garbage"):
        reader = Client()
        reader.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
        assert load_answers(reader.session) is None
        assert reader.get(RESULTS).status_code == 200
    # Rotating the secret: the old one, kept as a fallback, still reads it.
    settings.SECRET_KEY_FALLBACKS = ["another-secret-key-entirely-0123456789"]
    reader = Client()
    reader.cookies[django_settings.SESSION_COOKIE_NAME] = foreign
    assert load_answers(reader.session)["mutations"] == ["pik3ca", "esr1"]


def test_the_cookie_expires_with_the_session_age(client, monkeypatch):
    walk(client, ANSWERS)
    assert load_answers(client.session) is not None
    later = time.time() + django_settings.SESSION_COOKIE_AGE + 60

    class Clock:
        @staticmethod
        def time():
            return later

    monkeypatch.setattr(encrypted_cookie_session, "time", Clock)
    assert load_answers(client.session) is None


def test_sessions_use_the_encrypted_cookie_engine():
    assert django_settings.SESSION_ENGINE == "mbcsite.encrypted_cookie_session"


def test_editors_can_still_sign_in_with_the_encrypted_session(django_user_model):
    user = django_user_model.objects.create_user(
        "pat", password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    browser = Client()
    response = browser.post(
        reverse("admin:login"), {"username": "pat", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert browser.get(reverse("admin:index")).status_code == 200
