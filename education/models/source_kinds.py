"""What kind of document a source is, and which kinds a medical fact can rest on alone."""

from django.db import models


class SourceKind(models.TextChoices):
    REGULATOR = "regulator", "Label or regulator (FDA, DailyMed)"
    AGENCY = "agency", "Government cancer agency (NCI)"
    GUIDELINE = "guideline", "Clinical guideline (ASCO, NCCN, ESMO)"
    JOURNAL = "journal", "Journal article or trial paper"
    PATIENT_ORG = "patient_org", "Patient-education organisation"
    SECONDARY = "secondary", "News or other secondary source"


#: Patient-education pages and news are useful beside these, but a drug page needs one of them.
PRIMARY_KINDS = (
    SourceKind.REGULATOR,
    SourceKind.AGENCY,
    SourceKind.GUIDELINE,
    SourceKind.JOURNAL,
)
