"""The append-only, hash-chained audit log (全过程记录)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: D401
        raise PermissionError("审计日志只能追加,不能修改。")

    def delete(self):
        raise PermissionError("审计日志只能追加,不能删除。")


class AuditEvent(models.Model):
    # The actor is a plain id plus a text snapshot: deleting a user never touches the log.
    actor_id = models.BigIntegerField(_("操作人ID"), null=True, blank=True)
    actor_label = models.CharField(_("操作人"), max_length=120)
    at = models.DateTimeField(_("时间"))
    action = models.CharField(_("动作"), max_length=60, db_index=True)
    object_type = models.CharField(_("对象类型"), max_length=60)
    object_id = models.CharField(_("对象ID"), max_length=40)
    object_repr = models.CharField(_("对象"), max_length=200)
    town_id = models.BigIntegerField(_("镇街ID"), null=True, blank=True, db_index=True)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        return f"#{self.pk} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("审计日志只能追加,不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志只能追加,不能删除。")


class AuditHead(models.Model):
    """One row holding the chain's head. Appenders lock it, so that two concurrent writers
    can never both link to the same previous event (which would fork the chain)."""

    last_hash = models.CharField(max_length=64)
    last_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = _("审计链头")
        verbose_name_plural = _("审计链头")

    def __str__(self):
        return self.last_hash
