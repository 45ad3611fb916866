"""Numbers said the way people say them: "about 31 in 100 people", "about 3 years".

A figure such as "31 percent" or "36.4 months" is exact but hard to picture; readers grasp
"31 in 100" and "3 years" more easily (PEMAT-P: numbers in everyday form). The exact figure
stays on the page beside these words.
"""

from decimal import ROUND_HALF_UP, Decimal


def _rounded(value, step=Decimal(1)):
    return (Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _halves(value, unit):
    """'3 years', '2 and a half months', 'half a month'."""
    whole, half = divmod(_rounded(value, Decimal("0.5")), 1)
    whole = int(whole)
    if not half:
        return f"{whole} {unit}" if whole != 1 else f"1 {unit.removesuffix('s')}"
    if whole == 0:
        return f"half a {unit.removesuffix('s')}"
    return f"{whole} and a half {unit}"


def in_everyday_words(figure, unit):
    """The figure as people say it, or "" for a unit this does not know.

    ``unit`` is "percent", "months" or "people". Months from two years up are said in years,
    to the nearest half year; fewer in months, to the nearest half month. Counts of people are
    rounded to the nearest thousand.
    """
    figure = Decimal(str(figure))
    if unit == "percent":
        return f"about {_rounded(figure):,} in 100 people"
    if unit == "months":
        if figure >= 24:
            return f"about {_halves(figure / 12, 'years')}"
        return f"about {_halves(figure, 'months')}"
    if unit == "people":
        return f"about {_rounded(figure, Decimal(1000)):,} people"
    return ""
