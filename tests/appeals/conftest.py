"""Members' supporting files land in the test's own tmp_path, not the project's var/."""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def appeals_storage(settings: Any, tmp_path: Path) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "appeals": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "appeals")},
        },
    }
