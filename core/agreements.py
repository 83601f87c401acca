"""调解协议 (人民调解法第二十八条至第三十一条): the form, its rules, saving it, signatures, oral
agreements, and the plain data the 调解协议书 is printed from.

Rules (domain.md §2, §3):

* 第二十九条: a written agreement states the parties, the main facts, the matters in dispute and
  each party's responsibility, what was agreed, and how and by when it is performed. Traffic
  compensation documents state each side's responsibility *and ratio* (道路交通事故处理程序规定
  第九十三条); medical agreements usually do the same. When ratios are given they are 0–100, add
  up to 100, and every party (agents aside) has a line.
* Instalments are paid by one party to another; their amounts add up to the agreement's amount
  and no due date is earlier than the day the agreement is formed.
* 第二十九条 again: the written agreement takes effect once every party has signed, sealed or
  fingerprinted it and the mediator has signed it (the committee's seal goes on with the
  mediator's signature). :func:`record_signatures` records the signatures on the paper original;
  :func:`core.lifecycle.record_agreement_reached` then concludes the case.
* 第二十八条、第三十条: an oral agreement has its content registered by the mediator and takes effect
  on the day it is reached — :func:`record_oral_agreement` does both in one step.
* An agreement that has taken effect is not edited any more (it binds, 第三十一条).

Full ID numbers are read here because the agreement and the 司法确认 papers print them
(domain.md §8); every other document masks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, require, use_case
from core.lifecycle import (
    ART28,
    ART29,
    ART30,
    SignatureState,
    apply_transition,
    check_transition,
    committee_code,
    load_case,
    signature_state,
)
from core.messages import code_label, joined, message_of, msg
from core.settings import get_settings
from core.uow import read_only, unit_of_work
from db.codes import AGREEMENT_KINDS, CASE_PARTY_ROLES, COMMITTEES, DISPUTE_TYPES
from db.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    Instalment,
    MediationSession,
    Party,
    Payment,
    Signature,
    User,
)

__all__ = [
    "RATIO_COMMITTEES",
    "AgreementData",
    "AgreementError",
    "AgreementForm",
    "AgreementParty",
    "InstalmentInfo",
    "InstalmentLine",
    "ResponsibilityInfo",
    "ResponsibilityLine",
    "SavedAgreement",
    "agreement_data",
    "agreement_form",
    "amount_in_words",
    "case_parties",
    "load_agreement_data",
    "parse_ratio",
    "parse_yuan",
    "record_oral_agreement",
    "record_signatures",
    "save_agreement",
    "validate_agreement",
]

#: Committees whose agreements state each side's liability as a ratio (traffic: 道路交通事故处理程序
#: 规定第九十三条; medical: the 医疗损害 liability share).
RATIO_COMMITTEES = ("traffic", "medical")
TEXT_MAX = 5000
TERM_MAX = 1000
TERMS_MAX = 50
INSTALMENTS_MAX = 60
_FEN = Decimal("0.01")
_MAX_AMOUNT = Decimal("1000000000")
EDITABLE_STATUSES = ("accepted", "mediating")


class AgreementError(ValueError):
    """An agreement that cannot be saved: ``errors`` maps each field to its Chinese message
    (keys as in :func:`validate_agreement`)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = errors


# ------------------------------------------------------------------------------ the form


@dataclass(frozen=True)
class ResponsibilityLine:
    """One party's responsibility: free text and, for traffic/medical, the liability ratio in
    per cent (text as typed: "70", "70%", "" for none)."""

    case_party_id: int
    text: str = ""
    ratio: str = ""


@dataclass(frozen=True)
class InstalmentLine:
    """One payment the agreement provides for: due date, amount (yuan, as typed or Decimal),
    who pays whom (case-party ids)."""

    due_on: date | None
    amount: Decimal | str | None
    payer_id: int | None = None
    payee_id: int | None = None


@dataclass(frozen=True)
class AgreementForm:
    """What the agreement editor holds."""

    kind: str = "written"  # written | oral
    facts: str = ""
    matters: str = ""
    responsibilities: tuple[ResponsibilityLine, ...] = ()
    terms: tuple[str, ...] = ()
    performance: str = ""
    amount: Decimal | str | None = None
    formed_on: date | None = None
    instalments: tuple[InstalmentLine, ...] = ()


