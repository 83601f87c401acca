"""受理登记: the counter's intake form, its validation, and registering a case.

Qt-free. The form holds what the receptionist typed as *text* (dates, amounts, ID numbers), so a
draft can be saved and restored with every character, valid or not; :func:`normalise_form` cleans
it (spaces removed, full-width characters folded with NFKC, ``x`` upper-cased in ID numbers),
:func:`validate_intake` returns ``{"parties.0.id_number": "中文说明", …}`` for the screen to show
beside each field, and :func:`register_case` writes the case in one unit of work.

Rules implemented here, with their sources (domain.md):

* 人民调解法第十七条: a party who clearly refuses mediation ends the case at once — the case is
  registered with status ``refused`` and concluded on the day it was received.
* 人民调解法第二十五条: an escalation risk needs who was notified and when.
* 医疗纠纷预防和处理条例第三十一条: a medical dispute is mediated when both sides apply, or one
  applies and the other consents — ``medical_consent`` must be ``both_applied`` or ``consented``.
* 群体性纠纷: :data:`GROUP_MIN_SIZE` = 5 persons, the threshold local 矛盾纠纷排查 rules commonly
  use for 群体性矛盾纠纷 ("涉及5人以上"); below that the dispute is an ordinary multi-party one.
* Out of scope at intake (2002《人民调解工作若干规定》; 土地管理法第十四条): not registered but
  referred elsewhere with a 转办单 (:func:`create_referral`).

Re-routing (:func:`reroute_case`) keeps the case number. The number was printed on the 受理登记表
and the 告知书 the parties already hold, and taking a new one would leave a gap in the old
committee's gap-free sequence; so the committee prefix in the number shows where the case was
*registered*, and the move is recorded in ``status_changes`` (same status on both sides, the
reason says from → to and why) and in the audit log.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, PermissionDenied, can, case_scope_refusal, require, use_case
from core.case_numbers import allocate_case_number
from core.identifiers import (
    ID_TYPES,
    IdCheck,
    check_phone,
    check_uscc,
    cross_check,
    normalize,
    validate_party_id,
)
from core.messages import code_label, joined, message_of, msg
from core.settings import get_settings
from core.uow import read_only, unit_of_work
from db.codes import (
    CASE_PARTY_ROLES,
    CASE_SOURCES,
    CASE_STATUSES,
    COMMITTEE_SHORT,
    COMMITTEES,
    DISPUTE_TYPES,
    OPEN_STATUSES,
    ORGANISATION_KINDS,
    SEXES,
)
from db.models import (
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    Party,
    QueueTicket,
    Referral,
    StatusChange,
    User,
)

__all__ = [
    "ETHNICITIES",
    "GROUP_MIN_SIZE",
    "MEDICAL_CONSENTS",
    "PARTY_FORM_KINDS",
    "PRINCIPAL_ROLES",
    "DocParty",
    "IntakeDocument",
    "IntakeError",
    "IntakeForm",
    "PartyForm",
    "ReferralRow",
    "RegisteredCase",
    "RerouteResult",
    "create_referral",
    "intake_document",
    "is_medical",
    "normalise_form",
    "parse_amount",
    "parse_date",
    "parse_datetime",
    "party_kinds_for_routing",
    "register_case",
    "reroute_case",
    "routing_text",
    "validate_intake",
]

#: 群体性纠纷: at least this many people involved (see the module docstring).
GROUP_MIN_SIZE = 5

#: Medical regulation Art.31: how both sides came to mediation.
MEDICAL_CONSENTS: dict[str, str] = {
    "both_applied": "双方共同申请",
    "consented": "一方申请，另一方同意",
}

#: Kinds of party editor on the form; agents are natural persons stored as ``person`` rows.
PARTY_FORM_KINDS: dict[str, str] = {
    "person": "自然人",
    "organisation": "法人或其他组织",
    "agent": "代理人",
}

PRINCIPAL_ROLES: dict[str, str] = {k: v for k, v in CASE_PARTY_ROLES.items() if k != "agent"}

#: The 56 ethnic groups (GB/T 3304), offered in an editable list.
ETHNICITIES: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
    "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)

_MAX_AMOUNT = Decimal("10000000000")  # 100 亿元: anything above is a typing slip
_CLOCK_SKEW = timedelta(minutes=10)  # PCs' clocks differ a little
_EARLIEST_RECEIVED = datetime(2000, 1, 1)

# Column sizes (db/models/cases.py): PostgreSQL refuses longer text, SQLite would keep it.
_MAX_LEN = {
    "name": 120,
    "person_name": 60,
    "ethnicity": 20,
    "occupation": 60,
    "workplace": 120,
    "legal_representative": 40,
    "address": 200,
    "escalation_notified_to": 120,
}


# ------------------------------------------------------------------------------ form


@dataclass(frozen=True)
class PartyForm:
    """One party as typed. Text fields are kept as typed (dates too) until normalised."""

    kind: str = "person"  # PARTY_FORM_KINDS
    role: str = "applicant"  # PRINCIPAL_ROLES; agents are always "agent"
    name: str = ""
    # natural persons and agents
    sex: str = ""  # "", "M", "F"
    ethnicity: str = ""
    birth_date: str = ""  # "1990-01-02" (also 1990/1/2, 19900102, 1990年1月2日)
    id_type: str = "resident_id"  # core.identifiers.ID_TYPES
    id_number: str = ""
    occupation: str = ""
    workplace: str = ""
    # organisations
    org_kind: str = "other"  # db.codes.ORGANISATION_KINDS
    uscc: str = ""
    legal_representative: str = ""
    # both
    phone: str = ""
    address: str = ""
    # agents: index (in IntakeForm.parties) of the party they act for
    represents: int | None = None
    power_of_attorney: bool = False
    # 人民调解法第十七条
    refuses_mediation: bool = False
    # A party already on file picked from the repeat-visitor matches (core.visitors): reused
    # even when its ID number is not typed again (the screen only sees it masked).
    party_id: int | None = None

    @property
    def is_agent(self) -> bool:
        return self.kind == "agent"

    @property
    def case_role(self) -> str:
        return "agent" if self.is_agent else self.role

    def is_blank(self) -> bool:
        texts = (self.name, self.birth_date, self.id_number, self.occupation, self.workplace,
                 self.uscc, self.legal_representative, self.phone, self.address)
        return not any(t.strip() for t in texts)


@dataclass(frozen=True)
class IntakeForm:
    parties: tuple[PartyForm, ...] = ()
    committee: str = ""  # routing target chosen (db.codes.COMMITTEES)
    suggested_committee: str = ""  # the top suggestion when it was chosen (audit: overridden?)
    dispute_type: str = ""  # db.codes.DISPUTE_TYPES
    source: str = "application"  # db.codes.CASE_SOURCES
    summary: str = ""
    requests: tuple[str, ...] = ()
    amount: str = ""  # yuan, as typed ("50000", "5万", "12,345.60")
    is_group: bool = False
    group_size: int = 0
    escalation_risk: bool = False
    escalation_notified_to: str = ""
    escalation_notified_at: str = ""  # "2026-11-02 09:30"
    medical_consent: str = ""  # MEDICAL_CONSENTS
    received_at: str = ""  # "2026-11-02 09:30"; empty: when registered
    ticket_id: int | None = None
    # The form's UUID, made when it is started and kept in its draft: saving it again (a retry
    # after a lost connection, a draft restored after a crash) finds the case it registered.
    intake_key: str = ""

    def is_blank(self) -> bool:
        """Nothing worth keeping has been typed (an empty party editor does not count)."""
        return (
            all(p.is_blank() for p in self.parties)
            and not self.summary.strip()
            and not any(r.strip() for r in self.requests)
            and not self.amount.strip()
            and not self.escalation_notified_to.strip()
        )

    # Drafts are JSON; every field is a plain value so nothing typed is lost.
    def to_json(self) -> dict:
        data = asdict(self)
        data["parties"] = [asdict(p) for p in self.parties]
        data["requests"] = list(self.requests)
        return data

    @classmethod
    def from_json(cls, data: dict) -> IntakeForm:
        """Tolerant of missing and unknown keys (drafts written by an older version)."""
        party_names = {f.name for f in fields(PartyForm)}
        form_names = {f.name for f in fields(cls)} - {"parties", "requests"}
        parties = tuple(
            PartyForm(**{k: v for k, v in (p or {}).items() if k in party_names})
            for p in data.get("parties") or ()
        )
        values = {k: v for k, v in data.items() if k in form_names}
        return cls(parties=parties, requests=tuple(str(r) for r in data.get("requests") or ()), **values)


class IntakeError(ValueError):
    """The form has problems; ``errors`` maps field keys to Chinese messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = dict(errors)


