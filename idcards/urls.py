"""Profile → ID Cards, mounted at /profile/id-cards/. No URL carries a member's id or name."""

from django.urls import path

from idcards import views

urlpatterns = [
    path("", views.id_cards, name="idcards"),
    path("print/", views.idcard_print, name="idcard_print"),
    path("order/", views.order, name="idcard_order"),
    path("order/done/", views.order_done, name="idcard_order_done"),
]