def parse_yuan(value: Decimal | str | int | None) -> Decimal | None:
    """Yuan → Decimal with two places; ``None``/blank → None. Raises ``ValueError`` (Chinese)
    for text that is not an amount, negative amounts, fractions of a fen or absurd sizes.
    Commas, a leading ¥/￥, a trailing 元 and full-width digits are accepted."""
    if value is None:
        return None
    if isinstance(value, Decimal | int):
        amount = Decimal(value)
    else:
        text = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c == "．" else c for c in str(value))
        text = "".join(text.split()).replace(",", "").replace("，", "")
        text = text.lstrip("¥￥").removesuffix("元")
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(msg("金额应为数字（单位：元），如 12000 或 3500.50")) from None
    if not amount.is_finite():
        raise ValueError(msg("金额应为数字（单位：元）"))
    if amount < 0:
        raise ValueError(msg("金额不能为负数"))
    if amount >= _MAX_AMOUNT:  # before quantize: 1E100 has no fen within Decimal's precision
        raise ValueError(msg("金额过大，请核对（单位是元）"))
    if amount != amount.quantize(_FEN):
        raise ValueError(msg("金额最多保留两位小数（到分）"))
    return amount.quantize(_FEN)


def parse_ratio(text: str) -> Decimal | None:
    """A liability ratio in per cent ("70", "70%", "33.3") → Decimal; blank → None. Raises
    ``ValueError`` (Chinese) when it is not a number from 0 to 100."""
    raw = "".join(str(text or "").split()).rstrip("%％")
    if not raw:
        return None
    try:
        ratio = Decimal(raw)
    except InvalidOperation:
        raise ValueError(msg("责任比例应为 0 到 100 之间的数字")) from None
    if not ratio.is_finite() or ratio < 0 or ratio > 100:
        raise ValueError(msg("责任比例应为 0 到 100 之间的数字"))
    if ratio != ratio.quantize(Decimal("0.1")):
        raise ValueError(msg("责任比例最多保留一位小数"))
    return ratio.normalize() if ratio != ratio.to_integral() else ratio.quantize(Decimal(1))


