"""Claims pages, mounted under /claims/."""

from django.urls import path

from claims import views

urlpatterns = [
    path("", views.claims, name="claims"),
    path("claim/<int:claim_id>/", views.claim, name="claim"),
    path("claim/<int:claim_id>/explanation-of-benefits/", views.eob, name="claim_eob"),
    path("<str:kind>/", views.claim_list, name="claim_list"),
    path("<str:kind>/download/", views.claim_download, name="claim_download"),
]
