"""The contract with the appeals app (docs/authorizations.md): where an authorization's appeal
form lives. The appeals app reads authorizations, never the other way round, so the path is
written here, not reversed from its URLconf."""

from urllib.parse import urlencode

from authorizations.models import Authorization

APPEAL_FORM_PATH = "/appeals/new/appeal/"


def appeal_url(authorization: Authorization) -> str:
    """The appeal form for `authorization`, named by its opaque public id (no member data)."""
    return f"{APPEAL_FORM_PATH}?{urlencode({'authorization': authorization.public_id})}"
