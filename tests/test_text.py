"""Markdown rendering, glossary linking and the reading-level measure."""

from education.text import GlossaryLinker, plain_text, reading_grade, render_markdown


def test_list_items_and_headings_count_as_separate_sentences():
    text = plain_text("## How it works\n\n- blocks the protein\n- slows the cancer")
    assert text == "How it works. blocks the protein. slows the cancer."


def test_long_sentences_score_higher_than_short_ones():
    short = "The drug is a pill. You take it once a day. It can make you tired."
    long = (
        "This medication, administered orally on a daily basis, frequently precipitates "
        "considerable fatigue, necessitating consultation with your multidisciplinary oncology team."
    )
    assert reading_grade(short) < 6 < reading_grade(long)


def test_linker_links_first_use_only_and_never_inside_headings_or_links():
    linker = GlossaryLinker([("HER2", "/glossary/her2/", "A protein.")])
    html = linker.link(
        render_markdown("## HER2\n\n[HER2 page](/x/) says HER2 matters. HER2 again.")
    )
    assert html.count('class="glossary-link"') == 1
    assert "<h2>HER2</h2>" in html
    assert '<a href="/x/" rel="noopener noreferrer">HER2 page</a>' in html


def test_linker_matches_whole_words_case_insensitively():
    linker = GlossaryLinker([("taxane", "/glossary/taxane/", "A kind of chemo.")])
    assert "glossary-link" not in linker.link("<p>taxanes and syntaxane</p>")
    assert 'href="/glossary/taxane/"' in GlossaryLinker(
        [("taxane", "/glossary/taxane/", "d")]
    ).link("<p>A Taxane drug</p>")


def test_definitions_in_titles_are_escaped():
    linker = GlossaryLinker([("PD-L1", "/glossary/pd-l1/", 'A "protein" <b>')])
    html = linker.link("<p>PD-L1 test</p>")
    assert 'title="A &quot;protein&quot; &lt;b&gt;"' in html
