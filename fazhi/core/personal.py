"""Personal data: validation, encryption at rest, keyed digests for lookup, and masking.

- 居民身份证号码: GB 11643-1999, 18 characters, ISO 7064 MOD 11-2 check character, a real birth date.
- 统一社会信用代码: GB 32100-2015, 18 characters from a 31-character set, MOD 31 check character.
- 电话: mainland mobile numbers (11 digits starting 13–19) and landlines with area code,
  normalised to one form (``13812345678``, ``023-12345678``) so that equal numbers give equal
  digests however they were typed.

A value is stored encrypted with AES-GCM (key from FAZHI_DATA_KEY); beside it a keyed
HMAC-SHA256 digest allows exact lookup and duplicate detection without decrypting. The clear
value never goes to logs, audit events or history tables; wherever it leaves its case it is
masked with ``mask()``.
"""

import base64
import datetime
import hashlib
import hmac
import os
import re
import unicodedata
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ID_NUMBER = "id_number", _("居民身份证号码")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    PHONE = "phone", _("电话号码")


# --- validation -----------------------------------------------------------------------------

_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_ID_CHECK = "10X98765432"


def id_number_check_char(first17: str) -> str:
    """GB 11643-1999 check character for the first 17 digits (exactly 17, or ValueError)."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _clean_text(value) -> str:
    # NFKC turns full-width digits, letters and brackets (common in Chinese input methods and
    # spreadsheets) into ASCII; whitespace inside a number is never meaningful.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value or "")))


def normalize_id_number(value: str) -> str:
    value = _clean_text(value).upper()
    # [0-9], not \d: \d also matches other scripts' digits, which int() would accept.
    if not re.fullmatch(r"[0-9]{17}[0-9X]", value):
        raise ValidationError(_("居民身份证号码应为18位,前17位为数字,末位为数字或X。"), code="id_format")
    try:
        birth = datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(_("居民身份证号码中的出生日期不存在。"), code="id_birth") from None
    # Local date: an ID number of a child born today in China must not be "in the future" on a UTC server.
    if birth < datetime.date(1900, 1, 1) or birth > timezone.localdate():
        raise ValidationError(_("居民身份证号码中的出生日期不合理。"), code="id_birth")
    if id_number_check_char(value[:17]) != value[17]:
        raise ValidationError(_("居民身份证号码校验位不正确,请核对。"), code="id_check")
    return value


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code_check_char(first17: str) -> str:
    """GB 32100-2015 check character for the first 17 characters (exactly 17, or ValueError)."""
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def normalize_credit_code(value: str) -> str:
    value = _clean_text(value).upper()
    if len(value) != 18 or any(c not in _CREDIT_CHARS for c in value):
        raise ValidationError(
            _("统一社会信用代码应为18位,由数字和大写字母(不含I、O、Z、S、V)组成。"), code="credit_format"
        )
    if not value[2:8].isdigit():
        raise ValidationError(_("统一社会信用代码第3至8位应为登记管理机关行政区划码。"), code="credit_format")
    if credit_code_check_char(value[:17]) != value[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确,请核对。"), code="credit_check")
    return value


# 010 and 020–029 are the three-digit area codes, followed by 8-digit local numbers; every
# other area code has four digits (0300–0999), followed by 7 or 8 digits.
_LANDLINE = re.compile(r"(?P<area>010|02[0-9])(?P<local>[0-9]{8})|(?P<area4>0[3-9][0-9]{2})(?P<local4>[0-9]{7,8})")


def normalize_phone(value: str) -> str:
    value = re.sub(r"[()\-]", "", _clean_text(value))
    international = False
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value, international = value[len(prefix):], True
            break
    if re.fullmatch(r"1[3-9][0-9]{9}", value):
        return value
    if international and not value.startswith("0"):
        value = "0" + value  # +86 23 1234 5678: the trunk 0 is dropped in international form
    match = _LANDLINE.fullmatch(value)
    if match:
        area = match["area"] or match["area4"]
        local = match["local"] or match["local4"]
        return f"{area}-{local}"
    raise ValidationError(_("电话号码格式不正确:手机号应为11位,固定电话应带区号。"), code="phone_format")


NORMALIZERS = {
    Kind.ID_NUMBER: normalize_id_number,
    Kind.CREDIT_CODE: normalize_credit_code,
    Kind.PHONE: normalize_phone,
}


def validate_id_number(value):
    normalize_id_number(value)


def validate_credit_code(value):
    normalize_credit_code(value)


def validate_phone(value):
    normalize_phone(value)


VALIDATORS = {
    Kind.ID_NUMBER: validate_id_number,
    Kind.CREDIT_CODE: validate_credit_code,
    Kind.PHONE: validate_phone,
}


# --- masking --------------------------------------------------------------------------------


def mask(kind: str, value: str | None) -> str:
    """The one masking rule for personal data leaving its case.

    Only a value of the expected shape keeps some characters in clear (the region part and the
    last few characters); anything else is starred out entirely, so that a malformed or legacy
    value can never leak more than its length.
    """
    if not value:
        return ""
    kind = Kind(kind)
    value = str(value)
    if kind == Kind.ID_NUMBER and re.fullmatch(r"[0-9]{17}[0-9Xx]", value):
        return value[:6] + "*" * 8 + value[-4:]
    if kind == Kind.CREDIT_CODE and re.fullmatch(r"[0-9A-Z]{18}", value):
        return value[:4] + "*" * 10 + value[-4:]
    if kind == Kind.PHONE:
        try:
            value = normalize_phone(value)
        except ValidationError:
            pass
        else:
            if "-" in value:
                area, local = value.split("-")
                return f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"
            return value[:3] + "****" + value[-4:]
    return "*" * len(value)


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧**娜. For natural persons only: an organisation's name is public,
    and the caller, who knows which it is, leaves it unmasked."""
    if not name:
        return ""
    name = str(name).strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


