"""Project-level checks an operator would notice."""

import pytest
from django.core.management import call_command
from django.template import loader


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_500_page_renders_without_a_request_or_database():
    html = loader.get_template("500.html").render()
    assert "Sorry, something went wrong" in html


def test_wsgi_application_loads():
    from mbcsite.wsgi import application

    assert callable(application)
