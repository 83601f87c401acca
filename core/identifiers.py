"""Identifier validation: ID numbers, unified social credit codes, phone numbers (domain.md §7).

Qt-free and database-free. Every checker takes raw user text, never raises on bad input and
returns a frozen result whose ``error`` is a short Simplified-Chinese message for the front desk.

* GB 11643-1999 resident ID (18 digits, legacy 15), and the same pattern used by Hong Kong /
  Macao / Taiwan residence permits (810000 / 820000 / 830000) and the 2023 foreign
  permanent-residence ID (first digit 9).
* GB 32100-2015 unified social credit code (USCC).
* Phone numbers through ``phonenumbers`` (libphonenumber), default region CN.

No region table is checked on purpose: the tables go stale and python-stdnum's one rejects
valid permits and the standard's own example 440524188001010014.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from core.messages import code_label, msg

Sex = Literal["M", "F"]

# Kinds following the GB 11643 pattern (as opposed to "uscc").
ID_KINDS = ("resident", "resident15", "hk_permit", "mo_permit", "tw_permit", "foreign_pr")

KIND_LABELS = {
    "resident": "居民身份证",
    "resident15": "居民身份证（15位旧号码）",
    "hk_permit": "港澳居民居住证（香港）",
    "mo_permit": "港澳居民居住证（澳门）",
    "tw_permit": "台湾居民居住证",
    "foreign_pr": "外国人永久居留身份证",
    "uscc": "统一社会信用代码",
}

# Party ID types offered on the intake form, in display order.
ID_TYPES: dict[str, str] = {
    "resident_id": "居民身份证",
    "hk_mo_permit": "港澳居民居住证",
    "tw_permit": "台湾居民居住证",
    "foreign_pr": "外国人永久居留身份证",
    "passport": "护照",
    "hk_mo_pass": "港澳居民来往内地通行证",
    "tw_pass": "台湾居民来往大陆通行证",
    "other": "其他证件",
}

# Which detected kinds each numbered ID type accepts; the other types are free text.
_TYPE_KINDS: dict[str, tuple[str, ...]] = {
    "resident_id": ("resident", "resident15"),
    "hk_mo_permit": ("hk_permit", "mo_permit"),
    "tw_permit": ("tw_permit",),
    "foreign_pr": ("foreign_pr",),
}

_PERMIT_PREFIXES = {"810000": "hk_permit", "820000": "mo_permit", "830000": "tw_permit"}
_KIND_TO_TYPE = {
    "resident": "resident_id",
    "resident15": "resident_id",
    "hk_permit": "hk_mo_permit",
    "mo_permit": "hk_mo_permit",
    "tw_permit": "tw_permit",
    "foreign_pr": "foreign_pr",
}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_FORBIDDEN = "IOZSV"  # letters GB 32100 leaves out because they look like digits
_EARLIEST_BIRTH = date(1850, 1, 1)
_BIRTH_CENTURIES = ("18", "19", "20")

# ASCII only: "\d" would also match Arabic-Indic and other Unicode digits.
_ID18_RE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_DIGITS_X_RE = re.compile(r"[0-9X]+", re.ASCII)
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_FREE_TEXT_RE = re.compile(r"[A-Z0-9-]+", re.ASCII)


@dataclass(frozen=True)
class IdCheck:
    valid: bool
    kind: str | None = None
    birth_date: date | None = None
    sex: Sex | None = None
    normalized: str | None = None  # canonical form when valid, else None
    error: str | None = None  # Chinese message when invalid, else None


@dataclass(frozen=True)
class PhoneCheck:
    valid: bool
    normalized: str | None = None
    kind: Literal["mobile", "landline"] | None = None
    error: str | None = None


def _fail(error: str, kind: str | None = None) -> IdCheck:
    return IdCheck(valid=False, kind=kind, error=error)


def normalize(text: str) -> str:
    """Full-width → half-width (NFKC), drop whitespace and invisible format characters
    (copied from Word/Excel/web pages), upper-case letters (x → X, USCC letters)."""
    text = unicodedata.normalize("NFKC", text)
    kept = (ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")
    return "".join(kept).upper()


# --- GB 11643-1999 -------------------------------------------------------------------------


def id_check_char(first17: str) -> str:
    """GB 11643-1999 check character for 17 ASCII digits."""
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _birth_date(yyyymmdd: str) -> tuple[date | None, str | None]:
    shown = f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None, msg("出生日期 {day} 不存在", day=shown)
    if born > date.today():
        return None, msg("出生日期 {day} 晚于今天，请核对号码", day=shown)
    if born < _EARLIEST_BIRTH:
        return None, msg("出生日期 {day} 早于1850年，请核对号码", day=shown)
    return born, None


def _id_kind(number: str) -> str:
    if number[0] == "9":
        return "foreign_pr"
    return _PERMIT_PREFIXES.get(number[:6], "resident")


def _check_id18(number: str, kind: str) -> IdCheck:
    """``number`` already matches 17 digits + digit/X."""
    born, error = _birth_date(number[6:14])
    if error:
        return _fail(error, kind)
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return _fail(msg("校验位应为 {expected}，请核对号码", expected=expected), kind)
    sex: Sex = "M" if int(number[16]) % 2 else "F"
    return IdCheck(True, kind, born, sex, number)


def _check_id15(number: str) -> IdCheck:
    """Legacy 15-digit number: region + YYMMDD + seq3, all born in the 1900s."""
    if not _DIGITS_RE.fullmatch(number):
        return _fail(msg("15位旧身份证号码只能是数字"), "resident15")
    first17 = number[:6] + "19" + number[6:]
    born, error = _birth_date(first17[6:14])
    if error:
        return _fail(error, "resident15")
    sex: Sex = "M" if int(number[14]) % 2 else "F"
    return IdCheck(True, "resident15", born, sex, first17 + id_check_char(first17))


def check_resident_id(text: str) -> IdCheck:
    """Check an 18-character GB 11643 number (resident ID, HK/MO/TW residence permit,
    foreign permanent-residence ID) or a legacy 15-digit resident ID. No USCC fallback."""
    number = normalize(text)
    if not number:
        return _fail(msg("请输入证件号码"))
    if len(number) == 15:
        return _check_id15(number)
    if len(number) != 18:
        return _fail(msg("身份证号码应为18位（旧证15位），现为{length}位", length=len(number)))
    if _ID18_RE.fullmatch(number):
        return _check_id18(number, _id_kind(number))
    if _DIGITS_X_RE.fullmatch(number):
        return _fail(msg("X 只能出现在最后一位（校验位）"))
    bad = next(ch for ch in number if ch not in "0123456789X")
    return _fail(msg("身份证号码只能是数字，最后一位可以是 X，不能有“{bad}”", bad=bad))


# --- GB 32100-2015 -------------------------------------------------------------------------


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character for 17 characters of the USCC alphabet."""
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(text: str) -> IdCheck:
    """Check a unified social credit code (GB 32100-2015)."""
    code = normalize(text)
    if not code:
        return _fail(msg("请输入统一社会信用代码"), "uscc")
    if len(code) != 18:
        return _fail(msg("统一社会信用代码应为18位，现为{length}位", length=len(code)), "uscc")
    forbidden = sorted({ch for ch in code if ch in _USCC_FORBIDDEN})
    if forbidden:
        found = "/".join(forbidden)
        return _fail(msg("统一社会信用代码含非法字符 {found}（代码中不用 I/O/Z/S/V）", found=found), "uscc")
    bad = next((ch for ch in code if ch not in _USCC_ALPHABET), None)
    if bad is not None:
        return _fail(msg("统一社会信用代码含非法字符“{bad}”", bad=bad), "uscc")
    if not _DIGITS_RE.fullmatch(code[2:8]):
        return _fail(msg("统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字"), "uscc")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return _fail(msg("校验位应为 {expected}，请核对代码", expected=expected), "uscc")
    return IdCheck(True, "uscc", normalized=code)


