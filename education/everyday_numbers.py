"""Numbers said the way people say them: "about 31 in 100 people", "about 3 years".

A figure such as "31 percent" or "36.4 months" is exact but hard to picture; readers grasp
"31 in 100" and "3 years" more easily (PEMAT-P: numbers in everyday form). The exact figure
stays on the page beside these words. The words are in the active language, and so is the way
a number is written ("155,000" in English, "155.000" in Spanish).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext


def _rounded(value, step=Decimal(1)):
    return (Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _number(value):
    return number_format(value, force_grouping=True)


def _halves(value, unit):
    """'3 years', '2 and a half months', 'half a month'. ``unit`` is "years" or "months"."""
    whole, half = divmod(_rounded(value, Decimal("0.5")), 1)
    whole = int(whole)
    years = unit == "years"
    if not half:
        if years:
            words = ngettext("%(count)s year", "%(count)s years", whole)
        else:
            words = ngettext("%(count)s month", "%(count)s months", whole)
    elif whole == 0:
        return gettext("half a year") if years else gettext("half a month")
    elif years:
        words = ngettext("1 and a half years", "%(count)s and a half years", whole)
    else:
        words = ngettext("1 and a half months", "%(count)s and a half months", whole)
    return words % {"count": _number(whole)}


def in_everyday_words(figure, unit):
    """The figure as people say it, or "" for a unit this does not know.

    ``unit`` is "percent", "months" or "people". Months from two years up are said in years,
    to the nearest half year; fewer in months, to the nearest half month. Counts of people are
    rounded to the nearest thousand.
    """
    figure = Decimal(str(figure))
    if unit == "percent":
        return gettext("about %(count)s in 100 people") % {"count": _number(_rounded(figure))}
    if unit == "months":
        if figure >= 24:
            return gettext("about %(time)s") % {"time": _halves(figure / 12, "years")}
        return gettext("about %(time)s") % {"time": _halves(figure, "months")}
    if unit == "people":
        count = _rounded(figure, Decimal(1000))
        return gettext("about %(count)s people") % {"count": _number(count)}
    return ""
