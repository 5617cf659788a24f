"""Model bases the apps share (the portal itself has no tables)."""

from django.db import models
from django.utils import timezone


class KeptPdf(models.Model):
    """A PDF as last printed, kept so an unchanged one is not rendered again
    (portal.pdf.kept_or_rendered). A subclass adds the one-to-one owner it belongs to;
    `fingerprint` is the hash of everything the PDF shows."""

    fingerprint = models.CharField(max_length=64)
    pdf = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