# --- Automatic detection ---------------------------------------------------------------------


def check_id(text: str) -> IdCheck:
    """Detect the kind of number and check it.

    USCCs may be all digits, so an 18-character string of digits (and X) can read both ways.
    It is read as a GB 11643 number first. A valid USCC reading is accepted only when that
    fails *and* positions 7–8 are not a birth century (18/19/20): otherwise a mistyped ID
    would pass as a USCC one time in 31. Forms that know the party's ID type use
    :func:`validate_party_id`, which never falls back to USCC.
    """
    number = normalize(text)
    if not number:
        return _fail(msg("请输入证件号码"))
    if len(number) == 15 or (len(number) != 18 and _DIGITS_X_RE.fullmatch(number)):
        return check_resident_id(number)
    if len(number) != 18:
        return _fail(msg("不是身份证号码或统一社会信用代码（应为18位，现为{length}位）", length=len(number)))
    if not _DIGITS_X_RE.fullmatch(number):
        return check_uscc(number)
    as_id = check_resident_id(number)
    if as_id.valid or number[6:8] in _BIRTH_CENTURIES:
        return as_id
    as_uscc = check_uscc(number)
    if as_uscc.valid:
        return as_uscc
    return _fail(msg("号码无效：按身份证读，{as_id}；按统一社会信用代码读，{as_uscc}",
                     as_id=as_id.error, as_uscc=as_uscc.error))


def validate_party_id(id_type: str, number: str) -> IdCheck:
    """Check a party's ID number against the type chosen on the intake form (``ID_TYPES``).

    Numbered types must match their kind; passports, travel passes and other documents are
    free text (3–30 letters, digits or "-") with kind None. Raises ``ValueError`` for an
    unknown type code, which is a programming error.
    """
    if id_type not in ID_TYPES:
        raise ValueError(f"unknown ID type: {id_type!r}")
    kinds = _TYPE_KINDS.get(id_type)
    if kinds is None:
        return _check_free_text(number)
    result = check_resident_id(number)
    if not result.valid or result.kind in kinds:
        return result
    # A valid number of another kind: most likely the wrong type was picked.
    other = code_label(ID_TYPES[_KIND_TO_TYPE[str(result.kind)]])
    return _fail(msg("这是{other}号码，请把证件类型选为“{other}”", other=other), result.kind)


