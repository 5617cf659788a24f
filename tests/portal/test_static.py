"""Production's static files: collectstatic with the hashed manifest storage finds every file the
stylesheets refer to (a missing font or icon would stop a deploy)."""

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_the_manifest_storage_succeeds(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--no-input", "--verbosity", "0")
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "css/uswds.css" in manifest and "img/usa-icons/error.svg" in manifest