# ------------------------------------------------------------------------------ parsing


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def parse_amount(text: str) -> Decimal | None:
    """Yuan as typed → ``Decimal`` with two places, or None when empty.

    Accepts full-width digits, spaces, thousands separators (``,``/``，``), a trailing ``元``
    and a ``万`` multiplier (``5万`` = 50000, ``1.25万元``). Raises ``ValueError`` with a Chinese
    message for anything else, a negative amount, more than two decimals or an absurd size.
    """
    raw = _fold(text or "")
    raw = "".join(ch for ch in raw if not ch.isspace()).replace(",", "")
    if not raw:
        return None
    for prefix in ("¥", "￥", "RMB", "rmb"):
        raw = raw.removeprefix(prefix)
    raw = raw.removesuffix("元").removesuffix("人民币")
    factor = Decimal(1)
    if raw.endswith("万"):
        raw, factor = raw[:-1], Decimal(10000)
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]*)?|-?\.[0-9]+", raw, re.ASCII):
        raise ValueError(msg("金额格式不对：请填写数字（单位：元），如 50000、12345.60 或 5万"))
    try:
        value = Decimal(raw) * factor
    except InvalidOperation:  # pragma: no cover — the pattern above admits only numbers
        raise ValueError(msg("金额格式不对：请填写数字（单位：元）")) from None
    if value < 0:
        raise ValueError(msg("金额不能为负数"))
    if value >= _MAX_AMOUNT:  # before quantize: 10**26 has no fen within Decimal's precision
        raise ValueError(msg("金额过大，请核对（单位是元）"))
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(msg("金额最多保留两位小数（到分）"))
    return value.quantize(Decimal("0.01"))


_DATE_PATTERNS = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII),
    re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})", re.ASCII),
    re.compile(r"([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})", re.ASCII),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?", re.ASCII),
    re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})", re.ASCII),
)


#: What a date is called in parse_date's messages.
_DATE_NAMES = {"date": msg("日期"), "birth_date": msg("出生日期")}


