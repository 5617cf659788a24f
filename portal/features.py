"""The plan's features at the door: a page of an app the plan's profile turns off answers 404.

Every view of an app whose `feature` is off, whatever its URL, so an app never has to remember to
check; the navigation, tabs and dashboard leave its entries out (portal/registry.py).
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

from portal.registry import view_enabled


class FeatureGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: object
    ) -> None:
        if not view_enabled(view_func):
            raise Http404
