"""Evidence files (附件): checked on the way in, verified on the way out.

A file is accepted only for what its bytes are, sniffed with ``filetype``; the name's extension
and the content type the browser sent are claims anyone can make. It is stored under its own
SHA-256 (see ``models.attachments.attachment_path``), and every read re-hashes it, so that a file
changed on disk after it was registered is refused rather than served as evidence.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import models, transaction
from django.utils.translation import gettext as _

from . import audit
from .errors import DomainError, InvalidInput
from .models import Attachment, Grid, Town, Village

CHUNK = 64 * 1024
SNIFF_BYTES = 8192  # what filetype reads; the OOXML matchers look this far into the zip


@dataclass(frozen=True)
class AllowedType:
    mime: str
    label: str
    extensions: tuple[str, ...]


_ALLOWED = (
    AllowedType("application/pdf", "PDF文档", ("pdf",)),
    AllowedType("image/jpeg", "JPEG图片", ("jpg", "jpeg")),
    AllowedType("image/png", "PNG图片", ("png",)),
    AllowedType("image/gif", "GIF图片", ("gif",)),
    AllowedType("image/webp", "WebP图片", ("webp",)),
    AllowedType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word文档", ("docx",)),
    AllowedType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel表格", ("xlsx",)),
    AllowedType("application/msword", "Word 97-2003文档", ("doc",)),
    AllowedType("application/vnd.ms-excel", "Excel 97-2003表格", ("xls",)),
    AllowedType("audio/mpeg", "MP3音频", ("mp3",)),
    AllowedType("audio/x-wav", "WAV音频", ("wav",)),
    AllowedType("audio/mp4", "M4A音频", ("m4a",)),
    AllowedType("video/mp4", "MP4视频", ("mp4",)),
    AllowedType("video/quicktime", "MOV视频", ("mov",)),
)
ALLOWED_TYPES = {t.mime: t for t in _ALLOWED}
TEXT = AllowedType("text/plain", "文本文件", ("txt",))

ALLOWED_LABEL = "PDF、图片(JPEG/PNG/GIF/WebP)、Word、Excel、音频(MP3/WAV/M4A)、视频(MP4/MOV)和UTF-8编码的.txt文本"


def _clean_filename(name: str) -> str:
    # Browsers on Windows may send the full path; control characters have no place in a name.
    name = re.split(r"[\\/]", str(name or ""))[-1]
    name = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] != "C").strip()
    if len(name) > 200:
        stem, ext = os.path.splitext(name)
        name = stem[: 200 - len(ext)] + ext
    return name or _("附件")


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lstrip(".").lower()


def _chunks(upload):
    if hasattr(upload, "chunks"):  # a Django File/UploadedFile, read from its start
        yield from upload.chunks(CHUNK)
        return
    while True:
        chunk = upload.read(CHUNK)
        if not chunk:
            return
        if isinstance(chunk, str):
            raise TypeError("attachment uploads must be opened in binary mode")
        yield chunk


def _place_of(subject) -> dict:
    """The tenancy columns of an attachment, taken from its subject, so that an attachment is
    visible exactly where its subject is."""
    if isinstance(subject, Town):
        return {"town_id": subject.pk, "village_id": None, "grid_id": None}
    if isinstance(subject, Village):
        return {"town_id": subject.town_id, "village_id": subject.pk, "grid_id": None}
    if isinstance(subject, Grid):
        return {"town_id": subject.town_id, "village_id": subject.village_id, "grid_id": subject.pk}
    town_id = getattr(subject, "town_id", None)
    if town_id is None:
        raise TypeError(f"{type(subject).__name__} has no town: attachments belong to a town's record")
    return {"town_id": town_id, "village_id": getattr(subject, "village_id", None),
            "grid_id": getattr(subject, "grid_id", None)}


def _actor_label(actor) -> str:
    if getattr(actor, "pk", None) is not None:
        return actor.label
    return str(actor) if actor else audit.SYSTEM_LABEL


def attachment_add(*, actor, subject: models.Model, upload, title: str = "") -> Attachment:
    """Check and store one file as evidence of ``subject``. Refusals raise InvalidInput and
    leave nothing behind: no row, no stored file, no audit event."""
    if subject.pk is None or not isinstance(subject.pk, int):
        raise TypeError("the subject of an attachment must be a saved row with an integer key")
    place = _place_of(subject)
    title = (title or "").strip()
    if len(title) > 200:
        raise InvalidInput(_("附件说明不能超过200个字。"), field="title")
    filename = _clean_filename(getattr(upload, "name", ""))
    limit = settings.FAZHI_ATTACHMENT_MAX_BYTES
    limit_text = f"{limit / 1048576:g} MB" if limit >= 1048576 else _("%(n)d 字节") % {"n": limit}
    too_big = InvalidInput(_("文件“%(name)s”超过了附件大小上限(%(limit)s)。") % {"name": filename, "limit": limit_text},
                           code="attachment_too_big", field="file")
    declared = getattr(upload, "size", None)
    if declared is not None and declared > limit:
        raise too_big

    # Spooled: small files stay in memory, a video goes to a temporary file, never all in RAM.
    spool = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)
    try:
        sha = hashlib.sha256()
        size = 0
        head = b""
        utf8 = codecs.getincrementaldecoder("utf-8")()
        is_utf8 = True
        for chunk in _chunks(upload):
            size += len(chunk)
            if size > limit:
                raise too_big
            sha.update(chunk)
            spool.write(chunk)
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            if is_utf8:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
        if size == 0:
            raise InvalidInput(_("文件“%(name)s”是空的。") % {"name": filename}, code="attachment_empty", field="file")
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False

        kind = _sniff(head, filename, is_utf8)
        digest = sha.hexdigest()
        spool.seek(0)
        with transaction.atomic():
            return _store(actor=actor, subject=subject, place=place, spool=spool, filename=filename, title=title,
                          digest=digest, size=size, mime=kind.mime)
    finally:
        spool.close()


def _sniff(head: bytes, filename: str, is_utf8: bool) -> AllowedType:
    guess = filetype.guess(head)
    if guess is not None:
        allowed = ALLOWED_TYPES.get(guess.mime)
        if allowed is None:
            raise InvalidInput(
                _("文件“%(name)s”的实际类型(%(type)s)不在允许范围内。允许的类型:%(allowed)s。")
                % {"name": filename, "type": guess.extension, "allowed": ALLOWED_LABEL},
                code="attachment_type", field="file",
            )
        return allowed
    # Plain text has no signature: it is accepted only when it says it is text and is readable as such.
    if _extension(filename) in TEXT.extensions and is_utf8 and b"\x00" not in head:
        return TEXT
    raise InvalidInput(
        _("无法确认文件“%(name)s”的类型,或其类型不在允许范围内。允许的类型:%(allowed)s。")
        % {"name": filename, "allowed": ALLOWED_LABEL},
        code="attachment_type", field="file",
    )


def _store(*, actor, subject, place, spool, filename, title, digest, size, mime) -> Attachment:
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        filename=_named_for_type(filename, mime),
        title=title,
        sha256=digest,
        size=size,
        mime_type=mime,
        uploaded_by_label=_actor_label(actor)[:120],
        **place,
    )
    storage = Attachment._meta.get_field("file").storage
    path = Attachment._meta.get_field("file").generate_filename(attachment, filename)
    stored_here = False
    if storage.exists(path) and _hash_of(storage, path) == digest:
        # The same bytes were stored before (for another record): content addressing shares them.
        attachment.file.name = path
    else:
        # A stored file under this name with other bytes is tampered evidence: it is left as it
        # is for whoever investigates, and the storage picks a fresh name for this copy.
        attachment.file.save(filename, File(spool), save=False)
        stored_here = True
    try:
        attachment.save()
        audit.record(
            actor=actor, action="attachment.add", obj=subject,
            after={"attachment": attachment.pk, "filename": attachment.filename, "title": title,
                   "sha256": digest, "size": size, "mime_type": mime},
            note=attachment.filename,
        )
    except BaseException:
        if stored_here:
            storage.delete(attachment.file.name)
        raise
    return attachment


def _named_for_type(filename: str, mime: str) -> str:
    """Keep the user's name, but let its extension tell the truth: a PNG sent as 照片.jpg is
    registered as 照片.png, so that whoever downloads it opens it with the right program."""
    allowed = ALLOWED_TYPES.get(mime) or TEXT
    if _extension(filename) in allowed.extensions:
        return filename
    stem = os.path.splitext(filename)[0] if _extension(filename) else filename
    suffix = "." + allowed.extensions[0]
    return stem[: 200 - len(suffix)] + suffix


def _hash_of(storage, name: str) -> str:
    sha = hashlib.sha256()
    with storage.open(name, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            sha.update(chunk)
    return sha.hexdigest()


def attachment_open(attachment: Attachment) -> File:
    """The stored file, opened for reading, after checking that its bytes are still the ones
    registered. The caller closes it (a FileResponse does)."""
    storage = attachment.file.storage
    name = attachment.file.name
    if not name or not storage.exists(name):
        raise DomainError(_("附件“%(name)s”的文件缺失,请联系管理员。") % {"name": attachment.filename},
                          code="attachment_missing")
    f = storage.open(name, "rb")
    try:
        sha = hashlib.sha256()
        size = 0
        for chunk in iter(lambda: f.read(CHUNK), b""):
            sha.update(chunk)
            size += len(chunk)
        if size != attachment.size or sha.hexdigest() != attachment.sha256:
            raise DomainError(
                _("附件内容与登记的校验值不符,文件可能已被改动,不能作为证据提供。请联系管理员。"),
                code="attachment_tampered",
            )
        f.seek(0)
    except BaseException:
        f.close()
        raise
    return f


def attachments_for(subject: models.Model) -> models.QuerySet:
    """The attachments of one record, newest first. Scope the subject first: this does not ask
    who is looking."""
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).order_by("-uploaded_at", "-id")
