"""Pages shown to a signed-in user hold PHI: no browser or proxy may keep a copy.

After the view, every response to a signed-in user (pages, PDFs, redirects) gets
Cache-Control: no-store, private, so the Back button on a shared computer after log-out and a
caching proxy on the way both come up empty.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before and after the view: a log-out's response and a log-in's both carry the member's page.
        signed_in = _signed_in(request)
        response = self.get_response(request)
        if signed_in or _signed_in(request):
            patch_cache_control(response, no_store=True, private=True)
        return response


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