def parse_date(text: str, *, kind: str = "date") -> date | None:
    """``1990-01-02``, ``1990/1/2``, ``1990.1.2``, ``1990年1月2日`` or ``19900102`` → date; empty →
    None. Raises ``ValueError`` (Chinese, naming the date: ``kind`` "date" or "birth_date")
    otherwise."""
    what = _DATE_NAMES[kind]
    raw = "".join(ch for ch in _fold(text or "") if not ch.isspace())
    if not raw:
        return None
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(raw)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise ValueError(msg("{what} {day} 不存在", what=what, day=raw)) from None
    raise ValueError(msg("{what}格式应为 1990-01-02", what=what))


def parse_datetime(text: str) -> datetime | None:
    """``2026-11-02 09:30`` (also with ``T`` or seconds) → datetime; empty → None."""
    raw = " ".join(_fold(text or "").split()).replace("T", " ")
    if not raw:
        return None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    raise ValueError(msg("时间格式应为 2026-11-02 09:30"))


# ------------------------------------------------------------------------------ normalising

_CJK = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _clean_name(text: str) -> str:
    """Names: trim, collapse runs of spaces, drop spaces between Chinese characters ("张 三"), fold
    full-width letters and digits. No NFKC on the whole name: it would rewrite punctuation and
    compatibility ideographs some people's names are registered with."""
    text = _FULLWIDTH_ALNUM.sub(lambda m: _fold(m[0]), text or "")
    text = " ".join(text.split())
    return _SPACE_BETWEEN_CJK.sub("", text)


def _clean_text(text: str) -> str:
    """Free text (summary, addresses): trim each line, drop blank edges, keep the wording."""
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _clean_line(text: str) -> str:
    return " ".join((text or "").split())


def _normalise_party(p: PartyForm) -> PartyForm:
    changes: dict = {
        "name": _clean_name(p.name),
        "ethnicity": _clean_line(p.ethnicity),
        "birth_date": _clean_line(p.birth_date),
        "id_number": normalize(p.id_number),
        "occupation": _clean_line(p.occupation),
        "workplace": _clean_line(p.workplace),
        "uscc": normalize(p.uscc),
        "legal_representative": _clean_name(p.legal_representative),
        "phone": normalize(p.phone),
        "address": _clean_line(p.address),
        "sex": p.sex if p.sex in SEXES else "",
    }
    if changes["ethnicity"] and not changes["ethnicity"].endswith("族") and f"{changes['ethnicity']}族" in ETHNICITIES:
        changes["ethnicity"] += "族"  # "汉" → "汉族"
    if p.kind == "organisation":
        # Person-only fields are not stored for organisations.
        changes.update(sex="", ethnicity="", birth_date="", id_number="", occupation="", workplace="")
    else:
        changes.update(uscc="", legal_representative="")
        if changes["id_number"] and p.id_type in ID_TYPES:
            check = validate_party_id(p.id_type, changes["id_number"])
            if check.valid:
                changes["id_number"] = check.normalized or changes["id_number"]
                # Fill what the number tells, never overwrite what was typed (cross-checked later).
                if not changes["sex"] and check.sex:
                    changes["sex"] = check.sex
                if not changes["birth_date"] and check.birth_date:
                    changes["birth_date"] = check.birth_date.isoformat()
    if p.kind == "agent":
        changes["role"] = "agent"
        changes["refuses_mediation"] = False
    else:
        changes.update(represents=None, power_of_attorney=False)
    return replace(p, **changes)


def normalise_form(form: IntakeForm) -> IntakeForm:
    """A cleaned copy: identifiers normalised (spaces removed, NFKC, ``x`` → ``X``), sex and birth
    date filled from a valid ID number when left empty, empty requests dropped, group size cleared
    when not a group, escalation details cleared when there is no risk. Parties keep their
    positions (errors are keyed by them); editors left completely blank are ignored by
    validation and registration."""
    parties = tuple(_normalise_party(p) for p in form.parties)
    requests = tuple(r for r in (_clean_text(x) for x in form.requests) if r)
    return replace(
        form,
        parties=parties,
        summary=_clean_text(form.summary),
        requests=requests,
        amount=_clean_line(form.amount),
        group_size=form.group_size if form.is_group else 0,
        escalation_notified_to=_clean_line(form.escalation_notified_to) if form.escalation_risk else "",
        escalation_notified_at=_clean_line(form.escalation_notified_at) if form.escalation_risk else "",
        medical_consent=form.medical_consent if form.medical_consent in MEDICAL_CONSENTS else "",
        received_at=_clean_line(form.received_at),
    )


# ------------------------------------------------------------------------------ validation


def is_medical(form: IntakeForm) -> bool:
    """Medical regulation applies: routed to the medical committee or typed as 13 医疗."""
    return form.committee == "medical" or form.dispute_type == "13"


def _too_long(value: str, limit: int) -> str | None:
    return msg("最多{limit}个字，现为{length}个字", limit=limit, length=len(value)) if len(value) > limit else None


