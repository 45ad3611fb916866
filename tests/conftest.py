import pytest
from django.core.management import call_command
from django.test import Client

from admin_forms import member_of


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the whole site's content once into the test database, as `load_content` does."""
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture
def editor(client, django_user_model):
    """The ``client``, logged in as a member of the Editors group."""
    member_of(django_user_model, client, "Editors", "edna")
    return client


@pytest.fixture
def reviewer(client, django_user_model):
    """The ``client``, logged in as a member of the Medical reviewers group."""
    member_of(django_user_model, client, "Medical reviewers", "rita")
    return client


@pytest.fixture
def staff_client(django_user_model):
    """A logged-in staff member's browser, separate from the anonymous ``client``."""
    user = django_user_model.objects.create_user(
        "editor", password="a-long-test-password", is_staff=True
    )
    staff = Client()
    staff.force_login(user)
    return staff


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests roll the database back, so the content version can repeat: start each cache empty."""
    from django.core.cache import cache

    from education.search.index import forget

    cache.clear()
    forget()
    yield
    cache.clear()
    forget()


def pytest_collection_modifyitems(items):
    """Run the browser tests last: their live server needs a transactional database, which
    is emptied after each of them, while every other test shares the content loaded once."""
    items.sort(key=lambda item: "/browser/" in str(item.path))
