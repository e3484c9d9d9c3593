"""Attachments: accepted for what their bytes are, stored under their SHA-256, verified on reading."""

import hashlib
import io
import os
import struct
import uuid
import zipfile
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import audit
from fazhi.core.attachments import attachment_add, attachment_open, attachments_for
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Attachment, AuditEvent
from fazhi.core.tenancy import visible_to


def _unique() -> bytes:
    # Stored files outlive each test's database rollback; distinct bytes keep tests apart.
    return uuid.uuid4().bytes


def _png(extra: bytes = b"") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", ihdr) + chunk(b"tEXt", b"id\x00" + _unique().hex().encode() + extra)
    return b"\x89PNG\r\n\x1a\n" + body + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _pdf() -> bytes:
    return b"%PDF-1.4\n%" + _unique().hex().encode() + b"\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _zip(first_entries: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in first_entries:
            z.writestr(name, "<x/>" + _unique().hex())
    return out.getvalue()


def _upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def village(world):
    return world.fengsheng.villages.order_by("id").first()


@pytest.fixture
def clerk(world):
    return world.users["fengsheng_clerk"]


def _written():
    return Attachment.objects.count(), AuditEvent.objects.count()


def _stored(data: bytes) -> bool:
    sha = hashlib.sha256(data).hexdigest()
    return default_storage.exists(f"attachments/{sha[:2]}/{sha}")


# --- accepted -------------------------------------------------------------------------------


def test_a_png_is_accepted_with_its_sha256_size_and_sniffed_type(village, clerk):
    data = _png()
    # The browser's claim (application/pdf) is ignored: the bytes say PNG.
    att = attachment_add(actor=clerk, subject=village, upload=_upload("现场照片.png", data, "application/pdf"),
                         title="现场照片")

    att.refresh_from_db()
    sha = hashlib.sha256(data).hexdigest()
    assert (att.sha256, att.size, att.mime_type) == (sha, len(data), "image/png")
    assert (att.filename, att.title, att.uploaded_by_label) == ("现场照片.png", "现场照片", clerk.label)
    assert att.file.name == f"attachments/{sha[:2]}/{sha}"
    assert att.subject == village


def test_a_pdf_is_accepted_from_a_plain_binary_file_object(village, clerk):
    data = _pdf()
    upload = io.BytesIO(data)
    upload.name = "C:\\fakepath\\调解协议书.pdf"

    att = attachment_add(actor=clerk, subject=village, upload=upload)

    assert (att.mime_type, att.size, att.filename) == ("application/pdf", len(data), "调解协议书.pdf")
    with attachment_open(att) as f:
        assert f.read() == data


