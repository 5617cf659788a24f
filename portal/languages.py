"""The languages the plans serve, including ones Django does not know.

Django's language tags (`{% get_language_info_list %}`, `get_language_info`) read
`django.conf.locale.LANG_INFO`, which has no entry for Hmong (hmn). Settings import this module
so the entry exists before any template asks for it; the portal's own catalogue
(locale/hmn/) supplies the translations and portal/formats/hmn/ the date formats.
"""

from django.conf.locale import LANG_INFO

# Every language the portal speaks, in the switcher's order, by its own name: a member who
# cannot read English must still find their language.
PORTAL_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pt-br", "Português"),
    ("vi", "Tiếng Việt"),
    ("zh-hant", "繁體中文"),
    ("hmn", "Hmoob"),
    ("ht", "Kreyòl ayisyen"),
    ("ar", "العربية"),
]

_EXTRA_LANG_INFO = {
    "hmn": {"bidi": False, "code": "hmn", "name": "Hmong", "name_local": "Hmoob"},
    "ht": {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
}

for _code, _info in _EXTRA_LANG_INFO.items():
    LANG_INFO.setdefault(_code, _info)
# The switcher shows each language as the plans' own notices write it.
for _code, _name_local in PORTAL_LANGUAGES:
    if _code in LANG_INFO:
        LANG_INFO[_code] = {**LANG_INFO[_code], "name_local": _name_local}