def _party_errors(i: int, p: PartyForm, form: IntakeForm, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    key = f"parties.{i}."
    n = i + 1
    if p.kind not in PARTY_FORM_KINDS:
        errors[key + "kind"] = msg("当事人类型不对")
        return errors
    applicant = p.role == "applicant"
    if p.kind == "organisation":
        if not p.name:
            errors[key + "name"] = msg("请填写单位名称")
        elif problem := _too_long(p.name, _MAX_LEN["name"]):
            errors[key + "name"] = problem
        if p.org_kind not in ORGANISATION_KINDS:
            errors[key + "org_kind"] = msg("请选择单位类型")
        if p.uscc:
            check = check_uscc(p.uscc)
            if not check.valid:
                errors[key + "uscc"] = check.error or msg("统一社会信用代码无效")
        elif applicant and p.party_id is None:
            errors[key + "uscc"] = msg("申请人为单位时请填写统一社会信用代码")
        if problem := _too_long(p.legal_representative, _MAX_LEN["legal_representative"]):
            errors[key + "legal_representative"] = problem
    else:
        if not p.name:
            errors[key + "name"] = msg("请填写姓名")
        elif problem := _too_long(p.name, _MAX_LEN["person_name"]):
            errors[key + "name"] = problem
        check: IdCheck | None = None
        if p.id_type not in ID_TYPES:
            errors[key + "id_type"] = msg("请选择证件类型")
        elif p.id_number:
            check = validate_party_id(p.id_type, p.id_number)
            if not check.valid:
                errors[key + "id_number"] = check.error or msg("证件号码无效")
        elif (applicant or p.is_agent) and p.party_id is None:
            errors[key + "id_number"] = msg("请填写证件号码（代理人）") if p.is_agent else msg("请填写证件号码（申请人）")
        birth: date | None = None
        if p.birth_date:
            try:
                birth = parse_date(p.birth_date, kind="birth_date")
            except ValueError as exc:
                errors[key + "birth_date"] = message_of(exc)
            else:
                if birth and birth > now.date():
                    errors[key + "birth_date"] = msg("出生日期晚于今天")
        if check is not None and check.valid:
            sex = p.sex if p.sex in SEXES else None
            for problem in cross_check(check, birth, sex):  # type: ignore[arg-type]
                field_name = "birth_date" if problem.startswith("出生日期") else "sex"
                errors.setdefault(key + field_name, problem)
        for name in ("ethnicity", "occupation", "workplace"):
            if problem := _too_long(getattr(p, name), _MAX_LEN[name]):
                errors[key + name] = problem
    if p.phone:
        phone = check_phone(p.phone)
        if not phone.valid:
            errors[key + "phone"] = phone.error or msg("电话号码无效")
    elif applicant or p.is_agent:
        errors[key + "phone"] = msg("请填写联系电话")
    if problem := _too_long(p.address, _MAX_LEN["address"]):
        errors[key + "address"] = problem
    if p.is_agent:
        target = p.represents
        if target is None or not 0 <= target < len(form.parties) or target == i or form.parties[target].is_blank():
            errors[key + "represents"] = msg("请选择被代理的当事人")
        elif form.parties[target].is_agent:
            errors[key + "represents"] = msg("当事人{n}本身是代理人，请选择被代理的申请人或被申请人", n=target + 1)
    elif p.role not in PRINCIPAL_ROLES:
        errors[key + "role"] = msg("请选择当事人{n}的身份（申请人、被申请人或第三人）", n=n)
    return errors


def validate_intake(form: IntakeForm, *, now: datetime | None = None) -> dict[str, str]:
    """Every problem in the form: ``{"parties.0.id_number": "校验位应为 X，请核对号码", …}``.

    Keys: ``parties`` (the list as a whole), ``parties.N.<field>`` (N counts from 0 in the
    form, blank editors included), ``committee``,
    ``dispute_type``, ``source``, ``summary``, ``requests``, ``amount``, ``group_size``,
    ``escalation_notified_to``, ``escalation_notified_at``, ``medical_consent``, ``received_at``.
    """
    now = now or datetime.now()
    form = normalise_form(form)
    errors: dict[str, str] = {}
    for i, p in enumerate(form.parties):
        if not p.is_blank():
            errors.update(_party_errors(i, p, form, now))

    principals = [p for p in form.parties if not p.is_agent and not p.is_blank()]
    if not any(p.role == "applicant" for p in principals):
        errors["parties"] = msg("请至少登记一名申请人")
    elif not any(p.role == "respondent" for p in principals):
        errors["parties"] = msg("请登记被申请人（纠纷的另一方当事人）")

    seen: dict[tuple[str, str], int] = {}
    for i, p in enumerate(form.parties):
        if p.is_blank():
            continue
        ident = ("uscc", p.uscc) if p.kind == "organisation" else (p.id_type, p.id_number)
        if not ident[1]:
            if p.party_id is None:
                continue
            ident = ("party", str(p.party_id))
        field_name = "uscc" if p.kind == "organisation" else "id_number"
        if ident in seen:
            errors.setdefault(f"parties.{i}.{field_name}",
                              msg("与当事人{n}的证件号码相同，同一人只登记一次", n=seen[ident] + 1))
        else:
            seen[ident] = i

    if form.committee not in COMMITTEES:
        errors["committee"] = msg("请选择受理的调解委员会")
    if form.dispute_type not in DISPUTE_TYPES:
        errors["dispute_type"] = msg("请选择纠纷类型")
    if form.source not in CASE_SOURCES:
        errors["source"] = msg("请选择纠纷来源")
    if not form.summary:
        errors["summary"] = msg("请填写纠纷简要情况")
    elif len(form.summary) < 5:
        errors["summary"] = msg("纠纷简要情况太简略，请写明主要事实")
    for r, text in enumerate(form.requests):
        if len(text) > 500:
            errors[f"requests.{r}"] = msg("第{n}项请求过长（最多500字）", n=r + 1)
    try:
        parse_amount(form.amount)
    except ValueError as exc:
        errors["amount"] = message_of(exc)

    if form.is_group and form.group_size < GROUP_MIN_SIZE:
        errors["group_size"] = msg("群体性纠纷的涉及人数应不少于{n}人", n=GROUP_MIN_SIZE)

    if form.escalation_risk:  # 人民调解法第二十五条
        if not form.escalation_notified_to:
            errors["escalation_notified_to"] = msg("有激化风险时须写明已报告的公安机关或有关部门（人民调解法第二十五条）")
        elif problem := _too_long(form.escalation_notified_to, _MAX_LEN["escalation_notified_to"]):
            errors["escalation_notified_to"] = problem
        try:
            at = parse_datetime(form.escalation_notified_at)
        except ValueError as exc:
            errors["escalation_notified_at"] = message_of(exc)
        else:
            if at is None:
                errors["escalation_notified_at"] = msg("请填写报告时间（人民调解法第二十五条）")
            elif at > now + _CLOCK_SKEW:
                errors["escalation_notified_at"] = msg("报告时间晚于现在")

    refused = any(p.refuses_mediation for p in principals)
    if is_medical(form) and not refused and form.medical_consent not in MEDICAL_CONSENTS:
        errors["medical_consent"] = msg(
            "医疗纠纷须双方共同申请，或一方申请、另一方同意后方可调解"
            "（《医疗纠纷预防和处理条例》第三十一条），请选择"
        )

    try:
        received = parse_datetime(form.received_at)
    except ValueError as exc:
        errors["received_at"] = message_of(exc)
    else:
        if received is not None and received > now + _CLOCK_SKEW:
            errors["received_at"] = msg("受理时间晚于现在")
        elif received is not None and received < _EARLIEST_RECEIVED:
            errors["received_at"] = msg("受理时间早于2000年，请核对")
    return errors


# ------------------------------------------------------------------------------ routing inputs


def party_kinds_for_routing(form: IntakeForm) -> list[str]:
    """``party_kinds`` for :func:`core.routing.suggest`: the organisations' kinds, or ``person``
    when every party (agents aside) is a natural person."""
    principals = [p for p in form.parties if not p.is_agent and not p.is_blank()]
    kinds = [p.org_kind if p.org_kind in ORGANISATION_KINDS else "other"
             for p in principals if p.kind == "organisation"]
    if not kinds and principals:
        return ["person"]
    return list(dict.fromkeys(kinds))


def routing_text(form: IntakeForm) -> str:
    """What the router reads: the summary, the requests and the organisations' names (a
    hospital's or a school's name is itself a clue)."""
    parts = [form.summary, *form.requests]
    parts += [p.name for p in form.parties if p.kind == "organisation" and p.name]
    return "。".join(x.strip() for x in parts if x.strip())


# ------------------------------------------------------------------------------ registering


@dataclass(frozen=True)
class RegisteredCase:
    id: int
    number: str
    committee: str
    status: str
    received_at: datetime
    party_ids: tuple[int, ...]
    reused_party_ids: tuple[int, ...] = ()
    repeat_visit: bool = False

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)