def validate_agreement(form: AgreementForm, *, committee: str, principals: Sequence[int],
                       parties: Iterable[int] | None = None, today: date | None = None,
                       earliest: date | None = None) -> dict[str, str]:
    """Per-field messages (empty when the form may be saved).

    ``principals``: the case-party ids of the parties themselves (agents excluded), in order;
    ``parties``: every case-party id of the case (default: the principals); ``earliest``: the
    earliest possible day the agreement was formed (the case's acceptance or registration day).

    Keys: ``kind``, ``facts``, ``matters``, ``performance``, ``formed_on``, ``amount``, ``terms``,
    ``terms.N`` (0-based), ``responsibilities``, ``responsibilities.<case_party_id>`` /
    ``responsibilities.<case_party_id>.ratio``, ``instalments``, ``instalments.N.due_on`` /
    ``.amount`` / ``.payer`` / ``.payee``.
    """
    errors: dict[str, str] = {}
    today = today or date.today()
    principal_ids = list(principals)
    all_ids = set(parties) if parties is not None else set(principal_ids)
    all_ids |= set(principal_ids)
    if form.kind not in AGREEMENT_KINDS:
        errors["kind"] = msg("协议形式应为书面协议或口头协议")
    written = form.kind == "written"

    if written and not form.facts.strip():
        errors["facts"] = msg("请填写纠纷的主要事实（{law}）", law=ART29)
    for key, text, label in (("facts", form.facts, msg("主要事实")), ("matters", form.matters, msg("争议事项")),
                             ("performance", form.performance, msg("履行方式"))):
        if len(text.strip()) > TEXT_MAX:
            errors[key] = msg("{what}不超过{limit}个字", what=label, limit=TEXT_MAX)

    # Terms: what was agreed (Art.29(3)); an oral agreement's content is its terms (Art.28).
    terms = [t.strip() for t in form.terms]
    if not any(terms):
        errors["terms"] = (msg("请填写协议内容（至少一条，{law}）", law=ART28) if not written
                           else msg("请填写双方达成的协议条款（至少一条，{law}）", law=ART29))
    elif len(terms) > TERMS_MAX:
        errors["terms"] = msg("协议条款不超过{limit}条", limit=TERMS_MAX)
    for i, text in enumerate(terms):
        if len(text) > TERM_MAX:
            errors[f"terms.{i}"] = msg("第{n}条不超过{limit}个字", n=i + 1, limit=TERM_MAX)

    # Formed on: not in the future, not before the case was taken on.
    if form.formed_on is None:
        errors["formed_on"] = msg("请填写协议达成日期")
    elif form.formed_on > today:
        errors["formed_on"] = msg("协议达成日期不能晚于今天（{today}）", today=today.isoformat())
    elif earliest is not None and form.formed_on < earliest:
        errors["formed_on"] = msg("协议达成日期不能早于受理日（{day}）", day=earliest.isoformat())

    # Responsibilities and liability ratios.
    seen: set[int] = set()
    ratios: dict[int, Decimal] = {}
    for line in form.responsibilities:
        key = f"responsibilities.{line.case_party_id}"
        if line.case_party_id not in principal_ids:
            errors[key] = msg("责任承担人不是本案当事人")
            continue
        if line.case_party_id in seen:
            errors[key] = msg("同一当事人只能有一项责任")
            continue
        seen.add(line.case_party_id)
        if len(line.text.strip()) > TEXT_MAX:
            errors[key] = msg("责任内容不超过{limit}个字", limit=TEXT_MAX)
        try:
            ratio = parse_ratio(line.ratio)
        except ValueError as exc:
            errors[f"{key}.ratio"] = message_of(exc)
            ratios[line.case_party_id] = Decimal(-1)
            continue
        if ratio is not None:
            ratios[line.case_party_id] = ratio
    if ratios:
        if committee not in RATIO_COMMITTEES:
            errors["responsibilities"] = msg("只有交通事故、医疗纠纷协议填写责任比例")
        else:
            for cp_id in principal_ids:
                if cp_id not in ratios:
                    errors[f"responsibilities.{cp_id}.ratio"] = msg("已填写责任比例的，各方当事人均应填写（可填 0）")
            valid = [r for r in ratios.values() if r >= 0]
            if len(valid) == len(ratios) and len(ratios) == len(principal_ids) and sum(valid) != 100:
                errors["responsibilities"] = msg("各方责任比例之和应为 100%（现为 {total}）", total=_pct(sum(valid)))

    # Amount and instalments.
    amount: Decimal | None = None
    try:
        amount = parse_yuan(form.amount)
    except ValueError as exc:
        errors["amount"] = message_of(exc)
    if len(form.instalments) > INSTALMENTS_MAX:
        errors["instalments"] = msg("分期不超过{limit}期", limit=INSTALMENTS_MAX)
    total = Decimal("0.00")
    parsed_ok = True
    for i, line in enumerate(form.instalments):
        key = f"instalments.{i}"
        try:
            value = parse_yuan(line.amount)
        except ValueError as exc:
            errors[f"{key}.amount"] = message_of(exc)
            parsed_ok = False
            value = None
        else:
            if value is None or value <= 0:
                errors[f"{key}.amount"] = msg("每期金额应大于 0")
                parsed_ok = False
            else:
                total += value
        if line.due_on is None:
            errors[f"{key}.due_on"] = msg("请填写应付日期")
        elif form.formed_on is not None and line.due_on < form.formed_on:
            errors[f"{key}.due_on"] = msg("应付日期不能早于协议达成日期（{day}）", day=form.formed_on.isoformat())
        if line.payer_id is None:
            errors[f"{key}.payer"] = msg("请选择付款人")
        elif line.payer_id not in all_ids:
            errors[f"{key}.payer"] = msg("付款人不是本案当事人")
        if line.payee_id is None:
            errors[f"{key}.payee"] = msg("请选择收款人")
        elif line.payee_id not in all_ids:
            errors[f"{key}.payee"] = msg("收款人不是本案当事人")
        elif line.payee_id == line.payer_id:
            errors[f"{key}.payee"] = msg("付款人和收款人不能是同一当事人")
    if form.instalments and parsed_ok and "amount" not in errors:
        if amount is None:
            errors["amount"] = msg("请填写协议金额（各期合计 {total:,.2f} 元）", total=total)
        elif amount != total:
            errors["amount"] = msg("协议金额 {amount:,.2f} 元与各期合计 {total:,.2f} 元不一致", amount=amount, total=total)
    return errors


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}%"


