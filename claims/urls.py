"""Claims pages, mounted under /claims/."""

from django.urls import path, register_converter

from claims import views
from claims.models import ClaimType


class ClaimKindConverter:
    """The kinds of claims a URL may name; anything else does not resolve (404)."""

    regex = "|".join(ClaimType.values)
    probes = (ClaimType.MEDICAL, ClaimType.PHARMACY)  # it writes a kind as itself (portal.jinja)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ClaimKindConverter, "claim_kind")

urlpatterns = [
    path("", views.claims, name="claims"),
    path("claim/<int:claim_id>/", views.claim, name="claim"),
    path("claim/<int:claim_id>/explanation-of-benefits/", views.eob, name="claim_eob"),
    path("<claim_kind:kind>/", views.claim_list, name="claim_list"),
    path("<claim_kind:kind>/download/", views.claim_download, name="claim_download"),
]