def _name_initials(name: str, kind: str) -> str:
    from core.visitors import name_initials

    return name_initials(name, person=kind == "person")


def _party_values(p: PartyForm) -> dict:
    birth = parse_date(p.birth_date) if p.birth_date else None
    if p.kind == "organisation":
        return {
            "kind": "organisation", "name": p.name, "org_kind": p.org_kind, "uscc": p.uscc or None,
            "legal_representative": p.legal_representative or None,
            "phone": p.phone and check_phone(p.phone).normalized or None, "address": p.address or None,
        }
    return {
        "kind": "person", "name": p.name, "sex": p.sex or None, "ethnicity": p.ethnicity or None,
        "birth_date": birth, "id_type": p.id_type if p.id_number else None,
        "id_number": p.id_number or None, "occupation": p.occupation or None,
        "workplace": p.workplace or None,
        "phone": p.phone and check_phone(p.phone).normalized or None, "address": p.address or None,
    }


# What a returning party's new visit may change on the existing row (contact details), and
# what it may only fill in when the row has nothing.
_UPDATABLE = ("name", "phone", "address", "occupation", "workplace", "legal_representative", "org_kind")
_FILL_ONLY = ("sex", "ethnicity", "birth_date")


def _find_existing(session: Session, values: dict) -> Party | None:
    if values["kind"] == "organisation":
        if not values.get("uscc"):
            return None
        return session.scalar(select(Party).where(Party.uscc == values["uscc"]))
    if not values.get("id_number"):
        return None
    return session.scalar(
        select(Party).where(Party.id_type == values["id_type"], Party.id_number == values["id_number"])
    )


def _update_party(session: Session, user: CurrentUser, party: Party, values: dict) -> None:
    before, after = {}, {}
    for name in _UPDATABLE:
        new = values.get(name)
        if new and getattr(party, name) != new:
            before[name], after[name] = getattr(party, name), new
            setattr(party, name, new)
    for name in _FILL_ONLY:
        new = values.get(name)
        if new and getattr(party, name) is None:
            before[name], after[name] = None, new
            setattr(party, name, new)
    if "name" in after:
        party.name_initials = _name_initials(party.name, party.kind)
    if after:
        audit.record(session, user, "party.update", entity="party", entity_id=party.id,
                     before=before, after=after, detail="受理登记时更新当事人信息")