# ------------------------------------------------------------------------------ saving


@dataclass(frozen=True)
class SavedAgreement:
    id: int
    case_id: int
    kind: str
    amount: Decimal | None
    formed_on: date | None
    effective_on: date | None
    last_due_on: date | None
    signatures_cleared: bool = False


def _principal_ids(session: Session, case_id: int) -> list[int]:
    return list(session.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id, CaseParty.role != "agent")
                                .order_by(CaseParty.position, CaseParty.id)))


def _all_party_ids(session: Session, case_id: int) -> list[int]:
    return list(session.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id)))


def _clean(form: AgreementForm) -> AgreementForm:
    return replace(
        form, facts=form.facts.strip(), matters=form.matters.strip(), performance=form.performance.strip(),
        terms=tuple(t.strip() for t in form.terms if t.strip()),
        responsibilities=tuple(ResponsibilityLine(r.case_party_id, r.text.strip(), r.ratio.strip())
                               for r in form.responsibilities if r.text.strip() or r.ratio.strip()))


def _snapshot(agreement: Agreement | None) -> dict | None:
    if agreement is None:
        return None
    return {
        "kind": agreement.kind, "facts": agreement.facts, "matters": agreement.matters,
        "responsibilities": agreement.responsibilities, "performance": agreement.performance,
        "amount": str(agreement.amount) if agreement.amount is not None else None,
        "formed_on": agreement.formed_on.isoformat() if agreement.formed_on else None,
        "terms": [t.text for t in agreement.terms],
        "instalments": [[i.due_on.isoformat(), str(i.amount), i.payer_id, i.payee_id] for i in agreement.instalments],
    }


def _write(session: Session, case: Case, agreement: Agreement | None, form: AgreementForm) -> Agreement:
    amount = parse_yuan(form.amount)
    if agreement is None:
        agreement = Agreement(case_id=case.id)
        session.add(agreement)
    agreement.kind = form.kind
    agreement.facts = form.facts
    agreement.matters = form.matters
    agreement.responsibilities = [
        {"case_party_id": r.case_party_id, "text": r.text,
         "ratio": (f"{parse_ratio(r.ratio):f}" if parse_ratio(r.ratio) is not None else "")}
        for r in form.responsibilities]
    agreement.performance = form.performance
    agreement.amount = amount
    agreement.formed_on = form.formed_on
    session.flush()
    session.execute(delete(AgreementTerm).where(AgreementTerm.agreement_id == agreement.id))
    session.execute(delete(Instalment).where(Instalment.agreement_id == agreement.id))
    session.flush()
    session.expire(agreement, ["terms", "instalments"])
    for position, text in enumerate(form.terms, 1):
        session.add(AgreementTerm(agreement_id=agreement.id, position=position, text=text))
    dues = []
    for line in form.instalments:
        session.add(Instalment(agreement_id=agreement.id, due_on=line.due_on, amount=parse_yuan(line.amount),
                               payer_id=line.payer_id, payee_id=line.payee_id))
        dues.append(line.due_on)
    # The last day by which the agreement must be performed (兑现率 counts agreements by it): the
    # last instalment, or — nothing to pay later — the day it was formed (performed on the spot).
    agreement.last_due_on = max(dues) if dues else form.formed_on
    session.flush()
    return agreement


def _check_editable(session: Session, case: Case, agreement: Agreement | None) -> None:
    if agreement is not None and agreement.effective_on is not None:
        raise AgreementError({"case": msg("调解协议已于{day}生效，不能再修改（《人民调解法》第三十一条）",
                                          day=agreement.effective_on.isoformat())})
    if case.status not in EDITABLE_STATUSES:
        from db.codes import CASE_STATUSES

        raise AgreementError({"case": msg("案件{status}，只能为已受理或调解中的案件制作调解协议",
                                          status=code_label(CASE_STATUSES.get(case.status, case.status)))})
    if agreement is not None:
        paid = session.scalar(select(Payment.id).join(Instalment, Instalment.id == Payment.instalment_id)
                              .where(Instalment.agreement_id == agreement.id).limit(1))
        if paid is not None:
            raise AgreementError({"instalments": msg("已有付款记录，不能再修改分期安排")})


