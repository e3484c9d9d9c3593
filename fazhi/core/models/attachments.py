"""Evidence files, stored with their SHA-256, size and sniffed type."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .org import Grid, Town, Village


def attachment_path(instance, filename):
    # Content-addressed: a file never silently changes under its name.
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="attachments")
    village = models.ForeignKey(Village, on_delete=models.SET_NULL, null=True, blank=True)
    grid = models.ForeignKey(Grid, on_delete=models.SET_NULL, null=True, blank=True)
    file = models.FileField(_("文件"), upload_to=attachment_path)
    filename = models.CharField(_("文件名"), max_length=200)
    title = models.CharField(_("说明"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("大小(字节)"))
    mime_type = models.CharField(_("类型"), max_length=100)
    uploaded_by_label = models.CharField(_("上传人"), max_length=120)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    tenancy_paths = {"district": "town__district", "town": "town", "village": "village", "grid": "grid"}

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_subject")]

    def __str__(self):
        return self.filename
