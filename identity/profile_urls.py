"""Profile → Sign-in, mounted under /profile/sign-in/: the identities linked to the account."""

from django.urls import path

from identity import profile_views

urlpatterns = [
    path("", profile_views.identities, name="identities"),
    path("<int:pk>/unlink/", profile_views.identity_unlink, name="identity_unlink"),
]