def _validate_in(session: Session, case: Case, form: AgreementForm, today: date) -> None:
    errors = validate_agreement(form, committee=committee_code(session, case),
                                principals=_principal_ids(session, case.id),
                                parties=_all_party_ids(session, case.id), today=today,
                                earliest=case.accepted_on or case.received_on)
    if errors:
        raise AgreementError(errors)


@use_case
def save_agreement(engine: Engine, user: CurrentUser, case_id: int, form: AgreementForm, *,
                   today: date | None = None) -> SavedAgreement:
    """Create or update the case's agreement (content, terms, instalments; ``last_due_on``).

    Only a mediator of the case's committee (permission ``agreements``), only while the case is
    accepted or being mediated and the agreement has not taken effect. Changing the content of
    a written agreement clears the signatures recorded so far: they were given on the old text.
    Raises :class:`AgreementError` with per-field messages."""
    require(user, "agreements")
    today = today or date.today()
    form = _clean(form)
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        _check_editable(session, case, agreement)
        _validate_in(session, case, form, today)
        before = _snapshot(agreement)
        agreement = _write(session, case, agreement, form)
        session.refresh(agreement, ["terms", "instalments"])
        after = _snapshot(agreement)
        cleared = False
        if before is not None and before != after:
            cleared = bool(session.execute(delete(Signature).where(Signature.agreement_id == agreement.id)).rowcount)
        audit.record(session, user, "agreement.save", entity="agreement", entity_id=agreement.id,
                     before=before, after={**after, "signatures_cleared": cleared}, detail=case.number)
        return SavedAgreement(agreement.id, case.id, agreement.kind, agreement.amount, agreement.formed_on,
                              agreement.effective_on, agreement.last_due_on, cleared)


@use_case
def record_signatures(engine: Engine, user: CurrentUser, agreement_id: int, signed: Sequence[int],
                      mediator_signed: bool, signed_on: date, *, today: date | None = None) -> SignatureState:
    """Record who has signed (sealed, fingerprinted) the paper original of a written agreement
    (人民调解法第二十九条): ``signed`` are case-party ids — a party, or an agent with a power of
    attorney signing for the party; parties no longer listed are unmarked. ``mediator_signed``:
    the case's mediator signed (and the committee's seal is on). Signatures already recorded keep
    their day; new ones get ``signed_on``. Returns who has and who has not signed yet."""
    require(user, "agreements")
    today = today or date.today()
    with unit_of_work(engine) as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None:
            raise AgreementError({"agreement": msg("该调解协议已不存在")})
        case = load_case(session, user, agreement.case_id, write=True, lock=True)
        if agreement.kind != "written":
            raise AgreementError({"agreement": msg("口头协议无需签名，自达成之日起生效（{law}）", law=ART30)})
        if agreement.effective_on is not None:
            raise AgreementError({"agreement": msg("调解协议已于{day}生效，签名不能再更改",
                                                   day=agreement.effective_on.isoformat())})
        if signed_on > today:
            raise AgreementError({"signed_on": msg("签名日期不能晚于今天")})
        if agreement.formed_on and signed_on < agreement.formed_on:
            raise AgreementError({"signed_on": msg("签名日期不能早于协议达成日期（{day}）",
                                                   day=agreement.formed_on.isoformat())})
        parties = {cp.id: cp for cp in session.scalars(select(CaseParty).where(CaseParty.case_id == case.id))}
        wanted = set(signed)
        for cp_id in wanted:
            cp = parties.get(cp_id)
            if cp is None:
                raise AgreementError({f"signed.{cp_id}": msg("签名人不是本案当事人")})
            if cp.role == "agent" and not cp.power_of_attorney:
                raise AgreementError({f"signed.{cp_id}": msg("代理人未提交授权委托书，不能代为签名")})
        mediator_id = case.mediator_id or (user.id if user.role == "mediator" else None)
        if mediator_signed and mediator_id is None:
            raise AgreementError({"mediator": msg("本案尚未指定调解员")})
        existing = list(session.scalars(select(Signature).where(Signature.agreement_id == agreement.id)))
        before = sorted([s.case_party_id or 0, s.user_id or 0] for s in existing)
        have_parties = {s.case_party_id for s in existing if s.case_party_id is not None}
        mediators = {u for u in session.scalars(select(CaseMediator.user_id).where(CaseMediator.case_id == case.id))}
        mediators.add(mediator_id)
        for s in existing:
            unmarked_party = s.case_party_id is not None and s.case_party_id not in wanted
            unmarked_mediator = s.case_party_id is None and s.user_id in mediators and not mediator_signed
            if unmarked_party or unmarked_mediator:
                session.delete(s)
        for cp_id in sorted(wanted - have_parties):
            session.add(Signature(agreement_id=agreement.id, case_party_id=cp_id, signed_on=signed_on))
        if mediator_signed and not any(s.case_party_id is None and s.user_id in mediators for s in existing):
            session.add(Signature(agreement_id=agreement.id, user_id=mediator_id, signed_on=signed_on))
        session.flush()
        after = sorted([s.case_party_id or 0, s.user_id or 0] for s in session.scalars(
            select(Signature).where(Signature.agreement_id == agreement.id)))
        audit.record(session, user, "agreement.signatures", entity="agreement", entity_id=agreement.id,
                     before={"signatures": before}, after={"signatures": after, "on": signed_on.isoformat()},
                     detail=case.number)
        return signature_state(session, case, agreement)


