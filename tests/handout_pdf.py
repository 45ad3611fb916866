"""Reading a PDF handout's text the way a test compares it."""

import io
import re

from pypdf import PdfReader


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def squash(text):
    """PDF text extraction may break lines anywhere: compare without whitespace."""
    return re.sub(r"\s+", "", text)


def pages_holding(document, css_class):
    """For a rendered WeasyPrint document: [set of ids of the elements with ``css_class`` laid
    out on each page]. An element split across pages is on two."""
    return [
        {
            id(box.element)
            for box in page._page_box.descendants()
            if css_class
            in (
                (getattr(box, "element", None) is not None and box.element.get("class")) or ""
            ).split()
        }
        for page in document.pages
    ]