@pytest.mark.parametrize(
    "name, data, mime",
    [
        ("照片.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        ("动图.gif", b"GIF89a\x01\x00\x01\x00", "image/gif"),
        ("图片.webp", b"RIFF\x1a\x00\x00\x00WEBPVP8 ", "image/webp"),
        ("录音.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        ("录音.wav", b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/x-wav"),
        ("录音.m4a", b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom", "audio/mp4"),
        ("视频.mp4", b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41", "video/mp4"),
        ("视频.mov", b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", "video/quicktime"),
    ],
)
def test_evidence_types_are_recognised_by_their_signature(village, clerk, name, data, mime):
    att = attachment_add(actor=clerk, subject=village, upload=_upload(name, data + b"\x00" * 64 + _unique()))
    assert att.mime_type == mime


def test_a_word_document_is_recognised_inside_its_zip(village, clerk):
    data = _zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
    att = attachment_add(actor=clerk, subject=village, upload=_upload("笔录.docx", data))
    assert att.mime_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_utf8_text_is_accepted_only_as_a_txt_file(village, clerk):
    data = ("情况说明:" + _unique().hex()).encode("utf-8")
    att = attachment_add(actor=clerk, subject=village, upload=_upload("说明.txt", data))
    assert att.mime_type == "text/plain"


def test_a_file_whose_extension_lies_is_registered_under_its_real_extension(village, clerk):
    att = attachment_add(actor=clerk, subject=village, upload=_upload("照片.jpg", _png()))
    assert (att.mime_type, att.filename) == ("image/png", "照片.png")


def test_the_same_bytes_twice_share_one_stored_file(village, clerk, world):
    data = _png()
    first = attachment_add(actor=clerk, subject=village, upload=_upload("a.png", data))
    grid = village.grids.first()
    second = attachment_add(actor=clerk, subject=grid, upload=_upload("b.png", data))
    assert first.pk != second.pk and first.file.name == second.file.name


def test_adding_an_attachment_records_an_audit_event_on_the_subject(village, clerk):
    att = attachment_add(actor=clerk, subject=village, upload=_upload("照片.png", _png()), title="现场")

    event = audit.events_for(village).last()
    assert event.action == "attachment.add"
    assert event.actor_id == clerk.pk and event.town_id == village.town_id
    assert event.after["attachment"] == att.pk and event.after["sha256"] == att.sha256
    assert audit.verify()[0]


def test_an_attachment_is_seen_exactly_where_its_subject_is(world, clerk):
    grid = world.users["fengsheng_grid"].grid
    other_grid = grid.village.grids.exclude(pk=grid.pk).first()
    att = attachment_add(actor=clerk, subject=grid, upload=_upload("照片.png", _png()))
    other = attachment_add(actor=clerk, subject=other_grid, upload=_upload("照片.png", _png()))

    assert (att.town_id, att.village_id, att.grid_id) == (grid.town_id, grid.village_id, grid.pk)
    assert list(visible_to(world.users["fengsheng_grid"], Attachment)) == [att]
    assert {a.pk for a in visible_to(world.users["fengsheng_clerk"], Attachment)} == {att.pk, other.pk}
    assert not visible_to(world.users["mudong_clerk"], Attachment).exists()
    assert list(attachments_for(grid)) == [att]
    assert list(attachments_for(other_grid)) == [other]


# --- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,  # a Windows program
        b"\x7fELF\x02\x01\x01" + b"\x00" * 64,  # a Linux program
        None,  # a plain zip archive
        b"<html><script>alert(1)</script></html>",  # no signature and not a .txt
    ],
)
def test_a_file_named_pdf_that_is_something_else_is_refused_and_nothing_is_written(village, clerk, data):
    # An ASCII suffix, so that the HTML stays valid UTF-8 and is refused for its name alone.
    data = (data or _zip(["readme.txt", "payload.bin"])) + _unique().hex().encode()
    before = _written()

    with pytest.raises(InvalidInput) as exc:
        attachment_add(actor=clerk, subject=village, upload=_upload("合同.pdf", data, "application/pdf"))

    assert "类型" in exc.value.message
    assert _written() == before
    assert not _stored(data)


def test_text_that_is_not_utf8_is_refused(village, clerk):
    data = ("情况说明" + _unique().hex()).encode("gbk")
    with pytest.raises(InvalidInput):
        attachment_add(actor=clerk, subject=village, upload=_upload("说明.txt", data))


def test_an_oversize_file_is_refused_and_nothing_is_written(village, clerk, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = 100
    data = _png(b"x" * 200)
    before = _written()

    with pytest.raises(InvalidInput) as exc:
        attachment_add(actor=clerk, subject=village, upload=_upload("大图.png", data))

    assert "上限" in exc.value.message
    assert _written() == before
    assert not _stored(data)


def test_an_oversize_stream_is_refused_even_when_it_claims_to_be_small(village, clerk, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = 100
    upload = io.BytesIO(_png(b"x" * 200))
    upload.name = "大图.png"
    upload.size = 10  # a claim, not a measurement
    with pytest.raises(InvalidInput):
        attachment_add(actor=clerk, subject=village, upload=upload)


def test_a_file_at_the_limit_is_accepted(village, clerk, settings):
    data = _png()
    settings.FAZHI_ATTACHMENT_MAX_BYTES = len(data)
    assert attachment_add(actor=clerk, subject=village, upload=_upload("照片.png", data)).size == len(data)


def test_an_empty_file_is_refused(village, clerk):
    with pytest.raises(InvalidInput):
        attachment_add(actor=clerk, subject=village, upload=_upload("空.txt", b""))


# --- reading back ---------------------------------------------------------------------------


def test_a_stored_file_changed_on_disk_is_refused_when_opened(village, clerk):
    att = attachment_add(actor=clerk, subject=village, upload=_upload("协议.pdf", _pdf()))
    path = default_storage.path(att.file.name)
    with open(path, "r+b") as f:
        f.seek(10)
        f.write(b"X")  # one byte, same size

    with pytest.raises(DomainError) as exc:
        attachment_open(att)
    assert exc.value.message.startswith("附件内容与登记的校验值不符")


def test_a_stored_file_that_vanished_is_refused_when_opened(village, clerk):
    att = attachment_add(actor=clerk, subject=village, upload=_upload("协议.pdf", _pdf()))
    os.remove(default_storage.path(att.file.name))

    with pytest.raises(DomainError):
        attachment_open(att)


def test_a_new_upload_never_overwrites_a_tampered_stored_file(village, clerk):
    data = _pdf()
    first = attachment_add(actor=clerk, subject=village, upload=_upload("协议.pdf", data))
    with open(default_storage.path(first.file.name), "wb") as f:
        f.write(b"%PDF-1.4 forged")

    second = attachment_add(actor=clerk, subject=village, upload=_upload("协议.pdf", data))

    assert second.file.name != first.file.name
    with attachment_open(second) as f:
        assert f.read() == data
    with pytest.raises(DomainError):
        attachment_open(first)  # the evidence of tampering is still there to be found
