"""seed_demo writes the Resources forms' PDFs: keep them in the test's tmp_path, not var/."""

import pytest

from tests.resources.conftest import resource_files  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _resource_files_in_tmp(resource_files: object) -> None:  # noqa: F811
    pass
