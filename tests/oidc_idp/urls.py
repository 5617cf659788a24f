import json

from allauth.core.internal.jwkkit import load_jwk_from_pem
from allauth.idp.oidc import views as idp_views
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path


def forged_configuration(request: HttpRequest) -> HttpResponse:
    """The real discovery document, except that it names the forged key set."""
    configuration = json.loads(idp_views.configuration(request).content)
    configuration["jwks_uri"] = request.build_absolute_uri("/forged/.well-known/jwks.json")
    return JsonResponse(configuration)


def forged_jwks(request: HttpRequest) -> HttpResponse:
    """Another key under the real key's id: the kid is found, the signature does not verify."""
    real, _ = load_jwk_from_pem(getattr(settings, "IDP_OIDC_PRIVATE_KEY"))  # noqa: B009 (not the portal's settings)
    forged, _ = load_jwk_from_pem(getattr(settings, "IDP_FORGED_KEY"))  # noqa: B009
    forged["kid"] = real["kid"]
    return JsonResponse({"keys": [forged]})


urlpatterns = [
    path("forged/.well-known/openid-configuration", forged_configuration),
    path("forged/.well-known/jwks.json", forged_jwks),
    path("", include("allauth.idp.urls")),
    path("accounts/", include("allauth.urls")),
]
