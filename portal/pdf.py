"""The one place that turns HTML into PDF (WeasyPrint), safely and within a time limit.

Only server-owned templates with escaped values are rendered here, and the renderer may read
nothing but the portal's own static files: `StaticFilesOnlyFetcher` refuses the network,
`file://` paths outside the static folders and redirects, so a value that slipped into the HTML
cannot make the server fetch a URL or read a local file into a member's PDF.

WeasyPrint and the system fonts are loaded when this module is imported (at start-up, when the
URLconf imports the views), not on a member's request. Renders run one at a time in a worker
thread (WeasyPrint's Pango and font objects are not meant to be shared between threads), and the
caller gives up after RENDER_TIMEOUT seconds with PdfRenderTimeout.
"""

import concurrent.futures
import logging
import mimetypes
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone

# WeasyPrint logs every step of every render at INFO; only its warnings (e.g. a refused fetch) matter.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import weasyprint  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402
from weasyprint.urls import URLFetcherResponse  # noqa: E402

RENDER_TIMEOUT = 10.0
PDF_VARIANT = "pdf/ua-1"

# Loaded once: building a font configuration costs tens of milliseconds per render otherwise.
_FONT_CONFIG = FontConfiguration()
_RENDERER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")


def _new_renderer_after_fork() -> None:
    # A forked child (gunicorn --preload, Celery's prefork pool) has no copy of the parent's
    # render thread, and the inherited executor would wait for it forever.
    global _RENDERER
    _RENDERER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")


os.register_at_fork(after_in_child=_new_renderer_after_fork)


class PdfRenderTimeout(Exception):
    """The PDF was not ready within RENDER_TIMEOUT seconds."""


class FetchRefused(ValueError):
    """The renderer asked for something outside the portal's static files."""


def static_roots() -> list[Path]:
    """The folders whose files a PDF may embed: the project's static folders and STATIC_ROOT."""
    roots = [
        Path(str(entry[1] if isinstance(entry, tuple) else entry)) for entry in settings.STATICFILES_DIRS
    ]
    roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


class StaticFilesOnlyFetcher(weasyprint.URLFetcher):
    """A WeasyPrint URL fetcher that reads only regular files under the static roots."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        super().__init__(timeout=RENDER_TIMEOUT, allowed_protocols={"file"}, allow_redirects=False)
        self.roots = roots if roots is not None else static_roots()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise FetchRefused(f"only the portal's static files may be fetched, not {parts.scheme}: URLs")
        # resolve() follows symlinks and "..", so neither can lead out of a static folder.
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise FetchRefused("only the portal's static files may be fetched")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


def static_base_url() -> str:
    """The base URL for relative links in PDF templates: the project's first static folder."""
    return static_roots()[0].as_uri() + "/"


def _render(html: str, base_url: str) -> bytes:
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=StaticFilesOnlyFetcher())
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, font_config=_FONT_CONFIG)
    return pdf


def html_to_pdf(html: str, *, base_url: str | None = None, timeout: float = RENDER_TIMEOUT) -> bytes:
    """Render `html` (from a server-owned template) as a tagged PDF/UA-1 document.

    Raises PdfRenderTimeout if the PDF is not ready within `timeout` seconds; the member's
    request is then answered with an error instead of waiting (the abandoned render finishes in
    the background and is discarded).
    """
    future = _RENDERER.submit(_render, html, base_url or static_base_url())
    try:
        return future.result(timeout=timeout)
    except concurrent.futures.TimeoutError:
        future.cancel()
        raise PdfRenderTimeout from None


def kept_or_rendered(
    kept: type[models.Model], *, owner: dict[str, Any], fingerprint: str, render: Callable[[], bytes]
) -> bytes:
    """The PDF kept for `owner` if it was made from the same `fingerprint` (one query, no
    render), else a fresh `render()`, kept in its place.

    `kept` is a portal.models.KeptPdf with a one-to-one `owner` field (idcards.models.IdCardPdf,
    claims.models.EobPdf). The fingerprint must change whenever
    anything the PDF shows does: equal fingerprints, identical PDFs.
    """
    manager = kept._default_manager
    stored = manager.filter(**owner, fingerprint=fingerprint).values_list("pdf", flat=True).first()
    if stored is not None:
        return bytes(stored)
    pdf = render()
    manager.update_or_create(
        **owner, defaults={"fingerprint": fingerprint, "pdf": pdf, "created_at": timezone.now()}
    )
    return pdf