def _upsert_party(session: Session, user: CurrentUser, p: PartyForm, index: int) -> tuple[Party, bool]:
    """The party's row and whether it already existed (same ID type and number, or USCC, or the
    row picked from the repeat-visitor matches when no number was typed)."""
    values = _party_values(p)
    existing = _find_existing(session, values)
    if existing is None and p.party_id is not None and not (values.get("id_number") or values.get("uscc")):
        existing = session.get(Party, p.party_id)
        if existing is None or existing.anonymised or existing.kind != values["kind"]:
            raise IntakeError({f"parties.{index}.name": msg("在册当事人“{name}”已不存在，请重新填写证件号码",
                                                            name=p.name)})
    if existing is not None:
        _update_party(session, user, existing, values)
        return existing, True
    party = Party(**values, name_initials=_name_initials(p.name, values["kind"]))
    try:
        with session.begin_nested():  # another PC may register the same person this instant
            session.add(party)
            session.flush()
    except IntegrityError:
        existing = _find_existing(session, values)
        if existing is None:
            raise
        _update_party(session, user, existing, values)
        return existing, True
    audit.record(session, user, "party.create", entity="party", entity_id=party.id,
                 after={"kind": party.kind, "name": party.name})
    return party, False


def _committee(session: Session, code: str) -> Committee:
    committee = session.scalar(select(Committee).where(Committee.code == code))
    if committee is None or not committee.active:
        raise ValueError(msg("调解委员会 {committee} 不存在或已停用", committee=code_label(COMMITTEE_SHORT.get(code, code))))
    return committee


@use_case
def register_case(engine: Engine, user: CurrentUser, form: IntakeForm, *,
                  now: datetime | None = None) -> RegisteredCase:
    """Register a case from the intake form (permission ``intake``), in one transaction.

    Parties already known by the same ID type and number (or USCC) are reused and their contact
    details updated; the others are created. The case gets the next number of its committee and
    year; status ``registered``, or ``refused`` (concluded the same day) when a party clearly
    refuses mediation (人民调解法第十七条). The linked queue ticket is marked done. Raises
    :class:`IntakeError` (a ``ValueError``) with per-field messages when the form is invalid.
    """
    require(user, "intake")
    now = (now or datetime.now()).replace(microsecond=0)
    form = normalise_form(form)
    errors = validate_intake(form, now=now)
    if errors:
        raise IntakeError(errors)
    received = parse_datetime(form.received_at) or now
    amount = parse_amount(form.amount)
    refusers = [p for p in form.parties if not p.is_agent and not p.is_blank() and p.refuses_mediation]
    status = "refused" if refusers else "registered"

    with unit_of_work(engine) as session:
        if form.intake_key:
            done = session.scalar(select(Case).where(Case.intake_key == form.intake_key))
            if done is not None:
                return _already_registered(session, done)
        committee = _committee(session, form.committee)
        ticket = None
        if form.ticket_id is not None:
            ticket = session.get(QueueTicket, form.ticket_id)
            if ticket is None:
                raise ValueError(msg("关联的排队号票不存在"))

        active = [i for i, p in enumerate(form.parties) if not p.is_blank()]
        rows: dict[int, tuple[Party, bool]] = {i: _upsert_party(session, user, form.parties[i], i) for i in active}
        reused = list(dict.fromkeys(party.id for party, existed in rows.values() if existed))
        repeat = False
        if reused:
            repeat = session.scalar(
                select(CaseParty.id).where(CaseParty.party_id.in_(reused)).limit(1)
            ) is not None

        seq, number = allocate_case_number(session, committee.id, received.year)
        reason = ""
        if refusers:
            names = "、".join(p.name for p in refusers)
            reason = f"当事人{names}明确拒绝调解，依照《中华人民共和国人民调解法》第十七条不予调解"
        case = Case(
            number=number, year=received.year, seq=seq, committee_id=committee.id,
            dispute_type=form.dispute_type, source=form.source, status=status,
            summary=form.summary, requests=list(form.requests), amount_claimed=amount,
            is_group=form.is_group, group_size=form.group_size if form.is_group else None,
            escalation_risk=form.escalation_risk,
            escalation_notified_to=form.escalation_notified_to or None,
            escalation_notified_at=parse_datetime(form.escalation_notified_at) if form.escalation_risk else None,
            medical_consent=form.medical_consent or None, repeat_visit=repeat,
            received_on=received.date(), received_at=received, received_by_id=user.id or None,
            concluded_on=received.date() if refusers else None, conclusion_reason=reason,
            ticket_id=ticket.id if ticket else None, intake_key=form.intake_key or None,
        )
        session.add(case)
        session.flush()

        # Principals first, then agents pointing at the case_parties row they act for.
        links: dict[int, CaseParty] = {}
        order = [i for i in active if not form.parties[i].is_agent]
        order += [i for i in active if form.parties[i].is_agent]
        for position, i in enumerate(order):
            p = form.parties[i]
            link = CaseParty(
                case_id=case.id, party_id=rows[i][0].id, role=p.case_role, position=position,
                represents_id=links[p.represents].id if p.is_agent and p.represents is not None else None,
                power_of_attorney=p.power_of_attorney, refuses_mediation=p.refuses_mediation,
            )
            session.add(link)
            session.flush()
            links[i] = link

        session.add(StatusChange(case_id=case.id, from_status=None, to_status="registered", at=received,
                                 user_id=user.id or None, reason="受理登记"))
        if refusers:
            session.add(StatusChange(case_id=case.id, from_status="registered", to_status="refused",
                                     at=received, user_id=user.id or None, reason=reason))
        if ticket is not None and ticket.status != "done":
            before = ticket.status
            ticket.status = "done"
            ticket.served_at = ticket.served_at or now
            ticket.finished_at = now
            audit.record(session, user, "queue.done", entity="queue_ticket", entity_id=ticket.id,
                         before={"status": before}, after={"status": "done", "case": number})
        audit.record(
            session, user, "case.register", entity="case", entity_id=case.id,
            after={
                "number": number, "committee": form.committee, "status": status,
                "dispute_type": form.dispute_type, "source": form.source,
                "parties": len(form.parties), "suggested_committee": form.suggested_committee or None,
                "routing_overridden": bool(form.suggested_committee and form.suggested_committee != form.committee),
                "ticket_id": form.ticket_id,
            },
        )
        return RegisteredCase(
            id=case.id, number=number, committee=form.committee, status=status, received_at=received,
            party_ids=tuple(rows[i][0].id for i in active), reused_party_ids=tuple(reused),
            repeat_visit=repeat,
        )


