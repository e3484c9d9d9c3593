"""Other people's personal data in text that leaves the agency (released to an applicant or
published proactively) is found and masked first, each removal logged with its reason
(政府信息公开条例 第十五条: 个人隐私; 第三十七条: 区分处理).

Found: ID numbers (18 characters), mobile and landline numbers, and names written after a
label such as 姓名、联系人、户主、当事人. A name in free text without such a label cannot be told
from other words reliably; the clerk still reads the text before it goes out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.core.personal import mask, mask_name

from .models import Redaction

REASON = "涉及他人个人隐私,依据《政府信息公开条例》第十五条、第三十七条作区分处理"

_ID = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")
# A label, a separator, then 2–4 Chinese characters (a label without separator is too often
# ordinary prose, e.g. "户主本人").
_NAME = re.compile(r"(姓名|联系人|户主|当事人|举报人|投诉人|承包人|负责人|收款人)([::]\s*)([\u4e00-\u9fa5·]{2,4})")


@dataclass(frozen=True)
class Finding:
    kind: str
    original: str
    masked: str


def scan(text: str, *, keep=()) -> tuple[str, list[Finding]]:
    """The text with personal data masked, and what was masked. Values in ``keep`` (the
    applicant's own data, released to the applicant) stay."""
    keep = {k for k in keep if k}
    findings: list[Finding] = []

    def sub(kind, masker):
        def replace(match):
            value = match.group(0)
            if value in keep:
                return value
            masked = masker(value)
            findings.append(Finding(kind, value, masked))
            return masked
        return replace

    text = _ID.sub(sub(Redaction.Kind.ID_NUMBER, lambda v: mask("id_number", v.upper())), text)
    text = _MOBILE.sub(sub(Redaction.Kind.PHONE, lambda v: mask("phone", v)), text)
    text = _LANDLINE.sub(sub(Redaction.Kind.PHONE, lambda v: mask("phone", v)), text)

    def name(match):
        label, sep, value = match.groups()
        if value in keep:
            return match.group(0)
        masked = mask_name(value)
        findings.append(Finding(Redaction.Kind.NAME, value, masked))
        return f"{label}{sep}{masked}"

    text = _NAME.sub(name, text)
    return text, findings


def redact_and_log(*, actor, text: str, request=None, item=None, keep=()) -> str:
    redacted, findings = scan(text, keep=keep)
    town_id = (request or item).town_id
    label = getattr(actor, "label", None) or str(actor or "系统")
    Redaction.objects.bulk_create([
        Redaction(town_id=town_id, request=request, item=item, kind=f.kind, masked_value=f.masked[:40],
                  reason=REASON, actor_label=label[:120])
        for f in findings
    ])
    return redacted
