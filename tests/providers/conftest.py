"""The providers tests' shared set-up."""

from collections.abc import Iterator

import pytest

from providers.directory_lists import forget_directory_lists


@pytest.fixture(autouse=True)
def _fresh_directory_lists() -> Iterator[None]:
    """Each test makes its own directory; the search form's lists are read from it afresh
    (a process keeps them for ten minutes, providers.directory_lists)."""
    forget_directory_lists()
    yield
    forget_directory_lists()