@use_case
def record_oral_agreement(engine: Engine, user: CurrentUser, case_id: int, form: AgreementForm, *,
                          reached_on: date | None = None, now: datetime | None = None) -> SavedAgreement:
    """Register an oral agreement (人民调解法第二十八条: the mediator records its content) and conclude
    the case with it: it takes effect on the day it is reached (第三十条) — ``reached_on`` (default:
    the form's ``formed_on``, else today). One unit of work: content, the case's status change
    (mediating → agreed), the follow-up visits and the audit entries commit together."""
    require(user, "agreements")
    require(user, "cases.mediate")
    now = (now or datetime.now()).replace(microsecond=0)
    reached_on = reached_on or form.formed_on or now.date()
    form = _clean(replace(form, kind="oral", formed_on=reached_on))
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        _check_editable(session, case, agreement)
        check_transition("record_agreement_reached", case.status)
        _validate_in(session, case, form, now.date())
        before = _snapshot(agreement)
        agreement = _write(session, case, agreement, form)
        session.execute(delete(Signature).where(Signature.agreement_id == agreement.id))
        agreement.effective_on = reached_on
        case.concluded_on = reached_on
        case.conclusion_reason = ""
        from core.followups import schedule_after_agreement

        scheduled = schedule_after_agreement(session, user, case, agreement)
        session.refresh(agreement, ["terms", "instalments"])
        audit.record(session, user, "agreement.oral", entity="agreement", entity_id=agreement.id,
                     before=before, after=_snapshot(agreement), detail=case.number)
        apply_transition(session, user, case, "record_agreement_reached", at=now, reason="双方达成口头调解协议",
                         detail={"agreement_kind": "oral", "effective_on": reached_on.isoformat(), "basis": ART30,
                                 "followups": scheduled})
        return SavedAgreement(agreement.id, case.id, "oral", agreement.amount, agreement.formed_on,
                              agreement.effective_on, agreement.last_due_on)


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class AgreementParty:
    """A party (or agent) with every particular a document may print; ``id_number`` is the full
    number — documents other than the agreement and the 司法确认 papers mask it."""

    case_party_id: int
    role: str
    kind: str  # person | organisation
    name: str
    sex: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    id_type: str | None = None
    id_number: str | None = None
    occupation: str | None = None
    workplace: str | None = None
    phone: str | None = None
    address: str | None = None
    org_kind: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    represents_id: int | None = None
    represents: str = ""
    power_of_attorney: bool = False

    @property
    def role_name(self) -> str:
        return "委托代理人" if self.role == "agent" else CASE_PARTY_ROLES.get(self.role, self.role)

    @property
    def is_agent(self) -> bool:
        return self.role == "agent"


@dataclass(frozen=True)
class ResponsibilityInfo:
    case_party_id: int
    name: str
    text: str
    ratio: Decimal | None


@dataclass(frozen=True)
class InstalmentInfo:
    due_on: date
    amount: Decimal
    payer: str
    payee: str
    payer_id: int | None = None
    payee_id: int | None = None
    paid_in_full_on: date | None = None


