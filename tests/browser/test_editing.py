"""An editor and a medical reviewer do their daily work in the real admin, in Chromium."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, User

from education.models import Drug

from .conftest import screenshot

PASSWORD = "a-long-test-password"
NEW_SUMMARY = "Letrozole (Femara) is a hormone pill that lowers the estrogen in your body."


def person(username, group):
    """A staff member in one of the editorial groups (made again: each browser test starts
    from an emptied database)."""
    if not Group.objects.filter(name=group).exists():
        for migration in ("0005_editorial_groups", "0010_whats_new_permissions"):
            module = import_module(f"education.migrations.{migration}")
            (module.create_groups if hasattr(module, "create_groups") else module.grant)(apps, None)
        import_module("education.migrations.0015_synonym_and_revision_permissions").grant(
            apps, None
        )
    user = User.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=username.title(), last_name="Tester"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(browser, site, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    return page


def public_summary(browser, site, drug):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}{drug.get_absolute_url()}")
    text = page.inner_text("main")
    context.close()
    return text


def test_an_edit_waits_for_review_then_a_reviewer_approves_it(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    drug = Drug.objects.get(slug="letrozole")

    editor = log_in(browser, site, "edna")
    editor.goto(f"{site}/admin/education/drug/{drug.pk}/change/")
    assert "Readers see this page now" in editor.inner_text("#content")
    editor.fill("#id_summary_en", NEW_SUMMARY)
    editor.fill("#id_change_summary", "Plainer first sentence")
    editor.click("input[name=_save]")
    assert "waiting for a medical reviewer" in editor.inner_text(".messagelist")
    screenshot(editor, "admin-change-waiting")
    assert NEW_SUMMARY not in public_summary(browser, site, drug)

    reviewer = log_in(browser, site, "rita")
    reviewer.goto(f"{site}/admin/education/revision/")
    reviewer.click("text=Letrozole")
    diff = reviewer.inner_text("table.revision-diff")
    assert NEW_SUMMARY in diff and "Reading grade of the new text" in diff
    screenshot(reviewer, "admin-review-change")
    reviewer.fill("#id_public_note", "A plainer summary.")
    reviewer.check("#id_whole_page_reviewed")
    reviewer.click("input[name=approve]")
    assert "Published, with your name" in reviewer.inner_text(".messagelist")

    page = public_summary(browser, site, drug)
    assert NEW_SUMMARY in page
    assert "Medically reviewed by Rita Tester on" in page and "A plainer summary." in page