def _already_registered(session: Session, case: Case) -> RegisteredCase:
    """The case an earlier save of the same form registered (its commit got through although
    the client did not hear back): returned as if registered now, nothing written twice."""
    links = session.execute(select(CaseParty.party_id).where(CaseParty.case_id == case.id)
                            .order_by(CaseParty.position)).scalars().all()
    committee = session.get(Committee, case.committee_id)
    return RegisteredCase(id=case.id, number=case.number, committee=committee.code, status=case.status,
                          received_at=case.received_at, party_ids=tuple(links),
                          repeat_visit=case.repeat_visit)


# ------------------------------------------------------------------------------ re-routing


@dataclass(frozen=True)
class RerouteResult:
    case_id: int
    number: str  # unchanged (see the module docstring)
    from_committee: str
    to_committee: str


@use_case
def reroute_case(engine: Engine, user: CurrentUser, case_id: int, to_committee: str, reason: str, *,
                 now: datetime | None = None) -> RerouteResult:
    """Move an open case to another committee. A reason is required; the move is audited and kept
    in the status history; the case number stays. Reception (``intake``) may re-route any case;
    a mediator (``cases.mediate``) only a case of one of their own committees. The mediator
    assignment of the old committee is cleared (the new committee appoints its own, Art.19)."""
    reason = _clean_text(reason)
    if not reason:
        raise IntakeError({"reason": msg("改派须写明理由")})
    if to_committee not in COMMITTEES:
        raise IntakeError({"committee": msg("请选择改派到的调解委员会")})
    now = (now or datetime.now()).replace(microsecond=0)
    with unit_of_work(engine) as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValueError(msg("案件不存在"))
        old = session.get(Committee, case.committee_id)
        if not can(user, "intake"):
            require(user, "cases.mediate")
            if old.code not in user.committee_codes:
                raise PermissionDenied(msg("只能改派本委员会的案件"), permission="cases.scope", case_id=case_id)
        if case.status not in OPEN_STATUSES:
            raise ValueError(msg("案件已{status}，不能改派", status=code_label(CASE_STATUSES.get(case.status, case.status))))
        if old.code == to_committee:
            raise IntakeError({"committee": msg("案件已在该委员会，无需改派")})
        new = _committee(session, to_committee)
        mediators = list(session.scalars(select(CaseMediator.user_id).where(CaseMediator.case_id == case.id)))
        before = {"committee": old.code, "mediator_id": case.mediator_id, "mediators": mediators}
        case.committee_id = new.id
        case.mediator_id = None
        session.execute(delete(CaseMediator).where(CaseMediator.case_id == case.id))
        text = f"改派：{COMMITTEE_SHORT[old.code]} → {COMMITTEE_SHORT[to_committee]}；理由：{reason}"
        session.add(StatusChange(case_id=case.id, from_status=case.status, to_status=case.status, at=now,
                                 user_id=user.id or None, reason=text))
        audit.record(session, user, "case.reroute", entity="case", entity_id=case.id, before=before,
                     after={"committee": to_committee, "number": case.number}, detail=reason)
        return RerouteResult(case.id, case.number, old.code, to_committee)


# ------------------------------------------------------------------------------ referrals


@dataclass(frozen=True)
class ReferralRow:
    id: int
    at: datetime
    visitor_name: str
    visitor_phone: str | None
    summary: str
    reason: str
    refer_to: str
    ticket_id: int | None
    created_by: str
    centre_name: str = ""

    @property
    def number(self) -> str:
        return f"转〔{self.at.year}〕第{self.id:03d}号"