@dataclass(frozen=True)
class AgreementData:
    """Everything the 调解协议书 / 口头协议登记表 print (plain data, no ORM)."""

    case_id: int
    agreement_id: int
    number: str  # the case number, e.g. 衢江医人调字〔2026〕第012号
    centre_name: str
    committee: str
    committee_name: str
    dispute_type: str
    kind: str
    parties: tuple[AgreementParty, ...]
    facts: str
    matters: str
    responsibilities: tuple[ResponsibilityInfo, ...]
    terms: tuple[str, ...]
    performance: str
    amount: Decimal | None
    instalments: tuple[InstalmentInfo, ...]
    formed_on: date | None
    effective_on: date | None
    last_due_on: date | None
    performed_on: date | None
    mediators: tuple[str, ...]
    recorder: str
    summary: str = ""
    signed: tuple[tuple[str, date], ...] = ()
    missing_signatures: tuple[str, ...] = ()
    judicial_applied_on: date | None = None
    judicial_court: str = ""
    judicial_confirmed_on: date | None = None
    place: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def principals(self) -> tuple[AgreementParty, ...]:
        return tuple(p for p in self.parties if not p.is_agent)

    @property
    def agents(self) -> tuple[AgreementParty, ...]:
        return tuple(p for p in self.parties if p.is_agent)

    @property
    def uses_ratios(self) -> bool:
        return any(r.ratio is not None for r in self.responsibilities)

    @property
    def copies(self) -> int:
        """Each party keeps one copy and the committee one (人民调解法第二十九条)."""
        return len(self.principals) + 1

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, self.dispute_type)

    @property
    def kind_name(self) -> str:
        return AGREEMENT_KINDS.get(self.kind, self.kind)


def case_parties(session: Session, case_id: int) -> tuple[AgreementParty, ...]:
    """Every party of the case (agents last within their position order), full particulars."""
    rows = session.execute(
        select(CaseParty, Party).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id == case_id).order_by(CaseParty.position, CaseParty.id)).all()
    names = {cp.id: p.name for cp, p in rows}
    out = []
    for cp, p in rows:
        out.append(AgreementParty(
            case_party_id=cp.id, role=cp.role, kind=p.kind, name=p.name, sex=p.sex, ethnicity=p.ethnicity,
            birth_date=p.birth_date, id_type=p.id_type, id_number=p.id_number, occupation=p.occupation,
            workplace=p.workplace, phone=p.phone, address=p.address, org_kind=p.org_kind, uscc=p.uscc,
            legal_representative=p.legal_representative, represents_id=cp.represents_id,
            represents=names.get(cp.represents_id, "") if cp.represents_id else "",
            power_of_attorney=bool(cp.power_of_attorney)))
    principals = [p for p in out if not p.is_agent]
    agents = [p for p in out if p.is_agent]
    return tuple(principals + agents)


def case_mediators(session: Session, case: Case) -> tuple[str, ...]:
    """The case's mediator first, then the other assigned mediators (人民调解法第十九条)."""
    ids = [case.mediator_id] if case.mediator_id else []
    ids += [u for u in session.scalars(select(CaseMediator.user_id).where(CaseMediator.case_id == case.id)
                                       .order_by(CaseMediator.assigned_at)) if u not in ids]
    names = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all()) if ids else {}
    return tuple(names[i] for i in ids if i in names)


