"""A date format of a test's own (tests/portal/test_dates.py)."""

DATE_FORMAT = "Y-m-d"
