"""The shape of the demo Resources content: an entry and its text in each language.

The content itself is in `resources_totalcare.py`, `resources_masshealth.py` and `resources.py`
(the demo profile's); `resources.py` writes the active profile's.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    title: str
    body: str = ""
    url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Entry:
    key: str
    section: str  # a resources.models.Section value
    # Language code ("en", "pt-br") → the entry in that language.
    texts: dict[str, Text] = field(default_factory=dict)
    # A form: each translation gets a made-up PDF to download.
    pdf: bool = False
