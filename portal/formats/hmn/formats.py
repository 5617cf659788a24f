"""Hmong (hmn): Django has no locale. Hmong speakers here read US-style dates, month first.

Month names come from the portal's catalogue (portal/borrowed_strings.py), e.g. "Lub Kaum Hlis 25, 2006".
"""

DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "F j, Y, g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
FIRST_DAY_OF_WEEK = 0  # Sunday

DATE_INPUT_FORMATS = ["%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
