"""When a request goes wrong, the reader gets the site's own page, in plain words, with a way
on: never Django's bare "Bad Request (400)" or "Forbidden (403)"."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from education.models import Drug
from feedback.models import Feedback

pytestmark = pytest.mark.django_db


def page(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.h1.get_text(strip=True), soup


def test_a_bad_request_gets_the_sites_400_page(client):
    response = client.get("/", HTTP_HOST="made-up.example")  # not an allowed host
    assert response.status_code == 400
    heading, soup = page(response)
    assert heading == "Something in that request was wrong"
    assert soup.find("a", href="/")
    assert "made-up.example" not in response.content.decode()


def test_a_closed_page_gets_the_sites_403_page(client, django_user_model):
    # Staff, but in no editorial group: may not preview an edit of a drug page.
    staff = django_user_model.objects.create_user(
        "newcomer", password="a-long-password-1", is_staff=True
    )
    client.force_login(staff)
    drug = Drug.objects.get(slug="letrozole")
    response = client.post(reverse("admin:education_drug_preview", args=[drug.pk]), {})
    assert response.status_code == 403
    heading, soup = page(response)
    assert heading == "This page is not open to you"
    assert soup.find("a", href="/")


def test_a_form_sent_without_its_csrf_token_gets_the_sites_page_and_saves_nothing():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/feedback/", {"message": "Hello", "page": "/drugs/"})
    assert response.status_code == 403
    heading, _ = page(response)
    assert heading == "Please send the form again"
    assert "Nothing was saved" in response.content.decode()
    assert not Feedback.objects.exists()
