"""Spanish numbers as US Spanish writes them, and as the pages' own words do (cancer.gov/espanol):
"36.4" and "155,000", not Spain's "36,4" and "155 000". Dates are Django's ("30 de noviembre de
2026")."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
