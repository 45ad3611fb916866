"""The Jinja2 engine's environment (TEMPLATES' second engine).

Jinja2 is used only where a page is made afresh for every reader and Django's template language
is most of its cost: the search results (templates/jinja2/). Its templates reverse URLs with
``url("education:drug-list")``, as ``{% url %}`` does.
"""

from django.urls import reverse
from jinja2 import Environment


def url(name, *args):
    return reverse(name, args=args)


def environment(**options):
    # A block tag's line leaves no blank line behind, as {% %} lines mostly do not matter in
    # Django's output either.
    env = Environment(trim_blocks=True, lstrip_blocks=True, **options)
    env.globals["url"] = url
    return env
