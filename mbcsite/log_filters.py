"""Keep query strings and request objects out of every log line.

Search words and answers are what a reader tells the site about their cancer. Django's loggers
attach the request to records of 4xx/5xx responses (``record.request``); a formatter that
writes every attribute of a record (python-json-logger does) turns it into text with the full
address, query string included, and other handlers can dump GET and POST. runserver's
``django.server`` lines carry the whole request line ("GET /search/?q=bone HTTP/1.1").
"""

import logging
import re

#: A "?" straight after a path character, and what follows it up to a space or quote.
#: ("Is it kept? yes": a "?" before a space is a question mark and stays.)
QUERY_STRING = re.compile(r"(?<=[^\s\"'?])\?[^\s\"']+")


def without_query_strings(text):
    return QUERY_STRING.sub("", text)


class DropQueryStrings(logging.Filter):
    """Render the message with its query strings cut off, and drop the attached request.

    Tracebacks are kept: they name code, not what a reader typed.
    """

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let the handler report it as usual
            return True
        record.msg = without_query_strings(message)
        record.args = ()
        if hasattr(record, "request"):
            record.request = None
        return True
