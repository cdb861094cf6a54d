"""The meeting pack PDF kept for a meeting, and where its laying out stands."""

from django.db import models

from governance.models import Meeting


class MeetingPackPdf(models.Model):
    """The last pack laid out for a meeting (cover, agenda, last minutes, matters arising and
    the termly reports on its agenda), kept with a hash of the HTML it was laid out from: while
    the content is unchanged, a download serves these bytes; when it changes, the worker lays
    the pack out again (reporting.meeting_pack)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="+")
    html_sha256 = models.CharField("content laid out", max_length=64, blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    requested_at = models.DateTimeField("asked for at", null=True, blank=True)
    rendered_at = models.DateTimeField("laid out at", null=True, blank=True)

    partnership_lookup = "meeting__board__partnership"

    class Meta:
        ordering = ["-requested_at", "pk"]
        verbose_name = "meeting pack PDF"
        verbose_name_plural = "meeting pack PDFs"

    def __str__(self) -> str:
        return f"Meeting pack: {self.meeting}"
