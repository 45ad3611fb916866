"""`load_content` adds what is missing and never overwrites an editor's work unless told to."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from education.cache import bump_content_version, one_version_bump
from education.content import FIXTURE_LAYOUT, fixture_paths
from education.loading import HISTORY_REASON
from education.models import (
    Article,
    ContentVersion,
    Drug,
    DrugSideEffect,
    GlossaryTerm,
    LoadedRow,
    Status,
)

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [model for group in FIXTURE_LAYOUT.values() for model in group]


def load(*args, **options):
    """Run load_content; returns what it printed."""
    out = StringIO()
    call_command("load_content", *args, stdout=out, **options)
    return out.getvalue()


def fixtures_copy(folder, name="drugs.json", changes=None, extra_rows=()):
    """Copy the content files to ``folder``; in ``name``, change rows by slug
    (``{slug: {field: value}}``) and add ``extra_rows``. Returns the folder."""
    for path in fixture_paths():
        shutil.copy(path, folder / path.name)
    rows = json.loads((folder / name).read_text())
    for row in rows:
        row["fields"].update((changes or {}).get(row["fields"].get("slug"), {}))
    rows += list(extra_rows)
    (folder / name).write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    return folder


def history_count():
    return sum(model.history.count() for model in CONTENT_MODELS)


def published_drugs(count):
    return list(Drug.objects.published().order_by("slug")[:count])


def test_make_content_never_reverts_editors_edits():
    edited, unpublished = published_drugs(2)
    edited.summary = "An editor's better summary."
    edited.save()
    link = DrugSideEffect.objects.filter(drug=edited).first()
    link.delete()
    unpublished.status = Status.DRAFT
    unpublished.save()

    # What `make content` (and so `make run`) runs.
    call_command("migrate", verbosity=0)
    load(verbosity=0)

    assert Drug.objects.get(pk=edited.pk).summary == "An editor's better summary."
    assert not DrugSideEffect.objects.filter(pk=link.pk).exists()
    assert not DrugSideEffect.objects.filter(drug=edited, side_effect=link.side_effect).exists()
    assert Drug.objects.get(pk=unpublished.pk).status == Status.DRAFT


def test_a_default_load_lists_edited_and_deleted_rows(tmp_path):
    edited, deleted, newer = published_drugs(3)
    edited.summary = "An editor's better summary."
    edited.save()
    deleted.delete()
    folder = fixtures_copy(tmp_path, changes={newer.slug: {"summary": "A newer summary."}})

    out = load(dir=folder)

    assert "drugs.json: added 0, replaced 0, unchanged" in out
    assert f"education.drug {edited.slug}: changed by an editor since it was loaded" in out
    assert f"education.drug {deleted.slug}: deleted by an editor" in out
    assert f"education.drug {newer.slug}: the files have a newer version" in out
    assert "--update" in out and "--force" in out
    assert not Drug.objects.filter(slug=deleted.slug).exists()
    assert Drug.objects.get(pk=newer.pk).summary == newer.summary


def test_update_replaces_unchanged_rows_and_lists_edited_ones(tmp_path):
    untouched, edited = published_drugs(2)
    edited.summary = "An editor's better summary."
    edited.save()
    folder = fixtures_copy(
        tmp_path,
        changes={
            untouched.slug: {"summary": "A newer summary from the files."},
            edited.slug: {"summary": "The files' newer summary."},
        },
    )

    out = load("--update", dir=folder)

    replaced = Drug.objects.get(pk=untouched.pk)
    assert replaced.summary == "A newer summary from the files."
    assert replaced.edit_version == untouched.edit_version + 1
    newest = replaced.history.first()
    assert (newest.history_type, newest.history_change_reason) == ("~", HISTORY_REASON)
    assert newest.history_user is None
    assert Drug.objects.get(pk=edited.pk).summary == "An editor's better summary."
    assert "drugs.json: added 0, replaced 1," in out
    assert "skipped 1" in out
    assert f"education.drug {edited.slug}: changed by an editor since it was loaded" in out
    assert "--force" in out


def test_force_overwrites_an_edit_and_records_it_in_the_history():
    drug = published_drugs(1)[0]
    original = drug.summary
    drug.summary = "An editor's better summary."
    drug.save()
    before = Drug.objects.get(pk=drug.pk).edit_version

    out = load("--force")

    drug.refresh_from_db()
    assert drug.summary == original
    assert drug.edit_version == before + 1
    newest = drug.history.first()
    assert newest.history_change_reason == HISTORY_REASON
    assert newest.history_type == "~" and newest.history_user is None
    assert newest.summary == original and newest.edit_version == drug.edit_version
    # The editor's version stays in the history, to compare with or revert to.
    assert newest.prev_record.summary == "An editor's better summary."
    assert "drugs.json: added 0, replaced 1," in out
    # Now it matches the files again: another load leaves it alone.
    assert "drugs.json: added 0, replaced 0," in load("--update")


def test_force_records_the_links_in_the_history():
    article = Article.objects.get(slug="when-cancer-grows")
    drugs = set(article.drugs.values_list("pk", flat=True))
    sources = set(article.sources.values_list("pk", flat=True))
    article.drugs.remove(*list(article.drugs.all())[:3])
    article.sources.clear()

    load("--force", verbosity=0)

    assert set(article.drugs.values_list("pk", flat=True)) == drugs
    newest = article.history.first()
    assert newest.history_change_reason == HISTORY_REASON
    assert set(newest.drugs.values_list("drug_id", flat=True)) == drugs
    assert set(newest.sources.values_list("source_id", flat=True)) == sources


def test_new_rows_in_the_files_are_added_with_a_history_entry(tmp_path):
    term = {
        "model": "education.glossaryterm",
        "fields": {
            "slug": "a-new-word",
            "status": "published",
            "updated_at": "2026-11-30T12:00:00Z",
            "last_reviewed_on": None,
            "reviewed_by": "",
            "term": "A new word",
            "aliases": "",
            "definition": "A word the files have and the database does not.",
            "more": "",
            "sources": [["nci-dict-aml"]],
        },
    }
    folder = fixtures_copy(tmp_path, name="glossary.json", extra_rows=[term])

    out = load(dir=folder)

    added = GlossaryTerm.objects.get(slug="a-new-word")
    assert added.edit_version == 1
    assert [s.key for s in added.sources.all()] == ["nci-dict-aml"]
    (entry,) = added.history.all()
    assert (entry.history_type, entry.history_change_reason) == ("+", HISTORY_REASON)
    assert [link.source.key for link in entry.sources.all()] == ["nci-dict-aml"]
    assert LoadedRow.objects.filter(
        model="education.glossaryterm", natural_key='["a-new-word"]'
    ).exists()
    assert "glossary.json: added 1, replaced 0," in out


def test_the_content_version_moves_once_per_load_that_writes(tmp_path):
    drugs = published_drugs(3)
    folder = fixtures_copy(
        tmp_path, changes={drug.slug: {"summary": f"New {drug.slug}."} for drug in drugs}
    )
    before = ContentVersion.current()
    assert "replaced 3," in load("--update", dir=folder)
    assert ContentVersion.current() == before + 1
    assert "replaced 0," in load("--update", dir=folder)
    load(dir=folder)
    assert ContentVersion.current() == before + 1


def test_a_second_default_load_changes_nothing():
    rows = {model: model.objects.count() for model in CONTENT_MODELS}
    history, records = history_count(), LoadedRow.objects.count()
    version = ContentVersion.current()

    out = load()

    assert "added 0, replaced 0" in out and "skipped 0" in out
    assert "added 1" not in out and "skipped 1" not in out
    assert {model: model.objects.count() for model in CONTENT_MODELS} == rows
    assert history_count() == history
    assert LoadedRow.objects.count() == records
    assert ContentVersion.current() == version


def test_no_mode_brings_back_a_row_an_editor_deleted():
    drug = published_drugs(1)[0]
    drug.delete()
    for mode in ([], ["--update"], ["--force"]):
        out = load(*mode)
        assert f"education.drug {drug.slug}: deleted by an editor" in out
        # Its side-effect rows name it, so they cannot be loaded either.
        assert "names a row that is not in the database" in out
        assert not Drug.objects.filter(slug=drug.slug).exists()


def test_rows_loaded_before_load_records_are_recorded_or_listed():
    unchanged, edited = published_drugs(2)
    LoadedRow.objects.filter(model="education.drug").delete()
    edited.summary = "An editor's better summary."
    edited.save()

    out = load("--update")

    assert f"education.drug {edited.slug}: differs from the files, and has no record" in out
    assert Drug.objects.get(pk=edited.pk).summary == "An editor's better summary."
    assert LoadedRow.objects.filter(
        model="education.drug", natural_key=json.dumps([unchanged.slug])
    ).exists()
    assert not LoadedRow.objects.filter(
        model="education.drug", natural_key=json.dumps([edited.slug])
    ).exists()


def test_rows_without_history_get_a_first_entry():
    drug = published_drugs(1)[0]
    drug.history.all().delete()
    version = ContentVersion.current()
    load(verbosity=0)
    assert drug.history.count() == 1
    assert ContentVersion.current() == version


def test_one_version_bump_bumps_once_and_only_if_something_changed():
    before = ContentVersion.current()
    with one_version_bump():
        with one_version_bump():
            bump_content_version(Drug)
        bump_content_version(Drug)
        assert ContentVersion.current() == before
    assert ContentVersion.current() == before + 1
    with one_version_bump():
        pass
    assert ContentVersion.current() == before + 1
    with pytest.raises(RuntimeError), one_version_bump():
        bump_content_version(Drug)
        raise RuntimeError
    assert ContentVersion.current() == before + 1
    bump_content_version(Drug)
    assert ContentVersion.current() == before + 2