def _check_free_text(text: str) -> IdCheck:
    number = normalize(text)
    if not number:
        return _fail(msg("请输入证件号码"))
    if not _FREE_TEXT_RE.fullmatch(number):
        return _fail(msg("证件号码只能包含字母、数字和“-”"))
    if not 3 <= len(number) <= 30:
        return _fail(msg("证件号码应为3–30位，现为{length}位", length=len(number)))
    return IdCheck(True, None, normalized=number)


_SEX_LABELS = {"M": "男", "F": "女"}


def cross_check(check: IdCheck, typed_birth: date | None, typed_sex: Sex | None) -> list[str]:
    """Messages for a typed birth date or sex that disagrees with the (valid) number."""
    problems: list[str] = []
    if not check.valid:
        return problems
    if typed_birth is not None and check.birth_date is not None and typed_birth != check.birth_date:
        problems.append(msg("出生日期与证件号码不符：号码为 {by_number}，填写为 {typed}",
                            by_number=check.birth_date.isoformat(), typed=typed_birth.isoformat()))
    if typed_sex is not None and check.sex is not None and typed_sex != check.sex:
        problems.append(msg("性别与证件号码不符：号码为{by_number}，填写为{typed}",
                            by_number=code_label(_SEX_LABELS[check.sex]),
                            typed=code_label(_SEX_LABELS.get(typed_sex, typed_sex))))
    return problems


# --- Display ---------------------------------------------------------------------------------


def to_json(check: IdCheck) -> dict[str, str | bool | None]:
    """JSON-ready dict for the CLI: exactly valid, kind, birth_date (YYYY-MM-DD), sex,
    normalized, error."""
    return {
        "valid": check.valid,
        "kind": check.kind,
        "birth_date": check.birth_date.isoformat() if check.birth_date else None,
        "sex": check.sex,
        "normalized": check.normalized,
        "error": check.error,
    }


def mask_id(number: str) -> str:
    """Mask for lists, slips and notices (domain.md §8): ID-length numbers keep the first 6 and
    last 4 (``330802********1234``); shorter ones keep at most the last 4 and never more
    than half."""
    number = normalize(number)
    if len(number) >= 15:
        return number[:6] + "*" * (len(number) - 10) + number[-4:]
    keep = min(4, len(number) // 2)
    return "*" * (len(number) - keep) + number[len(number) - keep :]


# --- Phone numbers ---------------------------------------------------------------------------


def check_phone(text: str) -> PhoneCheck:
    """Check a phone number with libphonenumber, default region CN.

    ``normalized`` formats:
    * CN mobile: 11 digits, ``13812345678`` (``+86``/``0086`` dropped);
    * CN landline: trunk 0 + area code, hyphen, local number: ``0570-3012345``, ``010-12345678``;
    * other valid CN numbers (400/800 service numbers …): national digits, kind None;
    * numbers outside mainland China (e.g. Hong Kong): E.164 ``+85291234567``.
    """
    import phonenumbers  # here: libphonenumber's metadata costs ~15 ms to import, and printing needs none

    raw = normalize(text)
    if not raw:
        return PhoneCheck(False, error=msg("请输入电话号码"))
    try:
        parsed = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException:
        return PhoneCheck(False, error=msg("电话号码格式不对，只能包含数字"))
    national = str(parsed.national_number)
    if not phonenumbers.is_valid_number(parsed):
        return PhoneCheck(False, error=_phone_error(parsed.country_code, raw, national))

    number_type = phonenumbers.number_type(parsed)
    kind: Literal["mobile", "landline"] | None = None
    if number_type == phonenumbers.PhoneNumberType.MOBILE:
        kind = "mobile"
    elif number_type == phonenumbers.PhoneNumberType.FIXED_LINE:
        kind = "landline"

    if parsed.country_code != 86:
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        return PhoneCheck(True, e164, kind)
    if kind == "landline":
        area = phonenumbers.length_of_geographical_area_code(parsed)
        if area:
            return PhoneCheck(True, f"0{national[:area]}-{national[area:]}", kind)
        return PhoneCheck(True, f"0{national}", kind)
    return PhoneCheck(True, national, kind)


def _phone_error(country_code: int, raw: str, national: str) -> str:
    if country_code != 86:
        return msg("境外电话号码无效，请核对")
    if national.startswith("1") and len(national) != 11:
        return msg("手机号码应为11位，现为{length}位", length=len(national))
    if not raw.startswith(("0", "+")) and 7 <= len(national) <= 8:
        return msg("固定电话请加区号，如 0570-3012345")
    return msg("电话号码无效，请核对区号和号码位数")
