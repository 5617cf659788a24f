"""The portal's URLs with the benchmark's floor in front of them."""

from django.urls import path

from bench.floor import floor
from portal.urls import handler400, handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("floor/", floor, name="floor"), *portal_urlpatterns]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
