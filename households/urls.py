"""MyServices' My Info tab and the household switch, mounted at /my/. No URL carries a member's id."""

from django.urls import path

from households import views

urlpatterns = [
    path("", views.my_info, name="my_info"),
    path("viewing/", views.choose_member, name="household_choose"),
]
