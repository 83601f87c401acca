"""履行: payments against an agreement's instalments, and the instalments still owed.

The committee supervises performance (人民调解法第三十一条). Each payment records the amount, the
day, the method and the receipt number against one instalment; an instalment is paid in full on
the day the payments reach its amount, and when every instalment of the agreement is paid the
case becomes ``performed`` in the same transaction (:func:`core.lifecycle.mark_performed_in`).
Paying more than is outstanding needs an explicit confirmation (a typing slip is more likely
than an overpayment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, PermissionDenied, can, require, use_case
from core.followups import agent_phones
from core.lifecycle import load_case, mark_performed_in
from core.messages import code_label, joined, msg
from core.uow import read_only, unit_of_work
from db.codes import COMMITTEE_SHORT
from db.models import Agreement, Case, CaseParty, Committee, Instalment, Party, Payment, User

PAYMENT_METHODS: dict[str, str] = {
    "transfer": "银行转账",
    "cash": "现金",
    "wechat": "微信支付",
    "alipay": "支付宝",
    "cheque": "支票",
    "insurance": "保险公司直接赔付",
    "court": "法院执行",
    "other": "其他",
}
RECEIPT_MAX = 60
_FEN = Decimal("0.01")


class PaymentError(ValueError):
    """A payment refused: ``errors`` maps each field to its Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = errors


class OverpaymentError(PaymentError):
    """More than is outstanding: record it again with ``confirm_overpayment=True`` if right."""

    def __init__(self, message: str, outstanding: Decimal) -> None:
        super().__init__({"amount": message})
        self.outstanding = outstanding


_TOO_LARGE = Decimal(10) ** 15  # yuan: far beyond any dispute, well within Decimal's 28 digits


def parse_money(text: str | Decimal | int) -> Decimal | None:
    """Yuan with at most two decimals (commas and the ¥ sign allowed), else None."""
    if isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").rstrip("元")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            return None
    # A size check first: quantize cannot represent 1E30 to the fen within Decimal's precision.
    if not value.is_finite() or abs(value) >= _TOO_LARGE or value != value.quantize(_FEN, rounding=ROUND_HALF_UP):
        return None
    return value.quantize(_FEN)


@dataclass(frozen=True)
class PaymentRow:
    id: int
    amount: Decimal
    paid_on: date
    method: str
    receipt_no: str
    recorded_by: str

    @property
    def method_name(self) -> str:
        return PAYMENT_METHODS.get(self.method, self.method)


@dataclass(frozen=True)
class InstalmentRow:
    id: int
    agreement_id: int
    case_id: int
    number: str
    committee: str
    due_on: date
    amount: Decimal
    paid: Decimal
    paid_in_full_on: date | None
    payer: str
    payer_phone: str
    payee: str
    payments: tuple[PaymentRow, ...]
    overdue_days: int  # days past due while not paid in full; 0 otherwise

    @property
    def outstanding(self) -> Decimal:
        return max(self.amount - self.paid, Decimal("0.00"))

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def state(self) -> str:
        if self.paid_in_full_on is not None:
            return f"已付清（{self.paid_in_full_on.isoformat()}）"
        if self.overdue_days > 0:
            return f"逾期{self.overdue_days}日"
        return "部分已付" if self.paid > 0 else "待付"


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    instalment_id: int
    outstanding: Decimal
    paid_in_full: bool
    case_performed: bool


def _paid(session: Session, instalment_id: int) -> Decimal:
    # ``sum`` over a Money column keeps the Money type, so the result is already in yuan.
    total = session.scalar(select(func.sum(Payment.amount)).where(Payment.instalment_id == instalment_id))
    return total if total is not None else Decimal("0.00")


