"""What an agreement says, as plain data: the 调解协议书's parties, responsibilities, terms and
instalments (人民调解法第二十八条至第三十一条), who has signed, and the pure helpers documents use
(amounts in words, liability ratios).

No SQLAlchemy here: the documents and ``tiaojie print agreement`` import this without the ORM;
:mod:`core.agreement_reader` fills it (in a session, or from a bare SQLite connection) and
:mod:`core.agreements` re-exports it for the use cases that edit agreements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from core.messages import msg
from db.codes import AGREEMENT_KINDS, CASE_PARTY_ROLES, DISPUTE_TYPES

__all__ = [
    "AgreementData",
    "AgreementParty",
    "InstalmentInfo",
    "ResponsibilityInfo",
    "SignatureState",
    "amount_in_words",
    "parse_ratio",
]

_FEN = Decimal("0.01")


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


@dataclass(frozen=True)
class SignatureState:
    """Who has and who has not signed a written agreement yet (人民调解法第二十九条)."""

    signed: tuple[tuple[str, date], ...]  # (name, signed_on)
    missing: tuple[str, ...]  # names of parties (and "调解员") still to sign
    effective_on: date | None  # the last required signature's day, once nobody is missing


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
