"""`get_FOO_display()` without rebuilding the field's choices on every call.

Django builds a dictionary of the field's choices each time it is asked for one label (about
25 µs); a list page asks for one or two on every row. ChoiceLabels, put before models.Model in
a model's bases, keeps that dictionary once per field (the labels in it stay lazy, so each call
still answers in the active language).
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@functools.cache
def _labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    return dict(make_hashable(field.flatchoices))


class ChoiceLabels:
    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        value = getattr(self, field.attname)
        return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)
