"""Grievances and Appeals, mounted at /appeals/. No URL carries a member's id; a case is named by
its reference number, looked up among the signed-in member's own."""

from django.urls import path, register_converter

from appeals import views


class CaseReferenceConverter:
    """A case's reference number (services.new_reference); anything else does not resolve."""

    regex = "[AG][0-9]{6}-[2-9A-HJ-NP-Z]{8}"
    probes = ("A000000-22222222", "G999999-ZZZZZZZZ")  # it writes a reference as itself (portal.jinja)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CaseReferenceConverter, "case_reference")

urlpatterns = [
    path("", views.appeals, name="appeals"),
    path("grievances/", views.grievances, name="grievances"),
    path("new/", views.choose, name="appeals_new"),
    path("new/appeal/", views.new_appeal, name="appeals_new_appeal"),
    path("new/grievance/", views.new_grievance, name="appeals_new_grievance"),
    path("case/<case_reference:reference>/", views.case, name="appeals_case"),
    path("case/<case_reference:reference>/withdraw/", views.withdraw, name="appeals_withdraw"),
    path("case/<case_reference:reference>/letter/<int:event_id>/", views.letter, name="appeals_letter"),
    path("case/<case_reference:reference>/file/<uuid:file_id>/", views.case_file, name="appeals_file"),
]
