"""Word-level differences: the whole text, marked where words went out and came in."""

from education.diffs import word_diff


def test_marks_only_the_words_that_changed_and_keeps_the_rest():
    html = word_diff(
        "It lowers estrogen.\nTake it daily.", "It lowers the hormone estrogen.\nTake it daily."
    )
    assert html == "It lowers <ins>the hormone </ins>estrogen.<br>Take it daily."


def test_a_rewritten_sentence_reads_as_one_change():
    html = word_diff("A hormone pill.", "An injection given monthly.")
    assert html == "<del>A hormone pill.</del><ins>An injection given monthly.</ins>"


def test_text_is_escaped():
    html = word_diff("<b>bold</b>", "<script>x</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html
