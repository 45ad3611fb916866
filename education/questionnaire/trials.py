"""Ready-made ClinicalTrials.gov searches, built from a reader's answers or for a kind of cancer.

Pure Python, like the engine: answers come in as plain data, and searches come out, each a
plain web address. The reader's browser goes to ClinicalTrials.gov with only the search words
in the address. The site sends nothing else, and it stores nothing. Every search asks for
recruiting trials only.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

SEARCH_URL = "https://clinicaltrials.gov/search"
#: The condition every search is for.
CONDITION = "metastatic breast cancer"
#: ClinicalTrials.gov's filter for trials that are recruiting now.
RECRUITING = "status:rec"


@dataclass(frozen=True)
class TrialSearch:
    """One search: what it looks for, in plain words, and its address."""

    label: str
    #: Words ClinicalTrials.gov looks for besides the condition ("" for all trials).
    term: str = ""

    @property
    def url(self):
        query = {"cond": CONDITION}
        if self.term:
            query["term"] = self.term
        query["aggFilters"] = RECRUITING
        return f"{SEARCH_URL}?{urlencode(query)}"


ALL = TrialSearch(_("All recruiting trials for metastatic breast cancer"))
HR_POSITIVE_HER2_NEGATIVE = TrialSearch(
    _("Trials for hormone receptor-positive, HER2-negative cancer"),
    "hormone receptor positive HER2 negative",
)
HER2_POSITIVE = TrialSearch(_("Trials for HER2-positive cancer"), "HER2 positive")
HER2_LOW = TrialSearch(_("Trials for HER2-low cancer"), "HER2 low")
TRIPLE_NEGATIVE = TrialSearch(_("Trials for triple-negative cancer"), "triple negative")
BRAIN = TrialSearch(_("Trials for cancer that has spread to the brain"), "brain metastases")

#: Searches by gene change found (the "mutations" answer).
GENE_CHANGES = {
    "brca": TrialSearch(_("Trials for cancer with a BRCA1 or BRCA2 change"), "BRCA"),
    "esr1": TrialSearch(_("Trials for cancer with an ESR1 change"), "ESR1"),
    "pik3ca": TrialSearch(_("Trials for cancer with a PIK3CA, AKT1 or PTEN change"), "PIK3CA"),
}
#: Searches for cancer that grew after a treatment trials often ask about
#: (the "prior_treatments" answer).
AFTER_TREATMENT = {
    "cdk46": TrialSearch(
        _("Trials for cancer that grew after a CDK4/6 inhibitor"), "CDK4/6 inhibitor"
    ),
    "tdxd": TrialSearch(
        _("Trials for cancer that grew after trastuzumab deruxtecan (Enhertu)"),
        "trastuzumab deruxtecan",
    ),
}

#: For the clinical-trials pages, before any answers: one search per kind of cancer.
BY_KIND = (HR_POSITIVE_HER2_NEGATIVE, HER2_POSITIVE, HER2_LOW, TRIPLE_NEGATIVE, BRAIN, ALL)


def _subtype(hormone_receptor, her2):
    """The search for the reader's kind of cancer, or None when a result is not known."""
    if her2 == "positive":
        return HER2_POSITIVE
    if her2 in ("negative", "low") and hormone_receptor == "positive":
        return HR_POSITIVE_HER2_NEGATIVE
    if her2 in ("negative", "low") and hormone_receptor == "negative":
        return TRIPLE_NEGATIVE
    return None


def searches_for(answers):
    """The searches that fit a reader's answers ({question key: [values]}), most specific
    first, ending with all recruiting trials. No search is made from an answer the reader
    was not sure of."""
    chosen = {key: set(values or ()) for key, values in answers.items()}

    def one(key):
        """A one-choice question's answer, or ""."""
        return next(iter(chosen.get(key, ())), "")

    searches = []
    subtype = _subtype(one("hormone_receptor"), one("her2"))
    if subtype:
        searches.append(subtype)
    if one("her2") == "low":
        searches.append(HER2_LOW)
    for key in sorted(chosen.get("mutations", ())):
        if key in GENE_CHANGES:
            searches.append(GENE_CHANGES[key])
    if "brain" in chosen.get("spread", ()):
        searches.append(BRAIN)
    for key in sorted(chosen.get("prior_treatments", ())):
        if key in AFTER_TREATMENT:
            searches.append(AFTER_TREATMENT[key])
    return [*searches, ALL]
