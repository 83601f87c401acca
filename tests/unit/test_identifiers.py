"""Tests for core.identifiers: GB 11643-1999 ID numbers, GB 32100-2015 USCC, phones, masking.

The check characters here are computed by a reference written straight from the standards'
formulas (weights 2^(18-i) mod 11, resp. 3^(i-1) mod 31), not by the module under test.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.identifiers import (
    ID_KINDS,
    ID_TYPES,
    IdCheck,
    check_id,
    check_phone,
    check_resident_id,
    check_uscc,
    cross_check,
    mask_id,
    normalize,
    to_json,
    validate_party_id,
)
from desktop.commands import check_id as check_id_cmd

REPO = Path(__file__).resolve().parents[2]
DIGITS = "0123456789"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
PERMIT_PREFIXES = {"810000": "hk_permit", "820000": "mo_permit", "830000": "tw_permit"}


# --- Reference implementations (from the standards' text) --------------------------------------


def ref_id_check(first17: str) -> str:
    """GB 11643-1999: W_i = 2^(i-1) mod 11 counted from the right, a1 = (12 - S mod 11) mod 11."""
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def ref_uscc_check(first17: str) -> str:
    """GB 32100-2015: W_i = 3^(i-1) mod 31, C18 = 31 - (S mod 31), 31 → 0."""
    total = sum(USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def make_id18(prefix6: str, born: date, seq: int) -> str:
    first17 = f"{prefix6}{born:%Y%m%d}{seq:03d}"
    return first17 + ref_id_check(first17)


def sex_of(seq: int) -> str:
    return "M" if seq % 2 else "F"


# --- Strategies ----------------------------------------------------------------------------------

births = st.dates(min_value=date(1850, 1, 1), max_value=date.today())
seqs = st.integers(min_value=0, max_value=999)
digits = st.text(alphabet=DIGITS, min_size=5, max_size=5)
regions = st.builds(lambda first, rest: first + rest, st.sampled_from("12345678"), digits).filter(
    lambda r: r not in PERMIT_PREFIXES
)


@st.composite
def id18_numbers(draw: st.DrawFn) -> tuple[str, str, date, str]:
    """(number, kind, birth date, sex) for every 18-character GB 11643 kind."""
    kind = draw(st.sampled_from(["resident", "hk_permit", "mo_permit", "tw_permit", "foreign_pr"]))
    if kind == "resident":
        prefix = draw(regions)
    elif kind == "foreign_pr":
        prefix = "9" + draw(digits)
    else:
        prefix = next(p for p, k in PERMIT_PREFIXES.items() if k == kind)
    born, seq = draw(births), draw(seqs)
    return make_id18(prefix, born, seq), kind, born, sex_of(seq)


@st.composite
def id15_numbers(draw: st.DrawFn) -> tuple[str, str, date, str]:
    """(15-digit number, its 18-digit upgrade, birth date, sex)."""
    region = draw(st.text(alphabet=DIGITS, min_size=6, max_size=6))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
    seq = draw(seqs)
    old = f"{region}{born:%y%m%d}{seq:03d}"
    return old, make_id18(region, born, seq), born, sex_of(seq)


@st.composite
def uscc_codes(draw: st.DrawFn) -> str:
    head = draw(st.text(alphabet=USCC_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text(alphabet=DIGITS, min_size=6, max_size=6))
    body = draw(st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9))
    first17 = head + region + body
    return first17 + ref_uscc_check(first17)


# --- GB 11643-1999: known examples -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "kind", "born", "sex"),
    [
        ("11010519491231002X", "resident", date(1949, 12, 31), "F"),  # GB 11643-1999 example
        ("440524188001010014", "resident", date(1880, 1, 1), "M"),  # GB example; stdnum rejects it
        ("330802198808081237", "resident", date(1988, 8, 8), "M"),
        ("330802201202290047", "resident", date(2012, 2, 29), "F"),  # leap day
        ("810000199001010019", "hk_permit", date(1990, 1, 1), "M"),
        ("820000200103150028", "mo_permit", date(2001, 3, 15), "F"),
        ("830000197511200036", "tw_permit", date(1975, 11, 20), "M"),
        ("915600198507040019", "foreign_pr", date(1985, 7, 4), "M"),
    ],
)
def test_known_valid_id18(number: str, kind: str, born: date, sex: str) -> None:
    """GB 11643-1999 numbers and the permits / PR card that share its pattern."""
    for result in (check_id(number), check_resident_id(number)):
        assert result == IdCheck(True, kind, born, sex, number, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "born", "sex"),
    [
        ("110105491231002", "11010519491231002X", date(1949, 12, 31), "F"),
        ("130503670401001", "130503196704010016", date(1967, 4, 1), "M"),
    ],
)
def test_known_valid_id15_is_upgraded(old: str, new: str, born: date, sex: str) -> None:
    """Legacy 15-digit numbers (GB 11643-1999 §upgrade): insert "19", add the check char."""
    result = check_id(old)
    assert result == IdCheck(True, "resident15", born, sex, new, None)  # type: ignore[arg-type]
    assert check_id(new).birth_date == born


@pytest.mark.parametrize(
    ("number", "error"),
    [
        ("", "请输入证件号码"),
        ("   ", "请输入证件号码"),
        ("1101051949123100", "身份证号码应为18位（旧证15位），现为16位"),
        ("11010519491231002", "身份证号码应为18位（旧证15位），现为17位"),
        ("110105194912310021", "校验位应为 X，请核对号码"),
        ("11010519900230002X", "出生日期 1990-02-30 不存在"),
        ("110105190002290021", "出生日期 1900-02-29 不存在"),
        ("11010518491231002X", "出生日期 1849-12-31 早于1850年，请核对号码"),
        ("1101051949X231002X", "X 只能出现在最后一位（校验位）"),
        ("110105491331002", "出生日期 1949-13-31 不存在"),
        ("11010549123100X", "15位旧身份证号码只能是数字"),
    ],
)
def test_specific_errors(number: str, error: str) -> None:
    """Errors name the fault in words a receptionist understands (GB 11643-1999)."""
    result = check_id(number)
    assert not result.valid
    assert result.error == error
    assert result.normalized is None and result.birth_date is None and result.sex is None


def test_future_birth_date_rejected() -> None:
    """GB 11643-1999: the birth date cannot lie in the future."""
    tomorrow = date.today() + timedelta(days=1)
    result = check_id(make_id18("330802", tomorrow, 1))
    assert not result.valid and result.kind == "resident"
    assert result.error == f"出生日期 {tomorrow.isoformat()} 晚于今天，请核对号码"
    assert check_id(make_id18("330802", date.today(), 1)).valid  # born today is fine


def test_invalid_date_not_taken_for_uscc() -> None:
    """11010519490230002X happens to satisfy the GB 32100-2015 checksum; a birth-century
    position keeps it read as a (bad) ID number instead of a valid USCC."""
    assert check_uscc("11010519490230002X").valid
    result = check_id("11010519490230002X")
    assert not result.valid and result.error == "出生日期 1949-02-30 不存在"


# --- GB 11643-1999: properties ----------------------------------------------------------------------


@given(id18_numbers())
def test_generated_id18_valid(sample: tuple[str, str, date, str]) -> None:
    """Every GB 11643-1999 number built from a real date and any sequence passes."""
    number, kind, born, sex = sample
    for result in (check_id(number), check_resident_id(number)):
        assert result.valid, result.error
        assert (result.kind, result.birth_date, result.sex, result.normalized) == (
            kind,
            born,
            sex,
            number,
        )


@given(id15_numbers())
def test_generated_id15_valid(sample: tuple[str, str, date, str]) -> None:
    """GB 11643-1999 15→18 upgrade: normalized is the 18-character form."""
    old, new, born, sex = sample
    result = check_id(old)
    assert result.valid, result.error
    assert (result.kind, result.birth_date, result.sex, result.normalized) == (
        "resident15",
        born,
        sex,
        new,
    )
    assert validate_party_id("resident_id", old).normalized == new


@given(id18_numbers())
def test_every_single_character_change_fails_id18(sample: tuple[str, str, date, str]) -> None:
    """GB 11643-1999's mod-11 check catches every single substitution (digit or X) anywhere.

    check_id may read an all-digit string as a USCC (GB 32100-2015), but only when positions
    7–8 are not a birth century — never as a valid ID number.
    """
    number, kind, _, _ = sample
    id_type = {"resident": "resident_id", "hk_permit": "hk_mo_permit", "mo_permit": "hk_mo_permit"}
    id_type |= {"tw_permit": "tw_permit", "foreign_pr": "foreign_pr"}
    for pos, original in enumerate(number):
        for ch in DIGITS + "X":
            if ch == original:
                continue
            mutant = number[:pos] + ch + number[pos + 1 :]
            assert not check_resident_id(mutant).valid, mutant
            assert not validate_party_id(id_type[kind], mutant).valid, mutant
            auto = check_id(mutant)
            if auto.valid:
                assert auto.kind == "uscc" and mutant[6:8] not in ("18", "19", "20"), mutant


@given(id18_numbers(), st.data())
def test_normalization_of_id18(sample: tuple[str, str, date, str], data: st.DataObject) -> None:
    """Full-width digits, spaces (incl. U+3000) and a lower-case x are accepted (GB 11643-1999)."""
    number, kind, _, _ = sample
    messy = ""
    for ch in number:
        if data.draw(st.booleans()):
            ch = chr(ord(ch) + 0xFEE0)  # full-width form (Ｘ for X)
        if ch in "XＸ" and data.draw(st.booleans()):
            ch = ch.lower()
        messy += ch + data.draw(st.sampled_from(["", "", " ", "\u3000", "\t", "\u00a0", "\n"]))
    assert normalize(messy) == number
    result = check_id(messy)
    assert result.valid and result.kind == kind and result.normalized == number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１１０１０５ １９４９１２３１ ００２ｘ", "11010519491231002X"),
        ("\u3000 91350100m000100y43\n", "91350100M000100Y43"),
        ("1101\u200b05", "110105"),  # zero-width space pasted from a web page
        ("", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


# --- GB 32100-2015 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000710926094P", "91330000142916567N"])
def test_known_valid_uscc(code: str) -> None:
    """Real-format GB 32100-2015 codes; birth date and sex do not apply."""
    for result in (check_id(code), check_uscc(code), check_id(code.lower())):
        assert result == IdCheck(True, "uscc", None, None, code, None)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91350100M00O100Y43", "统一社会信用代码含非法字符 O（代码中不用 I/O/Z/S/V）"),
        ("9135010IM000100Z43", "统一社会信用代码含非法字符 I/Z（代码中不用 I/O/Z/S/V）"),
        ("91350100M000100Y4*", "统一社会信用代码含非法字符“*”"),
        ("913501A0M000100Y43", "统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字"),
        ("91350100M000100Y44", "校验位应为 3，请核对代码"),
    ],
)
def test_uscc_errors(code: str, error: str) -> None:
    """GB 32100-2015 faults are reported specifically."""
    for result in (check_uscc(code), check_id(code)):
        assert not result.valid and result.kind == "uscc" and result.error == error


def test_wrong_length_uscc() -> None:
    """GB 32100-2015 codes have 18 characters; check_id cannot tell what a short one was."""
    assert check_uscc("91350100M000100Y4").error == "统一社会信用代码应为18位，现为17位"
    assert (
        check_id("91350100M000100Y4").error
        == "不是身份证号码或统一社会信用代码（应为18位，现为17位）"
    )


@given(uscc_codes())
def test_generated_uscc_valid(code: str) -> None:
    """Every code built by the GB 32100-2015 rules passes."""
    assert check_uscc(code) == IdCheck(True, "uscc", normalized=code)
    auto = check_id(code)
    if set(code) - set(DIGITS + "X"):
        assert auto == IdCheck(True, "uscc", normalized=code)
    elif code[6:8] not in ("18", "19", "20"):
        assert auto.valid  # only digits and X: may also read as a valid ID number
    # else: digits with a birth century at 7–8 are read only as an ID number (see check_id)


@given(uscc_codes())
def test_every_single_character_change_fails_uscc(code: str) -> None:
    """GB 32100-2015's mod-31 check (31 prime, all weights non-zero) catches every substitution,
    including the letters the alphabet leaves out."""
    for pos, original in enumerate(code):
        for ch in USCC_ALPHABET + "IOZSV":
            if ch == original:
                continue
            mutant = code[:pos] + ch + code[pos + 1 :]
            assert not check_uscc(mutant).valid, mutant
            auto = check_id(mutant)
            assert not auto.valid or auto.kind in ID_KINDS, mutant


def test_all_digit_uscc_and_combined_error() -> None:
    """An all-digit GB 32100-2015 code is found by check_id; if both readings fail, both
    faults are shown."""
    first17 = "91350100123456789"
    code = first17 + ref_uscc_check(first17)
    assert check_id(code).kind == "uscc" and check_id(code).valid
    bad = first17 + ("0" if code[-1] != "0" else "1")
    result = check_id(bad)
    assert not result.valid and result.kind is None
    assert result.error is not None
    assert (
        result.error.startswith("号码无效：按身份证读，") and "按统一社会信用代码读" in result.error
    )


# --- Robustness ---------------------------------------------------------------------------------------


@given(st.text())
def test_checkers_never_raise_on_any_text(text: str) -> None:
    for result in (check_id(text), check_resident_id(text), check_uscc(text)):
        assert isinstance(result, IdCheck)
        assert result.valid == (result.error is None)
        assert result.valid == (result.normalized is not None)
    for id_type in ID_TYPES:
        assert isinstance(validate_party_id(id_type, text), IdCheck)
    assert isinstance(check_phone(text).valid, bool)
    assert isinstance(mask_id(text), str)
    json.dumps(to_json(check_id(text)), ensure_ascii=False)


@given(st.text(alphabet=DIGITS + "X٣²xＸ１ \u3000", min_size=13, max_size=20))
def test_checkers_never_raise_on_near_miss_numbers(text: str) -> None:
    """Unicode digits (Arabic-Indic ٣, superscript ²) must not slip through int()."""
    result = check_id(text)
    assert result.valid == (result.error is None)
    if result.valid:
        assert result.normalized is not None and result.normalized.isascii()


# --- Party ID types -------------------------------------------------------------------------------------


def test_id_types_order_and_labels() -> None:
    assert list(ID_TYPES.items()) == [
        ("resident_id", "居民身份证"),
        ("hk_mo_permit", "港澳居民居住证"),
        ("tw_permit", "台湾居民居住证"),
        ("foreign_pr", "外国人永久居留身份证"),
        ("passport", "护照"),
        ("hk_mo_pass", "港澳居民来往内地通行证"),
        ("tw_pass", "台湾居民来往大陆通行证"),
        ("other", "其他证件"),
    ]


@pytest.mark.parametrize(
    ("id_type", "number", "kind"),
    [
        ("resident_id", "11010519491231002X", "resident"),
        ("resident_id", "110105491231002", "resident15"),
        ("hk_mo_permit", "810000199001010019", "hk_permit"),
        ("hk_mo_permit", "820000200103150028", "mo_permit"),
        ("tw_permit", "830000197511200036", "tw_permit"),
        ("foreign_pr", "915600198507040019", "foreign_pr"),
    ],
)
def test_validate_party_id_numbered_types(id_type: str, number: str, kind: str) -> None:
    result = validate_party_id(id_type, number)
    assert result.valid and result.kind == kind


@pytest.mark.parametrize(
    ("id_type", "number", "error"),
    [
        (
            "resident_id",
            "810000199001010019",
            "这是港澳居民居住证号码，请把证件类型选为“港澳居民居住证”",
        ),
        ("hk_mo_permit", "11010519491231002X", "这是居民身份证号码，请把证件类型选为“居民身份证”"),
        (
            "tw_permit",
            "810000199001010019",
            "这是港澳居民居住证号码，请把证件类型选为“港澳居民居住证”",
        ),
        (
            "foreign_pr",
            "830000197511200036",
            "这是台湾居民居住证号码，请把证件类型选为“台湾居民居住证”",
        ),
        ("resident_id", "91350100M000100Y43", "身份证号码只能是数字，最后一位可以是 X，不能有“M”"),
        ("resident_id", "110105194912310021", "校验位应为 X，请核对号码"),
    ],
)
def test_validate_party_id_wrong_kind(id_type: str, number: str, error: str) -> None:
    result = validate_party_id(id_type, number)
    assert not result.valid and result.error == error and result.normalized is None


@pytest.mark.parametrize(
    ("id_type", "number", "normalized", "error"),
    [
        ("passport", "e 1234 5678", "E12345678", None),
        ("hk_mo_pass", "Ｃ12345678", "C12345678", None),
        ("tw_pass", "12345678", "12345678", None),
        ("other", "JZ-2024-001", "JZ-2024-001", None),
        ("passport", "", None, "请输入证件号码"),
        ("passport", "E1", None, "证件号码应为3–30位，现为2位"),
        ("other", "A" * 31, None, "证件号码应为3–30位，现为31位"),
        ("passport", "E123/456", None, "证件号码只能包含字母、数字和“-”"),
    ],
)
def test_validate_party_id_free_text(
    id_type: str, number: str, normalized: str | None, error: str | None
) -> None:
    result = validate_party_id(id_type, number)
    assert result == IdCheck(error is None, None, None, None, normalized, error)


def test_validate_party_id_unknown_type_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown ID type"):
        validate_party_id("driving_licence", "123456")


# --- cross_check --------------------------------------------------------------------------------------


def test_cross_check() -> None:
    check = check_id("11010519491231002X")  # born 1949-12-31, female
    assert cross_check(check, date(1949, 12, 31), "F") == []
    assert cross_check(check, None, None) == []
    assert cross_check(check, date(1950, 1, 1), "F") == [
        "出生日期与证件号码不符：号码为 1949-12-31，填写为 1950-01-01"
    ]
    assert cross_check(check, date(1949, 12, 31), "M") == ["性别与证件号码不符：号码为女，填写为男"]
    assert len(cross_check(check, date(1950, 1, 1), "M")) == 2
    # Nothing to compare against: invalid numbers, USCC, free text.
    assert cross_check(check_id("110105194912310021"), date(1950, 1, 1), "M") == []
    assert cross_check(check_id("91350100M000100Y43"), date(1950, 1, 1), "M") == []
    assert cross_check(validate_party_id("passport", "E12345678"), date(1950, 1, 1), "M") == []


# --- Phone numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized", "kind"),
    [
        ("13812345678", "13812345678", "mobile"),
        ("138 1234 5678", "13812345678", "mobile"),
        ("+86 138-1234-5678", "13812345678", "mobile"),
        ("0086 13812345678", "13812345678", "mobile"),
        ("１３８１２３４５６７８", "13812345678", "mobile"),
        ("19912345678", "19912345678", "mobile"),
        ("0570-3012345", "0570-3012345", "landline"),
        ("05703012345", "0570-3012345", "landline"),
        ("(0570) 301 2345", "0570-3012345", "landline"),
        ("+86 570 3012345", "0570-3012345", "landline"),
        ("010-12345678", "010-12345678", "landline"),
        ("0571-87654321", "0571-87654321", "landline"),
        ("4008123123", "4008123123", None),  # service number: valid, neither kind
        ("+852 9123 4567", "+85291234567", "mobile"),  # outside the mainland: E.164
    ],
)
def test_valid_phones(raw: str, normalized: str, kind: str | None) -> None:
    result = check_phone(raw)
    assert (result.valid, result.normalized, result.kind, result.error) == (
        True,
        normalized,
        kind,
        None,
    )
    assert check_phone(normalized).normalized == normalized  # normalized form is stable


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("", "请输入电话号码"),
        ("abc", "电话号码格式不对，只能包含数字"),
        ("1381234567", "手机号码应为11位，现为10位"),
        ("138123456789", "手机号码应为11位，现为12位"),
        ("3012345", "固定电话请加区号，如 0570-3012345"),
        ("12345678901", "电话号码无效，请核对区号和号码位数"),
        # libphonenumber: local numbers in area 0570 have 7 digits, so 8 are too many.
        ("057083012345", "电话号码无效，请核对区号和号码位数"),
    ],
)
def test_invalid_phones(raw: str, error: str) -> None:
    result = check_phone(raw)
    assert (result.valid, result.normalized, result.kind, result.error) == (
        False,
        None,
        None,
        error,
    )


# --- Masking ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("330802198808081234", "330802********1234"),
        ("11010519491231002x", "110105********002X"),
        ("110105491231002", "110105*****1002"),
        ("E12345678", "*****5678"),
        ("12345", "***45"),
        ("AB", "*B"),
        ("A", "*"),
        ("", ""),
    ],
)
def test_mask_id(number: str, masked: str) -> None:
    assert mask_id(number) == masked


@given(st.text(alphabet=USCC_ALPHABET + "-", max_size=40))
def test_mask_never_shows_more_than_allowed(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    shown = sum(c != "*" for c in masked)
    assert shown <= (10 if len(number) >= 15 else min(4, len(number) // 2))


# --- JSON and the check-id command -------------------------------------------------------------------


def test_to_json_keys_and_values() -> None:
    assert to_json(check_id("11010519491231002X")) == {
        "valid": True,
        "kind": "resident",
        "birth_date": "1949-12-31",
        "sex": "F",
        "normalized": "11010519491231002X",
        "error": None,
    }
    assert to_json(check_id("110105194912310021")) == {
        "valid": False,
        "kind": "resident",
        "birth_date": None,
        "sex": None,
        "normalized": None,
        "error": "校验位应为 X，请核对号码",
    }


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tiaojie " + check_id_cmd.NAME)
    check_id_cmd.configure(parser)
    return check_id_cmd.run(parser.parse_args(argv))


def test_cli_single_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_id_cmd.NAME == "check-id" and check_id_cmd.HELP
    assert run_cli(["11010519491231002x", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == to_json(check_id("11010519491231002X"))


def test_cli_single_human(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["110105491231002"]) == 0
    out = capsys.readouterr().out
    assert "11010519491231002X  有效" in out and "1949-12-31" in out and "性别 女" in out
    assert run_cli(["110105194912310021"]) == 1
    assert capsys.readouterr().out.strip() == "110105194912310021  无效：校验位应为 X，请核对号码"


def test_cli_stdin_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["11010519491231002X", "", "91350100M000100Y43", "110105194912310021"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert run_cli(["-", "--json"]) == 1  # one invalid line
    out_lines = capsys.readouterr().out.splitlines()
    assert len(out_lines) == 3  # the blank line is skipped
    objects = [json.loads(line) for line in out_lines]
    assert [o["valid"] for o in objects] == [True, True, False]
    assert objects[1]["kind"] == "uscc"
    assert "校验位" in out_lines[2]  # ensure_ascii=False keeps Chinese readable


def test_cli_stdin_all_valid(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("11010519491231002X\n440524188001010014\n"))
    assert run_cli(["-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_cli_imports_no_qt_or_sqlalchemy() -> None:
    """The command must start without Qt or a database layer (checked in a fresh interpreter,
    because other tests may already have imported them here)."""
    code = (
        "import sys, desktop.commands.check_id; "
        "bad = [m for m in ('PySide6', 'sqlalchemy') if m in sys.modules]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
