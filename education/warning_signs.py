"""Which of a side effect's "call now" signs belong on one drug's handout.

A side effect's page speaks of every drug that causes it: "If you take trastuzumab deruxtecan
or datopotamab deruxtecan: a new cough…". A drug's handout prints those signs in its warning
box, and there a sign meant for other drugs misleads. These functions take plain data (the
signs' Markdown, each drug's names) and return the signs that fit one drug.
"""

import re

from .text import markdown_list_items, plain_text

#: Prefixes a generic name may carry that text about the drug often leaves out.
NAME_PREFIXES = ("fam-", "ado-")


def names_of(generic_name, brand_names=(), other_names=()):
    """The names a text may use for a drug, lower case: 'fam-trastuzumab deruxtecan' is also
    'trastuzumab deruxtecan'."""
    names = {generic_name.lower(), *(n.lower() for n in [*brand_names, *other_names] if n)}
    for prefix in NAME_PREFIXES:
        if generic_name.lower().startswith(prefix):
            names.add(generic_name.lower().removeprefix(prefix))
    return names


class DrugNames:
    """Which drugs a sentence names: built once from ``every_drug`` (each drug's key mapped to
    its names, see ``names_of``), then asked of every sign. The longest name wins, so
    "trastuzumab deruxtecan" is not read as "trastuzumab"."""

    def __init__(self, every_drug):
        self.owner = {name: key for key, names in every_drug.items() for name in names}
        names = sorted(self.owner, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
            if names
            else None
        )

    def named_in(self, text):
        """The keys of the drugs ``text`` names."""
        if self.pattern is None:
            return set()
        return {self.owner[match.lower()] for match in self.pattern.findall(text)}


def _signs_that_fit(call_now, drug, names):
    kept = []
    for item in markdown_list_items(call_now) or [call_now]:
        named = names.named_in(item)
        if not named or drug in named:  # a sign for every drug, or for this one
            kept.append(item)
    return plain_text("\n".join(f"- {item}" for item in kept))


def signs_for(call_now, drug, every_drug):
    """The signs of ``call_now`` (a Markdown list) that apply to ``drug``, as plain text.

    ``drug`` is a key of ``every_drug``, which maps each drug to its names (``names_of``). A
    sign that names drugs but not this one is left out; a sign that names none applies to all.
    """
    return _signs_that_fit(call_now, drug, DrugNames(every_drug))


def drug_warning_signs(drug, side_effects, every_drug):
    """[(side effect, signs), ...]: the "call now" signs of ``side_effects`` (a drug's serious
    ones) that fit ``drug`` (a key of ``every_drug``), leaving out those with none left."""
    names = DrugNames(every_drug)
    found = [(se, _signs_that_fit(se.call_now, drug, names)) for se in side_effects]
    return [(se, signs) for se, signs in found if signs]
