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
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from core import audit
from core.agreement_facts import (
    AgreementData,
    AgreementParty,
    InstalmentInfo,
    ResponsibilityInfo,
    SignatureState,
    amount_in_words,
    parse_ratio,
)
from core.agreement_reader import read_agreement, read_case_mediators, read_case_parties
from core.auth import CurrentUser, require, use_case
from core.lifecycle import (
    ART28,
    ART29,
    ART30,
    apply_transition,
    check_transition,
    committee_code,
    load_case,
    signature_state,
)
from core.messages import code_label, joined, message_of, msg
from core.uow import read_only, unit_of_work
from db.codes import AGREEMENT_KINDS
from db.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseMediator,
    CaseParty,
    Instalment,
    Payment,
    Signature,
)
from db.plain_sql import SessionRows

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
# The data classes live in core.agreement_facts and the SQL in core.agreement_reader, so that
# documents and `tiaojie print agreement` need neither the ORM nor this module.


def case_parties(session: Session, case_id: int) -> tuple[AgreementParty, ...]:
    """Every party of the case (agents last within their position order), full particulars."""
    return read_case_parties(SessionRows(session), case_id)


def case_mediators(session: Session, case: Case) -> tuple[str, ...]:
    """The case's mediator first, then the other assigned mediators (人民调解法第十九条)."""
    return read_case_mediators(SessionRows(session), case.id, case.mediator_id)


def agreement_data(session: Session, case_id: int) -> AgreementData | None:
    """The case's agreement as plain data (None when the case has none). No permission check:
    callers are use cases that checked already (see :func:`load_agreement_data`)."""
    return read_agreement(SessionRows(session), case_id)


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
