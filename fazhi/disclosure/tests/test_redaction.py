"""Other people's personal data is found and masked before information leaves (第十五条、第三十七条)."""

from fazhi.disclosure.redaction import scan


def test_scan_masks_ids_phones_and_labelled_names():
    text = "户主:王小明,身份证11010519491231002x,手机13900001111,座机023-66451234;联系人: 欧阳娜娜。"
    out, found = scan(text)
    assert "王小明" not in out and "王*明" in out
    assert "11010519491231002" not in out and "110105********002X" in out
    assert "13900001111" not in out and "139****1111" in out
    assert "66451234" not in out
    assert "欧阳娜娜" not in out and "欧**娜" in out
    assert sorted(f.kind for f in found) == ["id_number", "name", "name", "phone", "phone"]


def test_scan_keeps_the_applicants_own_data_and_plain_prose():
    out, found = scan("申请人本人电话13812345678,户主本人同意。", keep=["13812345678"])
    assert out == "申请人本人电话13812345678,户主本人同意。" and found == []


def test_scan_leaves_longer_digit_runs_alone():
    out, found = scan("合同编号2023000100020003000400,金额12000元。")
    assert found == [] and "2023000100020003000400" in out
