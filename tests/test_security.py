"""Security and privacy a reader or editor relies on: headers, cookies, lockout, health."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from education.models import Drug

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
CONTENT_PAGES = [
    "/",
    "/drugs/",
    "/drugs/trastuzumab/",
    "/side-effects/mouth-sores/",
    "/survival/",
    "/glossary/",
    "/topics/about-this-site/",
    "/privacy/",
]


def test_deploy_check_passes_with_https_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SECURE="1",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_every_page_sends_strict_headers_and_sets_no_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy
    assert not response.cookies, f"{path} sets {list(response.cookies)}"


@pytest.mark.parametrize("path", CONTENT_PAGES + ["/questionnaire/questions/?reset"])
def test_pages_have_no_inline_script_or_style_for_the_policy_to_block(client, path):
    response = client.get(path, follow=True)
    soup = BeautifulSoup(response.content, "html.parser")
    assert not [s for s in soup.find_all("script") if not s.get("src")]
    assert not soup.find_all("style")
    assert not soup.find_all(style=True)
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def test_only_form_pages_set_cookies(client):
    response = client.get(reverse("education:questionnaire-wizard") + "?reset", follow=True)
    assert "csrftoken" in response.cookies or "csrftoken" in client.cookies


def test_admin_locks_out_after_repeated_failures_and_logs_it(client, django_user_model, caplog):
    django_user_model.objects.create_user(
        "chief", password="the-right-password-2026", is_staff=True
    )
    login = reverse("admin:login")
    for _ in range(5):
        client.post(login, {"username": "chief", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    response = client.post(
        login, {"username": "chief", "password": "the-right-password-2026"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert any("lock" in record.getMessage().lower() for record in caplog.records)


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "short", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_admin_is_staff_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="a-long-test-password")
    client.force_login(user)
    response = client.get(reverse("admin:education_drug_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_script_typed_into_the_admin_never_reaches_a_page(client):
    drug = Drug.objects.get(slug="letrozole")
    drug.who_for = (
        '<script>alert(1)</script> <a href="javascript:alert(2)">x</a> '
        '<img src=x onerror="alert(3)"> [y](javascript:alert(4)) <b onclick="alert(5)">b</b>'
    )
    drug.save()
    page = client.get(drug.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert not re.search(r"javascript:", page)
    assert "onerror" not in page and "onclick" not in page


def test_another_browser_has_its_own_session(client):
    client.get(reverse("education:questionnaire-wizard") + "?reset", follow=True)
    assert Client().get(reverse("education:questionnaire-results")).status_code == 200