@use_case
def record_payment(engine: Engine, user: CurrentUser, instalment_id: int, amount: Decimal | str,
                   paid_on: date | None = None, method: str = "transfer", receipt_no: str = "", *,
                   confirm_overpayment: bool = False, today: date | None = None,
                   now: datetime | None = None) -> PaymentResult:
    """Record a payment against an instalment; when every instalment is paid, the case becomes
    ``performed``. Raises :class:`PaymentError` per field, :class:`OverpaymentError` when the
    amount exceeds what is outstanding and ``confirm_overpayment`` is not set."""
    require(user, "agreements")
    today = today or date.today()
    now = (now or datetime.combine(today, datetime.now().time())).replace(microsecond=0)
    paid_on = paid_on or today
    errors: dict[str, str] = {}
    value = parse_money(amount)
    if value is None:
        errors["amount"] = msg("请输入金额（元，最多两位小数）")
    elif value <= 0:
        errors["amount"] = msg("金额应大于0")
    if paid_on > today:
        errors["paid_on"] = msg("付款日期不能晚于今天")
    if method not in PAYMENT_METHODS:
        errors["method"] = msg("请选择付款方式")
    receipt_no = (receipt_no or "").strip()
    if len(receipt_no) > RECEIPT_MAX:
        errors["receipt_no"] = msg("收据号不超过{limit}个字符", limit=RECEIPT_MAX)
    with unit_of_work(engine) as session:
        inst = session.scalar(select(Instalment).where(Instalment.id == instalment_id).with_for_update())
        if inst is None:
            raise ValueError(msg("该期款项已不存在"))
        agreement = session.get(Agreement, inst.agreement_id)
        case = load_case(session, user, agreement.case_id, write=True, lock=True)
        if case.status != "agreed":
            raise PaymentError({"instalment": msg("只有已达成协议、尚未履行完毕的案件可以登记付款")})
        if inst.paid_in_full_on is not None:
            raise PaymentError({"instalment": msg("该期款项已于{day}付清", day=inst.paid_in_full_on.isoformat())})
        start = agreement.formed_on or agreement.effective_on
        if start is not None and paid_on < start and "paid_on" not in errors:
            errors["paid_on"] = msg("付款日期不能早于协议达成日（{day}）", day=start.isoformat())
        if errors:
            raise PaymentError(errors)
        paid = _paid(session, inst.id)
        outstanding = inst.amount - paid
        if value > outstanding and not confirm_overpayment:
            raise OverpaymentError(msg(
                "本期尚欠{outstanding:,.2f}元，本次登记{value:,.2f}元，超出{excess:,.2f}元；"
                "如确属多付，请勾选“确认超额”后再保存", outstanding=outstanding, value=value,
                excess=value - outstanding), outstanding)
        payment = Payment(instalment_id=inst.id, amount=value, paid_on=paid_on, method=method,
                          receipt_no=receipt_no, recorded_by_id=user.id or None)
        session.add(payment)
        session.flush()
        full = paid + value >= inst.amount
        if full:
            inst.paid_in_full_on = paid_on
        audit.record(session, user, "payment.record", entity="payment", entity_id=payment.id,
                     after={"instalment": inst.id, "amount": str(value), "paid_on": paid_on.isoformat(),
                            "method": method, "receipt_no": receipt_no, "paid_in_full": full,
                            "overpaid": str(paid + value - inst.amount) if paid + value > inst.amount else None},
                     detail=case.number)
        session.flush()
        performed = False
        if full and session.scalar(select(func.count(Instalment.id)).where(
                Instalment.agreement_id == agreement.id, Instalment.paid_in_full_on.is_(None))) == 0:
            mark_performed_in(session, user, case, on=None, now=now)
            performed = True
        return PaymentResult(payment.id, inst.id, max(outstanding - value, Decimal("0.00")), full, performed)


def _may_read(user: CurrentUser) -> None:
    if not (can(user, "agreements") or can(user, "followups") or can(user, "cases.read_all")):
        raise PermissionDenied(msg("{role}无权查看履行情况", role=code_label(user.role_name)), permission="agreements")


