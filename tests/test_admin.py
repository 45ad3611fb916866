"""Editors can reach every kind of content in the admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", password="a-long-test-password")
    client.force_login(user)
    return client


def test_every_content_model_has_a_working_list_and_edit_page(admin_client_logged_in):
    for model in admin.site._registry:
        if model._meta.app_label != "education":
            continue
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client_logged_in.get(changelist).status_code == 200, changelist
        obj = model.objects.first()
        if obj is None:  # changes for review: none yet (tests/test_revisions.py opens them)
            continue
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert admin_client_logged_in.get(change).status_code == 200, change


def test_drugs_are_found_by_brand_name(admin_client_logged_in):
    url = reverse("admin:education_drug_changelist") + "?q=Herceptin"
    assert "trastuzumab" in admin_client_logged_in.get(url).content.decode()


def test_the_public_cannot_open_the_admin(client):
    response = client.get(reverse("admin:education_drug_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
