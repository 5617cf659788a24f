"""ChoiceLabels keeps each field's choices once, but every label still follows the language."""

from django.utils import translation

from claims.models import Claim, ClaimStatus


def test_labels_follow_the_active_language_and_unknown_values_show_as_they_are() -> None:
    claim = Claim(status=ClaimStatus.DENIED)
    with translation.override("en"):
        assert claim.get_status_display() == "Denied"
    with translation.override("es"):
        assert claim.get_status_display() == "Denegado"
    with translation.override("en"):
        assert claim.get_status_display() == "Denied"
    claim.status = "lost in the mail"
    assert claim.get_status_display() == "lost in the mail"
