"""seed_demo writes the Resources forms' and the notices' PDFs: keep them in the test's tmp_path, not var/."""

import pytest


@pytest.fixture(autouse=True)
def _resource_files_in_tmp(resource_files: object, notice_storage: object) -> None:
    """Every test here gets the `resource_files` and `notice_storage` storages (tests/conftest.py)."""