def agreement_data(session: Session, case_id: int) -> AgreementData | None:
    """The case's agreement as plain data (None when the case has none). No permission check:
    callers are use cases that checked already (see :func:`load_agreement_data`)."""
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(msg("该案件已不存在"))
    agreement = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
    if agreement is None:
        return None
    committee = session.get(Committee, case.committee_id)
    settings = get_settings(session)
    parties = case_parties(session, case_id)
    names = {p.case_party_id: p.name for p in parties}
    responsibilities = []
    for r in agreement.responsibilities or []:
        cp_id = int(r.get("case_party_id") or 0)
        try:
            ratio = parse_ratio(str(r.get("ratio") or ""))
        except ValueError:
            ratio = None
        responsibilities.append(ResponsibilityInfo(cp_id, names.get(cp_id, ""), str(r.get("text") or ""), ratio))
    terms = tuple(session.scalars(select(AgreementTerm.text).where(AgreementTerm.agreement_id == agreement.id)
                                  .order_by(AgreementTerm.position)))
    instalments = tuple(
        InstalmentInfo(i.due_on, i.amount, names.get(i.payer_id, ""), names.get(i.payee_id, ""), i.payer_id,
                       i.payee_id, i.paid_in_full_on)
        for i in session.scalars(select(Instalment).where(Instalment.agreement_id == agreement.id)
                                 .order_by(Instalment.due_on, Instalment.id)))
    last_session = session.execute(
        select(MediationSession.recorder_id, MediationSession.place).where(MediationSession.case_id == case_id)
        .order_by(MediationSession.started_at.desc(), MediationSession.id.desc()).limit(1)).first()
    recorder = ""
    place = ""
    if last_session is not None:
        place = last_session.place or ""
        if last_session.recorder_id:
            recorder = session.scalar(select(User.full_name).where(User.id == last_session.recorder_id)) or ""
    state = signature_state(session, case, agreement) if agreement.kind == "written" else None
    return AgreementData(
        case_id=case.id, agreement_id=agreement.id, number=case.number, centre_name=settings.get("centre_name", ""),
        committee=committee.code, committee_name=committee.name or COMMITTEES.get(committee.code, ("",))[0],
        dispute_type=case.dispute_type, kind=agreement.kind, parties=parties, facts=agreement.facts or "",
        matters=agreement.matters or "", responsibilities=tuple(responsibilities), terms=terms,
        performance=agreement.performance or "", amount=agreement.amount, instalments=instalments,
        formed_on=agreement.formed_on, effective_on=agreement.effective_on, last_due_on=agreement.last_due_on,
        performed_on=agreement.performed_on, mediators=case_mediators(session, case), recorder=recorder,
        summary=case.summary or "",
        signed=state.signed if state else (), missing_signatures=state.missing if state else (),
        judicial_applied_on=agreement.judicial_applied_on, judicial_court=agreement.judicial_court or "",
        judicial_confirmed_on=agreement.judicial_confirmed_on, place=place)


@use_case
def load_agreement_data(engine: Engine, user: CurrentUser, case_id: int) -> AgreementData | None:
    """:func:`agreement_data` for a user who may read the case (permission ``cases.read``)."""
    require(user, "cases.read")
    with read_only(engine) as session:
        load_case(session, user, case_id, write=False)
        return agreement_data(session, case_id)


def agreement_form(data: AgreementData) -> AgreementForm:
    """The editor's form for an existing agreement."""
    return AgreementForm(
        kind=data.kind, facts=data.facts, matters=data.matters,
        responsibilities=tuple(ResponsibilityLine(r.case_party_id, r.text,
                                                  f"{r.ratio:f}" if r.ratio is not None else "")
                               for r in data.responsibilities),
        terms=data.terms, performance=data.performance, amount=data.amount, formed_on=data.formed_on,
        instalments=tuple(InstalmentLine(i.due_on, i.amount, i.payer_id, i.payee_id) for i in data.instalments))


# ------------------------------------------------------------------------------ amounts in words

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def amount_in_words(amount: Decimal) -> str:
    """人民币大写 (as on cheques and agreements, 支付结算办法附件): 12345.60 → 壹万贰仟叁佰肆拾伍元陆角;
    100 → 壹佰元整; 100001 → 壹拾万零壹元整; 12.05 → 壹拾贰元零伍分; 0.05 → 伍分; 0 → 零元整."""
    amount = Decimal(amount).quantize(_FEN)
    if amount < 0:
        raise ValueError(msg("金额不能为负数"))
    yuan, rest = divmod(int(amount * 100), 100)
    jiao, fen = divmod(rest, 10)
    groups = []
    while yuan:
        yuan, g = divmod(yuan, 10000)
        groups.append(g)
    parts: list[str] = []
    gap = False  # a whole group of zeros between two written groups
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        if g == 0:
            gap = bool(parts)
            continue
        text = "零" if parts and (gap or g < 1000) else ""
        started = pending = False
        for k, d in enumerate((g // 1000, g // 100 % 10, g // 10 % 10, g % 10)):
            if d == 0:
                pending = started
                continue
            if pending:
                text += "零"
                pending = False
            text += _DIGITS[d] + _UNITS[3 - k]
            started = True
        parts.append(text + _GROUPS[gi])
        gap = False
    words = "".join(parts) + "元" if parts else ""
    if not jiao and not fen:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    return words
