"""Personal data: GB 11643 ID numbers, GB 32100 credit codes, phones; masking; encryption at rest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from faker import Faker

from fazhi.core import audit, orgs, personal
from fazhi.core.personal import (
    Kind,
    credit_code_check_char,
    id_number_check_char,
    mask,
    mask_name,
    normalize_credit_code,
    normalize_id_number,
    normalize_phone,
)


def _id_number(first17: str) -> str:
    return first17 + id_number_check_char(first17)


def _error_code(fn, value) -> str:
    with pytest.raises(ValidationError) as exc:
        fn(value)
    return exc.value.code


# --- 居民身份证号码 (GB 11643-1999) ------------------------------------------------------------


def test_the_standards_own_example_with_check_character_x_is_valid():
    # GB 11643-1999 gives 11010519491231002X as its example.
    assert normalize_id_number("11010519491231002X") == "11010519491231002X"


def test_id_numbers_made_by_faker_are_valid():
    fake = Faker("zh_CN")
    fake.seed_instance(11643)
    for _ in range(50):
        value = fake.ssn()
        assert normalize_id_number(value) == value


def test_lowercase_x_and_spaces_are_normalised():
    assert normalize_id_number(" 110105 19491231 002x ") == "11010519491231002X"


def test_full_width_digits_are_normalised_to_ascii():
    assert normalize_id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"


def test_id_number_with_wrong_check_digit_is_refused():
    assert _error_code(normalize_id_number, "110105194912310021") == "id_check"


def test_id_number_with_impossible_birth_date_is_refused():
    # 1999-02-30 does not exist, even though the check character is right.
    assert _error_code(normalize_id_number, _id_number("51152319990230123")) == "id_birth"


def test_id_number_born_in_the_future_is_refused():
    next_year = datetime.date.today().year + 1
    assert _error_code(normalize_id_number, _id_number(f"500113{next_year}0101123")) == "id_birth"


def test_id_number_born_today_is_accepted():
    from django.utils import timezone

    today = timezone.localdate().strftime("%Y%m%d")
    value = _id_number(f"500113{today}123")
    assert normalize_id_number(value) == value


@pytest.mark.parametrize("value", ["11010519491231002", "11010519491231002X1", "", "1101051949123100XX"])
def test_id_number_of_wrong_length_or_shape_is_refused(value):
    assert _error_code(normalize_id_number, value) == "id_format"


def test_id_number_with_digits_of_another_script_is_refused():
    # Arabic-Indic digits pass \d and int(); they must not pass the format check.
    arabic = "".join(chr(0x0660 + int(c)) for c in "11010519491231002") + "X"
    assert _error_code(normalize_id_number, arabic) == "id_format"


# --- 统一社会信用代码 (GB 32100-2015) -----------------------------------------------------------


def test_credit_code_computed_with_the_check_algorithm_is_valid():
    first17 = "91500113MA5U7XKQ1"
    code = first17 + credit_code_check_char(first17)
    assert normalize_credit_code(code.lower()) == code


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # the example most documentation of GB 32100 uses
        "914403001922038216",  # 华为技术有限公司, as printed on its business licence
        "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
    ],
)
def test_published_credit_codes_are_valid(code):
    assert normalize_credit_code(code) == code


def test_credit_code_with_wrong_check_character_is_refused():
    assert _error_code(normalize_credit_code, "91350100M000100Y44") == "credit_check"


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
def test_credit_code_with_a_forbidden_letter_is_refused(letter):
    first17 = "91350100M000100Y4"
    code = first17[:10] + letter + first17[11:]
    assert _error_code(normalize_credit_code, code + "0") == "credit_format"


def test_credit_code_whose_division_part_is_not_digits_is_refused():
    first17 = "9135A100M000100Y4"
    assert _error_code(normalize_credit_code, first17 + credit_code_check_char(first17)) == "credit_format"


# --- 电话 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, normalised",
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("19912345678", "19912345678"),
        ("023-12345678", "023-12345678"),
        ("02312345678", "023-12345678"),
        ("(023) 1234 5678", "023-12345678"),
        ("+86 23 1234 5678", "023-12345678"),
        ("0755-1234567", "0755-1234567"),
        ("０２３－１２３４５６７８", "023-12345678"),
    ],
)
def test_mobiles_and_landlines_with_area_code_are_accepted_in_one_form(value, normalised):
    assert normalize_phone(value) == normalised


@pytest.mark.parametrize(
    "value",
    ["12345678901", "1381234567", "138123456789", "12345678", "023-1234567", "23-12345678", "abc", "110"],
)
def test_malformed_phones_are_refused(value):
    assert _error_code(normalize_phone, value) == "phone_format"


# --- masking --------------------------------------------------------------------------------


def test_id_number_is_masked_keeping_region_and_last_four():
    assert mask(Kind.ID_NUMBER, "11010519491231002X") == "110105********002X"


def test_credit_code_is_masked_keeping_first_and_last_four():
    assert mask(Kind.CREDIT_CODE, "91350100M000100Y43") == "9135**********0Y43"


def test_mobile_is_masked_keeping_prefix_and_last_four():
    assert mask(Kind.PHONE, "13812345678") == "138****5678"


def test_landline_is_masked_keeping_area_code_and_last_two():
    assert mask(Kind.PHONE, "023-12345678") == "023-******78"
    assert mask(Kind.PHONE, "02312345678") == "023-******78"


@pytest.mark.parametrize(
    "kind, value",
    [(Kind.ID_NUMBER, "12345678901"), (Kind.CREDIT_CODE, "short"), (Kind.PHONE, "1234567"), (Kind.PHONE, "12345")],
)
def test_a_malformed_value_is_starred_out_entirely(kind, value):
    assert mask(kind, value) == "*" * len(value)


def test_masking_nothing_gives_nothing():
    assert mask(Kind.PHONE, "") == "" and mask(Kind.ID_NUMBER, None) == ""


def test_masking_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        mask("passport", "E12345678")


@pytest.mark.parametrize("name, masked", [("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("李小龙", "李*龙"), ("", "")])
def test_names_are_masked_keeping_first_and_last_character(name, masked):
    assert mask_name(name) == masked


# --- encryption at rest ---------------------------------------------------------------------


def _raw(table: str, column: str, pk_column: str, pk) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {pk_column} = %s", [pk])
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def user_with_mobile(db):
    return orgs.user_create(username="alice", password="Qz7!harbour-lamp", display_name="王小丽", superuser=True,
                            mobile="138 1234 5678")


def test_mobile_is_stored_encrypted_never_in_clear(user_with_mobile):
    (raw,) = _raw("core_user", "mobile", "id", user_with_mobile.pk)
    assert raw.startswith("v1:")
    assert "13812345678" not in raw and "5678" not in raw


def test_mobile_is_read_back_decrypted_and_normalised(user_with_mobile):
    from fazhi.core.models import User

    assert User.objects.get(pk=user_with_mobile.pk).mobile == "13812345678"


def test_encryption_round_trips_and_differs_on_every_write():
    first, second = personal.encrypt("13812345678"), personal.encrypt("13812345678")
    assert first != second
    assert personal.decrypt(first) == personal.decrypt(second) == "13812345678"


def test_a_changed_ciphertext_does_not_decrypt():
    from cryptography.exceptions import InvalidTag

    token = personal.encrypt("13812345678")
    i = len("v1:") + 20  # inside the ciphertext, well clear of base64 padding
    tampered = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
    with pytest.raises(InvalidTag):
        personal.decrypt(tampered)


def test_history_table_holds_no_clear_mobile(user_with_mobile):
    user_with_mobile.mobile = "13987654321"
    user_with_mobile.save()
    raws = _raw("core_historicaluser", "mobile", "id", user_with_mobile.pk)
    assert len(raws) == 2
    for raw in raws:
        assert raw.startswith("v1:")
        assert "13812345678" not in raw and "13987654321" not in raw
    assert {h.mobile for h in user_with_mobile.history.all()} == {"13812345678", "13987654321"}


def test_audit_snapshot_of_a_user_masks_the_mobile(user_with_mobile):
    snap = audit.snapshot(user_with_mobile)
    assert snap["mobile"] == "138****5678"
    assert "13812345678" not in str(snap)


def test_user_create_audit_event_holds_no_clear_mobile(user_with_mobile):
    (event,) = audit.events_for(user_with_mobile)
    assert event.after["mobile"] == "138****5678"
    assert "13812345678" not in str(event.after)


# --- digests --------------------------------------------------------------------------------


def test_digest_is_equal_for_equal_normalised_values():
    assert personal.digest(Kind.PHONE, "13812345678") == personal.digest("phone", "+86 138-1234-5678")
    assert personal.digest(Kind.PHONE, "023-12345678") == personal.digest(Kind.PHONE, "02312345678")
    assert personal.digest(Kind.ID_NUMBER, "11010519491231002x") == personal.digest(
        Kind.ID_NUMBER, "11010519491231002X"
    )


def test_digest_differs_for_different_values():
    assert personal.digest(Kind.PHONE, "13812345678") != personal.digest(Kind.PHONE, "13812345679")
    assert personal.digest(Kind.PHONE, "023-12345678") != personal.digest(Kind.PHONE, "024-12345678")
    assert personal.digest(Kind.ID_NUMBER, "11010519491231002X") != personal.digest(
        Kind.ID_NUMBER, _id_number("11010519491231003")
    )


def test_digest_is_keyed_not_a_plain_hash():
    import hashlib

    value = personal.digest(Kind.PHONE, "13812345678")
    assert value not in {hashlib.sha256(b"13812345678").hexdigest(), hashlib.sha256(b"phone:13812345678").hexdigest()}


def test_digest_refuses_an_invalid_value():
    with pytest.raises(ValidationError):
        personal.digest(Kind.ID_NUMBER, "110105194912310021")