def _instalment_rows(session: Session, conditions: list, today: date, user: CurrentUser) -> list[InstalmentRow]:
    payer_cp = CaseParty.__table__.alias("payer_cp")
    payee_cp = CaseParty.__table__.alias("payee_cp")
    payer = Party.__table__.alias("payer")
    payee = Party.__table__.alias("payee")
    # Plain columns, not Instalment objects: a whole centre's list runs to tens of thousands of
    # rows on a big database, and the rows go straight into dataclasses.
    query = (select(Instalment.id, Instalment.agreement_id, Instalment.due_on, Instalment.amount,
                    Instalment.paid_in_full_on, Instalment.payer_id, Agreement.case_id, Case.number, Committee.code,
                    payer.c.name, payer.c.phone, payee.c.name.label("payee_name"))
             .join(Agreement, Agreement.id == Instalment.agreement_id)
             .join(Case, Case.id == Agreement.case_id)
             .join(Committee, Committee.id == Case.committee_id)
             .outerjoin(payer_cp, payer_cp.c.id == Instalment.payer_id)
             .outerjoin(payer, payer.c.id == payer_cp.c.party_id)
             .outerjoin(payee_cp, payee_cp.c.id == Instalment.payee_id)
             .outerjoin(payee, payee.c.id == payee_cp.c.party_id)
             .where(*conditions))
    if user.role == "mediator" and not can(user, "cases.read_all"):
        query = query.where(Committee.code.in_(user.committee_codes))
    found = session.execute(query.order_by(Instalment.due_on, Instalment.id)).all()
    if not found:
        return []
    # The payments and the agents of the same instalments, chosen by the same query rather than
    # by a list of ids (a list that long is more than SQLite takes as parameters).
    chosen = query.with_only_columns(Instalment.id)
    payments: dict[int, list[PaymentRow]] = {}
    for pid, instalment_id, amount, paid_on, method, receipt_no, name in session.execute(
            select(Payment.id, Payment.instalment_id, Payment.amount, Payment.paid_on, Payment.method,
                   Payment.receipt_no, User.full_name)
            .outerjoin(User, User.id == Payment.recorded_by_id)
            .where(Payment.instalment_id.in_(chosen)).order_by(Payment.paid_on, Payment.id)):
        payments.setdefault(instalment_id, []).append(PaymentRow(pid, amount, paid_on, method, receipt_no or "",
                                                                 name or ""))
    agents = agent_phones(session, query.with_only_columns(Instalment.payer_id).where(Instalment.payer_id.is_not(None)))
    rows = []
    for (iid, agreement_id, due_on, amount, paid_in_full_on, payer_id, case_id, number, code, payer_name, payer_phone,
         payee_name) in found:
        paid_rows = tuple(payments.get(iid, ()))
        paid = sum((p.amount for p in paid_rows), Decimal("0.00"))
        late = (today - due_on).days if paid_in_full_on is None and today > due_on else 0
        rows.append(InstalmentRow(
            id=iid, agreement_id=agreement_id, case_id=case_id, number=number, committee=code,
            due_on=due_on, amount=amount, paid=paid, paid_in_full_on=paid_in_full_on,
            payer=payer_name or "", payer_phone=payer_phone or agents.get(payer_id, ""),
            payee=payee_name or "", payments=paid_rows, overdue_days=late))
    return rows


@use_case
def instalments_of(engine: Engine, user: CurrentUser, case_id: int, today: date | None = None) -> list[InstalmentRow]:
    """The case's instalments with their payments."""
    require(user, "cases.read")
    today = today or date.today()
    with read_only(engine) as session:
        load_case(session, user, case_id, write=False)
        return _instalment_rows(session, [Agreement.case_id == case_id], today, user)


@use_case
def outstanding_instalments(engine: Engine, user: CurrentUser, today: date | None = None, *,
                            overdue_only: bool = False) -> list[InstalmentRow]:
    """Instalments not yet paid in full, with the payer's contact (the party's phone, or its
    agent's), oldest due first; ``overdue_only``: those past their due day."""
    _may_read(user)
    today = today or date.today()
    conditions = [Instalment.paid_in_full_on.is_(None), Case.status == "agreed"]
    if overdue_only:
        conditions.append(Instalment.due_on < today)
    with read_only(engine) as session:
        return _instalment_rows(session, conditions, today, user)


@use_case
def overdue_instalments(engine: Engine, user: CurrentUser, today: date | None = None) -> list[InstalmentRow]:
    return outstanding_instalments(engine, user, today, overdue_only=True)
