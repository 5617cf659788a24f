"""The portal's own pages without URL parameters, walked from the URL resolver so a new page is
picked up by itself (plain helper for the project-wide guards and the two-factor rule's test)."""

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

# Pages outside the member portal's own layout.
SKIPPED_PREFIXES = ("admin/", "i18n/", "dev/")


def _walk(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[tuple[str, str]]:
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES) or "<" in route:
            continue
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern) and entry.name:
            yield "/" + route, entry.name


def parameterless_routes() -> list[tuple[str, str]]:
    """(path, URL name) of every named page whose URL takes no parameter, sorted."""
    return sorted(set(_walk()))