@use_case
def create_referral(engine: Engine, user: CurrentUser, *, visitor_name: str, summary: str, reason: str,
                    refer_to: str, visitor_phone: str = "", ticket_id: int | None = None,
                    now: datetime | None = None) -> ReferralRow:
    """Record a 转办单 for a matter people's mediation may not take (land ownership or use rights →
    the government, 土地管理法第十四条; already accepted by a court, the police or an agency —
    2002《人民调解工作若干规定》). Permission ``intake``; the linked queue ticket is marked done."""
    require(user, "intake")
    now = (now or datetime.now()).replace(microsecond=0)
    visitor_name, summary = _clean_name(visitor_name), _clean_text(summary)
    reason, refer_to = _clean_text(reason), _clean_line(refer_to)
    errors: dict[str, str] = {}
    if not visitor_name:
        errors["visitor_name"] = msg("请填写来访人姓名")
    elif problem := _too_long(visitor_name, _MAX_LEN["name"]):
        errors["visitor_name"] = problem
    phone = None
    if visitor_phone.strip():
        checked = check_phone(visitor_phone)
        if not checked.valid:
            errors["visitor_phone"] = checked.error or msg("电话号码无效")
        phone = checked.normalized
    if not summary:
        errors["summary"] = msg("请填写纠纷简要情况")
    if not reason:
        errors["reason"] = msg("请写明转办理由及依据")
    if not refer_to:
        errors["refer_to"] = msg("请写明转往的机关或部门")
    elif problem := _too_long(refer_to, 200):
        errors["refer_to"] = problem
    if errors:
        raise IntakeError(errors)
    with unit_of_work(engine) as session:
        ticket = None
        if ticket_id is not None:
            ticket = session.get(QueueTicket, ticket_id)
            if ticket is None:
                raise ValueError(msg("关联的排队号票不存在"))
        referral = Referral(at=now, visitor_name=visitor_name, visitor_phone=phone, summary=summary,
                            reason=reason, refer_to=refer_to, ticket_id=ticket_id,
                            created_by_id=user.id or None)
        session.add(referral)
        session.flush()
        if ticket is not None and ticket.status != "done":
            before = ticket.status
            ticket.status, ticket.finished_at = "done", now
            ticket.note = (ticket.note + " 已转办").strip()[:200]
            audit.record(session, user, "queue.done", entity="queue_ticket", entity_id=ticket.id,
                         before={"status": before}, after={"status": "done", "referral": referral.id})
        audit.record(session, user, "referral.create", entity="referral", entity_id=referral.id,
                     after={"refer_to": refer_to, "reason": reason, "ticket_id": ticket_id})
        centre = get_settings(session)["centre_name"]
        return ReferralRow(referral.id, now, visitor_name, phone, summary, reason, refer_to, ticket_id,
                           user.full_name, centre)


# ------------------------------------------------------------------------------ document data


@dataclass(frozen=True)
class DocParty:
    role: str
    kind: str  # person | organisation
    name: str
    sex: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    age: int | None = None
    id_type: str | None = None
    id_number: str | None = None  # full: documents mask it where required
    occupation: str | None = None
    workplace: str | None = None
    phone: str | None = None
    address: str | None = None
    org_kind: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    represents: str | None = None  # agents: the name of whom they act for
    power_of_attorney: bool = False
    refuses_mediation: bool = False

    @property
    def role_name(self) -> str:
        return CASE_PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class IntakeDocument:
    """What the 受理登记表 and the 当事人权利义务告知书 print (plain data, no ORM)."""

    case_id: int
    number: str
    centre_name: str
    committee: str
    committee_name: str
    dispute_type: str
    source: str
    status: str
    summary: str
    requests: tuple[str, ...]
    amount_claimed: Decimal | None
    is_group: bool
    group_size: int | None
    escalation_risk: bool
    escalation_notified_to: str | None
    escalation_notified_at: datetime | None
    medical_consent: str | None
    received_at: datetime
    received_by: str
    conclusion_reason: str
    parties: tuple[DocParty, ...] = field(default_factory=tuple)

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, self.dispute_type)

    @property
    def source_name(self) -> str:
        return CASE_SOURCES.get(self.source, self.source)

    @property
    def principals(self) -> tuple[DocParty, ...]:
        return tuple(p for p in self.parties if p.role != "agent")

    @property
    def agents(self) -> tuple[DocParty, ...]:
        return tuple(p for p in self.parties if p.role == "agent")


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@use_case
def intake_document(engine: Engine, user: CurrentUser, case_id: int) -> IntakeDocument:
    """Read what the intake documents print (permission ``documents.print``)."""
    require(user, "documents.print")
    with read_only(engine) as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValueError(msg("案件不存在"))
        committee = session.get(Committee, case.committee_id)
        # Mediators: their committees' cases. Reception prints these forms for every case it registers.
        refusal = case_scope_refusal(user, committee.code, details=False)
        if refusal:
            raise PermissionDenied(refusal, permission="cases.scope", case_id=case_id)
        settings = get_settings(session)
        receiver = session.get(User, case.received_by_id) if case.received_by_id else None
        links = list(session.scalars(
            select(CaseParty).where(CaseParty.case_id == case.id).order_by(CaseParty.position)
        ))
        by_link = {link.id: link for link in links}
        parties = []
        for link in links:
            party = link.party
            represents = by_link.get(link.represents_id) if link.represents_id else None
            parties.append(DocParty(
                role=link.role, kind=party.kind, name=party.name, sex=party.sex, ethnicity=party.ethnicity,
                birth_date=party.birth_date, age=_age(party.birth_date, case.received_on),
                id_type=party.id_type, id_number=party.id_number, occupation=party.occupation,
                workplace=party.workplace, phone=party.phone, address=party.address,
                org_kind=party.org_kind, uscc=party.uscc, legal_representative=party.legal_representative,
                represents=represents.party.name if represents else None,
                power_of_attorney=link.power_of_attorney, refuses_mediation=link.refuses_mediation,
            ))
        return IntakeDocument(
            case_id=case.id, number=case.number, centre_name=settings["centre_name"],
            committee=committee.code, committee_name=committee.name, dispute_type=case.dispute_type,
            source=case.source, status=case.status, summary=case.summary, requests=tuple(case.requests or ()),
            amount_claimed=case.amount_claimed, is_group=case.is_group, group_size=case.group_size,
            escalation_risk=case.escalation_risk, escalation_notified_to=case.escalation_notified_to,
            escalation_notified_at=case.escalation_notified_at, medical_consent=case.medical_consent,
            received_at=case.received_at, received_by=receiver.full_name if receiver else "",
            conclusion_reason=case.conclusion_reason or "", parties=tuple(parties),
        )