# --- encryption -----------------------------------------------------------------------------

_PREFIX = "v1:"


@lru_cache(maxsize=4)
def _keys(master_b64: str) -> tuple[bytes, bytes]:
    master = base64.b64decode(master_b64)
    if len(master) != 32:
        raise ValueError("FAZHI_DATA_KEY must be base64 of 32 bytes")
    derived = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=b"fazhi personal data").derive(master)
    return derived[:32], derived[32:]


def encrypt(text: str) -> str:
    enc_key, _mac = _keys(settings.FAZHI_DATA_KEY)
    nonce = os.urandom(12)
    sealed = AESGCM(enc_key).encrypt(nonce, text.encode("utf-8"), None)
    return _PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def decrypt(token: str) -> str:
    if not token.startswith(_PREFIX):
        raise ValueError("not an encrypted personal-data value")
    enc_key, _mac = _keys(settings.FAZHI_DATA_KEY)
    raw = base64.urlsafe_b64decode(token[len(_PREFIX) :])
    return AESGCM(enc_key).decrypt(raw[:12], raw[12:], None).decode("utf-8")


def digest(kind: str, value: str) -> str:
    """Keyed digest of a normalised value: equal values give equal digests, and nobody without
    the key can test a guess against it."""
    _enc, mac_key = _keys(settings.FAZHI_DATA_KEY)
    kind = Kind(kind)
    normalized = NORMALIZERS[kind](value)
    # kind.value, not the member: the digest must not depend on how the caller spelt the kind.
    return hmac.new(mac_key, f"{kind.value}:{normalized}".encode(), hashlib.sha256).hexdigest()


class PersonalDataField(models.TextField):
    """A personal-data value, validated and normalised for its kind, stored encrypted.

    Give it ``digest_field`` naming a CharField(max_length=64) of the same model: the digest is
    written there on every save (include both in ``update_fields``), for lookups with
    ``digest(kind, value)``.
    """

    def __init__(self, *args, kind: str, digest_field: str | None = None, **kwargs):
        self.kind = Kind(kind)
        self.digest_field = digest_field
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(VALIDATORS[self.kind])

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = str(self.kind)
        if self.digest_field:
            kwargs["digest_field"] = self.digest_field
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = NORMALIZERS[self.kind](value)
            setattr(model_instance, self.attname, value)
        if self.digest_field and hasattr(model_instance, self.digest_field):
            setattr(model_instance, self.digest_field, digest(self.kind, value) if value else "")
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        if isinstance(value, str) and value.startswith(_PREFIX):
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_lookup(self, lookup_name):
        # Ciphertext differs on every write: only emptiness can be asked of the column itself;
        # equality goes through the digest field.
        if lookup_name not in {"isnull", "exact", "in"}:
            return None
        return super().get_lookup(lookup_name)

    def masked(self, value):
        return mask(self.kind, value)
