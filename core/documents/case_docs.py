"""The documents of a mediation case (A4; 司法部 2010 formats as used by local committees, domain.md §4).

Each document has a ``*_story(data)`` function (the flowables, so the dossier can put every
document into one PDF with continuous page numbers) and a ``*_pdf(data, out=None)`` function (the
document on its own). The data are the plain dataclasses of :mod:`core.documents.case_data` and
:class:`core.agreements.AgreementData`.

=======================  ==================================================================
申请书                     :func:`application_story` — parties, facts, numbered requests, the
                          voluntary-application statement, signatures
调查记录 / 调解记录          :func:`sessions_story` — one record per session (人民调解法第二十七条)
调解协议书                  :func:`agreement_pdf` — 人民调解法第二十九条: copies = parties + 1, each copy
                          marked, signature + fingerprint blocks for people, representative +
                          seal blocks for organisations, mediators and recorder, the committee's
                          seal area and the effective-date line; full ID numbers
口头协议登记表              :func:`oral_agreement_story` — 第二十八条、第三十条
终止调解告知书              :func:`termination_story` — 第二十六条 routes; traffic: the 3-day window
                          of 道路交通事故处理程序规定第八十五条
主持调解证明                :func:`certificate_story` — 民诉法解释第三百五十四条
司法确认申请书（材料）        :func:`judicial_story` — joint application with full identities, the
                          court (民事诉讼法第二百零五条), the 30 days (人民调解法第三十三条), the
                          certificate and the agreement
回访记录                   :func:`followup_story`
卷宗封面 / 卷内目录 / 封底    :func:`cover_story`, :func:`contents_story`, :func:`back_cover_story`
=======================  ==================================================================

The 受理登记表 and 当事人权利义务告知书 are the intake helper's (:mod:`core.documents.intake_docs`);
:func:`captured_story` takes their flowables without changing that module.

ID numbers are masked (first 6 and last 4, 居民身份证法第十三条) everywhere except the agreement
and the 司法确认 papers.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from core.agreement_facts import AgreementData, AgreementParty, amount_in_words
from core.documents.engine import (
    PAGE_SIZES,
    PageInfo,
    SectionStart,
    mm,
    page_break,
    para,
    render,
    spacer,
    table,
)
from core.documents.fonts import FONT_MAIN
from core.identifiers import ID_TYPES, mask_id
from db.codes import ORGANISATION_KINDS, SEXES

if TYPE_CHECKING:  # the readers' module imports the ORM; the agreement is printed without it
    from core.documents.case_data import (
        CaseInfo,
        CertificateData,
        CoverData,
        FollowupData,
        JudicialData,
        SessionInfo,
        SessionsData,
        TerminationData,
    )

__all__ = [
    "EFFECTIVE_LINE",
    "SEAL_LABEL",
    "PageMark",
    "agreement_copy_labels",
    "agreement_pdf",
    "agreement_story",
    "application_story",
    "back_cover_story",
    "captured_story",
    "certificate_story",
    "contents_story",
    "cover_story",
    "followup_story",
    "judicial_story",
    "oral_agreement_story",
    "party_particulars",
    "sessions_story",
    "story_pdf",
    "termination_story",
]

#: 人民调解法第二十九条, as printed above the signatures.
EFFECTIVE_LINE = "本协议自各方当事人签名、盖章或按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
SEAL_LABEL = "（人民调解委员会印章）"

_A4 = PAGE_SIZES["A4"]
_FRAME_W = _A4.frame_width  # 165 mm
_LABEL_W = 30 * mm
_SHADE = colors.HexColor("#EFEFEF")
_GREY = colors.HexColor("#777777")
_BLANK_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
_CELL_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"
_LINE = "_" * 14
_NUMERALS = "零一二三四五六七八九"
# Empty cells are drawn in the table's font: the bundled one, never an unembedded Helvetica.
_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT_MAIN)


# ------------------------------------------------------------------------------ small helpers


def cn_date(d: date | datetime | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99)."""
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def yuan(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f}"


def _when(start: datetime, end: datetime | None) -> str:
    text = f"{cn_date(start)} {start:%H:%M}"
    if end is not None:
        text += f" 至 {end:%H:%M}" if end.date() == start.date() else f" 至 {cn_date(end)} {end:%H:%M}"
    return text


def _join(parts: Sequence[str], sep: str = "，") -> str:
    return sep.join(p for p in parts if p)


def party_particulars(p: AgreementParty, *, full_id: bool, with_role: bool = True) -> str:
    """"申请人：张三，男，汉族，1985年3月12日出生，居民身份证号码：330803********1230，住…，联系电话：…"
    (the full number only where ``full_id``: the agreement and the 司法确认 papers)."""
    head = f"{p.role_name}：{p.name}" if with_role else p.name
    if p.kind == "organisation":
        parts = [head,
                 ORGANISATION_KINDS.get(p.org_kind or "", "") if p.org_kind and p.org_kind != "other" else "",
                 f"统一社会信用代码：{p.uscc}" if p.uscc else "",
                 f"住所：{p.address}" if p.address else "",
                 f"法定代表人（负责人）：{p.legal_representative}" if p.legal_representative else "",
                 f"联系电话：{p.phone}" if p.phone else ""]
    else:
        ident = ""
        if p.id_number:
            number = p.id_number if full_id else mask_id(p.id_number)
            ident = f"{ID_TYPES.get(p.id_type or '', '身份证件')}号码：{number}"
        parts = [head, SEXES.get(p.sex or "", ""), p.ethnicity or "",
                 f"{cn_date(p.birth_date)}出生" if p.birth_date else "", ident, p.occupation or "",
                 f"工作单位：{p.workplace}" if p.workplace else "",
                 f"住{p.address}" if p.address else "", f"联系电话：{p.phone}" if p.phone else ""]
    text = _join(parts)
    if p.is_agent and p.represents:
        text += f"（{p.represents}的委托代理人{'，已提交授权委托书' if p.power_of_attorney else ''}）"
    return text + "。"


def _ordered_parties(parties: Sequence[AgreementParty]) -> list[AgreementParty]:
    """Each principal followed by its agents (agents of nobody at the end)."""
    principals = [p for p in parties if not p.is_agent]
    agents = [p for p in parties if p.is_agent]
    out: list[AgreementParty] = []
    for p in principals:
        out.append(p)
        out.extend(a for a in agents if a.represents_id == p.case_party_id)
    out.extend(a for a in agents if a not in out)
    return out


def _grid(rows: list[list], widths: Sequence[float] | None = None, *, shade_first: bool = True,
          extra: Sequence[tuple] = ()) -> Table:
    """A label/value grid like the intake forms (first column shaded)."""
    widths = list(widths) if widths else [_LABEL_W, _FRAME_W - _LABEL_W]
    style = [("BACKGROUND", (0, 0), (0, -1), _SHADE)] if shade_first else []
    grid = table(rows, widths, header=False, style="cell", extra_style=[*style, *extra])
    grid.splitInRow = 1
    return grid


def _fixed_table(rows: list[list], widths: Sequence[float], heights: Sequence[float | None], *,
                 header: bool, grid: bool, style: str = "cell", extra: Sequence[tuple] = ()) -> Table:
    """Like the engine's ``table`` but with fixed row heights (room to sign, to stamp, to write)."""
    data = []
    for r, row in enumerate(rows):
        st = "cell_head" if header and r == 0 else style
        data.append([para(c, st) if isinstance(c, str) else c for c in row])
    cmds: list[tuple] = [_FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 3),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EBEBEB")))
    cmds.extend(extra)
    return Table(data, colWidths=list(widths), rowHeights=list(heights), style=TableStyle(cmds),
                 repeatRows=1 if header else 0, hAlign="CENTER")


def _heading(text: str):
    return para(text, "body", tj_bold=0.03, spaceBefore=6, spaceAfter=2, keepWithNext=1)


def _numbered(items: Sequence[str], style: str = "body") -> list:
    return [para(f"{cn_number(i)}、{text}", style, leftIndent=0, firstLineIndent=24) for i, text in
            enumerate(items, 1)]


class _Box(Flowable):
    """A dashed square where a fingerprint or a seal goes, with a small grey label."""

    def __init__(self, size: float, label: str):
        super().__init__()
        self.size = size
        self.label = label

    def wrap(self, avail_w, avail_h):
        return self.size, self.size

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(_GREY)
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        c.rect(0, 0, self.size, self.size)
        c.restoreState()
        label = para(self.label, "small", align="center", textColor=_GREY, fontSize=7, leading=9)
        _, h = label.wrap(self.size, self.size)
        label.drawOn(c, 0, (self.size - h) / 2)


class _Seal(Flowable):
    """The committee's seal area: a dashed circle over the committee's name and the date, labelled
    "（人民调解委员会印章）" — the seal is stamped over name and date."""

    def __init__(self, committee_name: str, date_text: str, *, width: float = 70 * mm, diameter: float = 36 * mm):
        super().__init__()
        self.committee_name = committee_name
        self.date_text = date_text
        self.width = width
        self.diameter = diameter

    def wrap(self, avail_w, avail_h):
        return self.width, self.diameter + 4

    def draw(self):
        c = self.canv
        r = self.diameter / 2
        cx, cy = self.width / 2, r + 2
        c.saveState()
        c.setStrokeColor(colors.HexColor("#B05050"))
        c.setLineWidth(0.6)
        c.setDash(3, 2)
        c.circle(cx, cy, r)
        c.restoreState()
        for text, style, dy, kw in (
            (SEAL_LABEL, "small", r - 11, dict(textColor=_GREY, fontSize=7.5, leading=9)),
            (self.committee_name, "body", 2, dict(fontSize=11, leading=14)),
            (self.date_text, "body", -16, dict(fontSize=11, leading=14)),
        ):
            p = para(text, style, align="center", **kw)
            _, h = p.wrap(self.width, 100)
            p.drawOn(c, 0, cy + dy - h / 2)


def _seal_row(committee_name: str, date_text: str, left: Flowable | list | str | None = None) -> Table:
    """The seal area on the right (with something on the left, e.g. the recorder's line)."""
    grid = Table([[left or "", _Seal(committee_name, date_text)]], colWidths=[_FRAME_W - 72 * mm, 72 * mm])
    grid.setStyle(TableStyle([_FONT, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return grid


def _sign_lines(signers: Sequence[str]) -> Table:
    """"申请人张三（签名、按指印）：______  日期：____年__月__日" — one line per signer."""
    date_text = "日期：" + "_" * 5 + "年" + "_" * 3 + "月" + "_" * 3 + "日"
    rows = [[f"{who}：", "_" * 12, date_text] for who in signers]
    return table(rows, [_FRAME_W * 0.50, _FRAME_W * 0.17, _FRAME_W * 0.33], header=False, grid=False,
                 style="body", valign="BOTTOM", extra_style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                             ("TOPPADDING", (0, 0), (-1, -1), 8)])


def _signer(p: AgreementParty) -> str:
    if p.kind == "organisation":
        return f"{p.role_name}{p.name}（盖章）"
    return f"{p.role_name}{p.name}（签名、按指印）"


# ------------------------------------------------------------------------------ marks and capture


class PageMark(Flowable):
    """Zero-size: records the page it lands on in ``sink[key]`` (the dossier's first pass)."""

    _ZERO_SIZE = 1

    def __init__(self, sink: dict, key: object):
        super().__init__()
        self.sink = sink
        self.key = key

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.sink.setdefault(self.key, self.canv.getPageNumber())


def captured_story(builder: Callable, *args, **kwargs) -> list:
    """The flowables ``builder(*args, **kwargs)`` would pass to ``render`` — for builders of other
    modules that return PDF bytes (e.g. ``intake_docs.registration_form``), so the dossier can put
    them into one PDF without a PDF merger. The builder runs as a copy whose module globals see a
    capturing ``render``; the module itself is untouched (thread-safe)."""
    captured: list = []

    def capture(story, **_kw) -> bytes:
        captured.extend(story)
        return b""

    clone = types.FunctionType(builder.__code__, {**builder.__globals__, "render": capture}, builder.__name__,
                               builder.__defaults__, builder.__closure__)
    clone.__kwdefaults__ = builder.__kwdefaults__
    clone(*args, **kwargs)
    if not captured:
        raise RuntimeError(f"{builder.__module__}.{builder.__name__} did not call render()")
    return captured


def story_pdf(story: list, *, title: str, centre_name: str, out=None) -> bytes:
    return render(story, title=title, footer=centre_name, out=out)


# ------------------------------------------------------------------------------ 申请书


def application_story(info: CaseInfo) -> list:
    """人民调解申请书: the parties (ID numbers not needed here), the facts, numbered requests, the
    statement that the rules were explained and the application is voluntary, signatures."""
    story: list = [para("人民调解申请书", "title"), para(f"编号：{info.number}", "right")]
    for p in _ordered_parties(info.parties):
        story.append(para(_application_party(p, info.received_on), "body", align="left"))
    story += [
        _heading("纠纷简要情况："),
        para(info.summary or "（未填写）", "body_indent"),
        _heading("申请事项："),
        *(_numbered(info.requests) if info.requests else [para("（未填写）", "body_indent")]),
    ]
    if info.amount_claimed is not None:
        story.append(para(f"涉及金额：人民币 {yuan(info.amount_claimed)} 元。", "body_indent"))
    applicants = info.applicants or info.principals
    story.append(KeepTogether([
        spacer(2 * mm),
        para("申请人已知悉人民调解自愿、平等、不收费的原则，以及当事人在调解活动中享有的权利和应当履行的义务"
             f"（《中华人民共和国人民调解法》第二十三条、第二十四条），自愿申请{info.committee_name}调解上述纠纷，"
             "所述情况属实。", "body_indent"),
        para("此致", "body", spaceBefore=6),
        para(info.committee_name, "body"),
        spacer(2 * mm),
        _sign_lines([_signer(p).replace("签名、按指印", "签名、盖章或按指印") for p in applicants]),
    ]))
    return story


def _application_party(p: AgreementParty, on: date) -> str:
    if p.kind == "organisation":
        return party_particulars(p, full_id=False)
    age = None
    if p.birth_date:
        age = on.year - p.birth_date.year - ((on.month, on.day) < (p.birth_date.month, p.birth_date.day))
    parts = [f"{p.role_name}：{p.name}", SEXES.get(p.sex or "", ""), p.ethnicity or "",
             f"{age}岁" if age is not None else "", f"职业：{p.occupation}" if p.occupation else "",
             f"联系电话：{p.phone}" if p.phone else "", f"工作单位：{p.workplace}" if p.workplace else "",
             f"住址：{p.address}" if p.address else ""]
    text = _join(parts)
    if p.is_agent and p.represents:
        text += f"（{p.represents}的委托代理人）"
    return text + "。"


# ------------------------------------------------------------------------------ 调解记录 / 调查记录


def sessions_story(data: SessionsData, *, investigation: bool = False) -> list:
    """调解记录 (or 调查记录): one record per session, each starting on a new page."""
    story: list = []
    for i, s in enumerate(data.sessions):
        if i:
            story.append(page_break())
        story += _session_record(data.case, s, i + 1, len(data.sessions), investigation)
    return story


def _session_record(info: CaseInfo, s: SessionInfo, n: int, total: int, investigation: bool) -> list:
    title = "调查记录" if investigation else "调解记录"
    counter = f"（第{n}次）" if total > 1 else ""
    present = "、".join(f"{p.name}（{p.role_name}）" for p in s.present) or "—"
    rows = [["时\u3000\u3000间", _when(s.started_at, s.ended_at)],
            ["地\u3000\u3000点", s.place or "—"],
            ["调查事项" if investigation else "调解事项", s.matter or info.matter],
            ["被调查人" if investigation else "到场当事人", present],
            ["参 加 人", s.participants or "—"],
            ["调 解 员", s.mediator or "、".join(info.mediators) or "—"],
            ["记 录 人", s.recorder or "—"]]
    if not investigation:
        rows.append(["是否公开", "公开调解" if s.public else "不公开调解（人民调解法第二十三条）"])
    story: list = [
        para(f"{title}{counter}", "title"),
        para(f"案件编号：{info.number}", "right"),
        _grid(rows),
    ]
    if not investigation:
        story += [_heading("告知事项："),
                  para("调解员已告知当事人在人民调解活动中享有的权利和应当履行的义务（《中华人民共和国人民调解法》"
                       "第二十三条、第二十四条），当事人表示已清楚。", "body_indent")]
    story.append(_heading("当事人陈述：" if not investigation else "调查情况："))
    if s.statements:
        story += [para(f"{role}{name}：{text}", "body_indent") for role, name, text in s.statements]
    else:
        story.append(para("（无）", "body_indent"))
    sections = [("经调查核实的事实：", s.verified_facts)]
    if not investigation:
        sections += [("风险告知：", s.risk_notice), ("调解结果：", s.outcome), ("下一步安排：", s.next_steps)]
    for label, text in sections:
        if text.strip():
            story += [_heading(label), para(text, "body_indent")]
    signers = [_signer(p) for p in s.present]
    closing = ("以上记录已向被调查人宣读（或经其阅看），确认无误。" if investigation
               else "以上记录已向当事人宣读（或经当事人阅看），当事人确认无误。")
    story.append(KeepTogether([
        spacer(2 * mm),
        para(closing, "body_indent"),
        *([_sign_lines(signers)] if signers else []),
        _sign_lines([f"调解员{s.mediator}（签名）" if s.mediator else "调解员（签名）",
                     f"记录人{s.recorder}（签名）" if s.recorder else "记录人（签名）"]),
    ]))
    return story


# ------------------------------------------------------------------------------ 调解协议书


def agreement_copy_labels(data: AgreementData) -> list[str]:
    """"第1份 共3份 · 当事人张三执" … "第3份 共3份 · 调解委员会存档" (人民调解法第二十九条:
    each party keeps one copy, the committee one)."""
    total = data.copies
    labels = [f"第{i}份 共{total}份 · 当事人{p.name}执" for i, p in enumerate(data.principals, 1)]
    labels.append(f"第{total}份 共{total}份 · 调解委员会存档")
    return labels


def _parties_block(data: AgreementData) -> list:
    return [para(party_particulars(p, full_id=True), "body", align="left") for p in _ordered_parties(data.parties)]


def _responsibility_block(data: AgreementData) -> list:
    if not data.responsibilities:
        return []
    out: list = [_heading("三、各方当事人的责任")]
    if data.uses_ratios:
        rows = [["当事人", "责任认定", "责任比例"]]
        rows += [[r.name, r.text or "—", f"{r.ratio.normalize():f}%" if r.ratio is not None else "—"]
                 for r in data.responsibilities]
        out.append(table(rows, [38 * mm, _FRAME_W - 63 * mm, 25 * mm], extra_style=[
            ("ALIGN", (2, 1), (2, -1), "CENTER")]))
    else:
        out += [para(f"{r.name}：{r.text}", "body_indent") for r in data.responsibilities]
    return out


def _performance_block(data: AgreementData, n: str) -> list:
    out: list = [_heading(f"{n}、履行方式和期限")]
    if data.performance:
        out.append(para(data.performance, "body_indent"))
    if data.amount is not None:
        out.append(para(f"协议金额合计人民币 {yuan(data.amount)} 元（大写：{amount_in_words(data.amount)}）。",
                        "body_indent"))
    if data.instalments:
        rows = [["期次", "应付日期", "付款人", "收款人", "金额（元）"]]
        rows += [[f"第{cn_number(i)}期", cn_date(x.due_on), x.payer, x.payee, yuan(x.amount)]
                 for i, x in enumerate(data.instalments, 1)]
        rows.append(["合计", "", "", "", yuan(sum((x.amount for x in data.instalments), Decimal("0.00")))])
        out.append(table(rows, [18 * mm, 36 * mm, 46 * mm, 36 * mm, _FRAME_W - 136 * mm],
                         space_before=2, space_after=4,
                         extra_style=[("ALIGN", (4, 1), (4, -1), "RIGHT"), ("SPAN", (0, -1), (3, -1)),
                                      ("ALIGN", (0, 1), (1, -1), "CENTER")]))
    if not (data.performance or data.amount is not None or data.instalments):
        out.append(para("协议达成后即时履行。", "body_indent"))
    return out


def _signature_table(data: AgreementData) -> Table:
    """The parties' signatures: people sign and add a fingerprint; organisations are sealed and
    signed by their representative; agents sign (人民调解法第二十九条)."""
    box = 11 * mm
    rows: list[list] = [["身份", "姓名（名称）", "签名", "按指印 / 盖章", "日期"]]
    for p in _ordered_parties(data.parties):
        if p.kind == "organisation":
            name = [para(p.name, "cell"), para("法定代表人（负责人）或代理人签名", "small", textColor=_GREY)]
            rows.append([p.role_name, name, "", _Box(box, "盖章"), _CELL_DATE])
        else:
            name = p.name if not p.is_agent else [para(p.name, "cell"),
                                                  para(f"代理{p.represents}", "small", textColor=_GREY)]
            rows.append([p.role_name, name, "", _Box(box, "按指印"), _CELL_DATE])
    widths = [23 * mm, 42 * mm, 33 * mm, 26 * mm, _FRAME_W - 124 * mm]
    heights = [None] + [(18 if p.kind == "organisation" else 14) * mm for p in _ordered_parties(data.parties)]
    return _fixed_table(rows, widths, heights, header=True, grid=True, extra=[
        ("ALIGN", (3, 1), (3, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2)])


def _staff_lines(data: AgreementData, effective: str) -> list:
    """The mediator(s) and the recorder sign; the effective date beside the committee's seal."""
    lines = [para(f"人民调解员：{m}\u3000签名：{'_' * 12}", "body", leading=30) for m in data.mediators or ("",)]
    lines.append(para(f"记录人：{data.recorder}\u3000签名：{'_' * 12}", "body", leading=30))
    lines.append(para(f"协议生效日期：{effective}", "body", leading=30))
    return lines


def agreement_story(data: AgreementData, *, label: str = "") -> list:
    """One copy of the 人民调解协议书 (``label``: the copy's mark, printed top right)."""
    story: list = []
    if label:
        story.append(para(label, "right", fontSize=10, leading=13, textColor=colors.HexColor("#333333"),
                          spaceAfter=0))
    story += [
        para("人民调解协议书", "title"),
        para(f"编号：{data.number}", "right"),
        _heading("一、当事人基本情况"),
        *_parties_block(data),
        _heading("二、纠纷的主要事实和争议事项"),
        para(data.facts or data.summary or "（未填写）", "body_indent"),
    ]
    if data.matters:
        story.append(para(f"争议事项：{data.matters}", "body_indent"))
    story += _responsibility_block(data)
    n = 4 if data.responsibilities else 3
    story += [_heading(f"{cn_number(n)}、协议内容"),
              para(f"经{data.committee_name}主持调解，各方当事人在平等、自愿的基础上达成如下协议：", "body_indent",
                   keepWithNext=1),
              *_numbered(data.terms)]
    story += _performance_block(data, cn_number(n + 1))
    effective = cn_date(data.effective_on) if data.effective_on else _BLANK_DATE
    # The closing clauses stay with the signatures: never a last page of bare signatures.
    story.append(CondPageBreak(60 * mm))
    story.append(KeepTogether([
        _heading(f"{cn_number(n + 2)}、其他约定"),
        para("经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（《中华人民共和国"
             "人民调解法》第三十一条）。双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认"
             "（同法第三十三条）。", "body_indent"),
        para(f"本协议一式{data.copies}份，各方当事人各执一份，{data.committee_name}留存一份，具有同等效力。",
             "body_indent"),
        para(EFFECTIVE_LINE, "body_indent"),
        spacer(2 * mm),
        _signature_table(data),
        spacer(3 * mm),
        _seal_row(data.committee_name, effective, _staff_lines(data, effective)),
    ]))
    return story


def _copy_marks(centre_name: str, numbered: bool):
    """Marks every page of a copy once all are laid out: the copy's label on its continuation
    pages and, when ``numbered``, the centre and "本份第 k 页 共 n 页" in the footer."""

    def decorate(canv, page: PageInfo) -> None:
        if numbered:
            y = _A4.bottom * 0.6 + 12
            left = para(centre_name, "footer", align="left")
            right = para(f"本份第 {page.section_page} 页 共 {page.section_pages} 页", "footer", align="right")
            for p in (left, right):
                _, h = p.wrap(_A4.frame_width, 50)
                p.drawOn(canv, _A4.left, y - h)
        if page.section_page > 1 and page.section_label:
            top = para(page.section_label, "footer", align="right")
            _, h = top.wrap(_A4.frame_width, 50)
            top.drawOn(canv, _A4.left, _A4.height - _A4.top * 0.45 - h + 6)

    return decorate


def agreement_pdf(data: AgreementData, *, copies: int | None = None, out=None) -> bytes:
    """The 人民调解协议书 for signing: ``copies`` (default: parties + 1, 人民调解法第二十九条) copies,
    each marked with its number and keeper ("第1份 共3份 · 当事人张三执") and numbered
    "本份第 k 页 共 n 页"."""
    if data.kind != "written":
        raise ValueError("口头协议请打印口头协议登记表")
    labels = agreement_copy_labels(data)
    if copies is not None:
        labels = labels[:max(1, copies)]
    title = f"人民调解协议书 {data.number}"
    if len(labels) == 1:
        return render([SectionStart(labels[0]), *agreement_story(data, label=labels[0])], title=title,
                      footer=data.centre_name, decorate=_copy_marks(data.centre_name, numbered=False), out=out)
    story: list = []
    for i, label in enumerate(labels):
        if i:
            story.append(page_break())
        story.append(SectionStart(label))
        story += agreement_story(data, label=label)
    return render(story, title=title, page_numbers=False, decorate=_copy_marks(data.centre_name, numbered=True),
                  out=out)


# ------------------------------------------------------------------------------ 口头协议登记表


def oral_agreement_story(data: AgreementData) -> list:
    """口头协议登记表: the content of an oral agreement as the mediator recorded it (人民调解法
    第二十八条); it took effect on the day it was reached (第三十条). IDs masked."""
    parties = "\n".join(party_particulars(p, full_id=False) for p in _ordered_parties(data.parties))
    terms = "\n".join(f"{i}. {t}" for i, t in enumerate(data.terms, 1)) or "—"
    performance = data.performance or "—"
    if data.amount is not None:
        performance += f"\n协议金额：人民币 {yuan(data.amount)} 元（大写：{amount_in_words(data.amount)}）"
    for i, x in enumerate(data.instalments, 1):
        performance += f"\n第{cn_number(i)}期：{cn_date(x.due_on)}前，{x.payer}支付{x.payee} {yuan(x.amount)} 元"
    rows = [
        ["当 事 人", parties],
        ["纠纷事项", _join([data.dispute_type_name + "纠纷" if data.dispute_type != "99" else "纠纷",
                         data.matters], "：")],
        ["主要事实", data.facts or data.summary or "—"],
        ["协议内容", terms],
        ["履行方式\n和期限", performance],
        ["达成日期", cn_date(data.formed_on)],
        ["生效说明", f"口头调解协议自各方当事人达成协议之日（{cn_date(data.effective_on or data.formed_on)}）起生效"
                  "（《中华人民共和国人民调解法》第三十条）。"],
        ["调 解 员", "、".join(data.mediators) or "—"],
        ["记 录 人", data.recorder or "—"],
    ]
    signers = [_signer(p) for p in data.principals]
    return [
        para("口头调解协议登记表", "title"),
        para(data.committee_name, "center"),
        para(f"编号：{data.number}", "right"),
        _grid(rows),
        KeepTogether([
            spacer(2 * mm),
            para("以上内容已向各方当事人宣读，当事人确认无误（《中华人民共和国人民调解法》第二十八条）。", "body_indent"),
            _sign_lines(signers),
            _seal_row(data.committee_name, cn_date(data.effective_on or data.formed_on),
                      para(f"调解员（签名）：{_LINE}", "body")),
        ]),
    ]


# ------------------------------------------------------------------------------ 终止调解告知书


def termination_routes(data: TerminationData) -> list[str]:
    """The remaining routes (人民调解法第二十六条), worded for the committee's kind of dispute."""
    info = data.case
    if info.committee == "labour" or info.dispute_type == "10":
        arbitration = ("仲裁途径：可以依法向劳动人事争议仲裁委员会申请仲裁（《中华人民共和国劳动争议调解仲裁法》"
                       "第五条、第十四条；仲裁时效期间为一年，第二十七条）；")
    else:
        arbitration = "仲裁途径：纠纷属于可以仲裁的事项，且当事人之间订有或者达成仲裁协议的，可以向仲裁机构申请仲裁；"
    if info.committee == "medical" or info.dispute_type == "13":
        administrative = ("行政途径：可以向医疗纠纷发生地的县级人民政府卫生健康主管部门申请医疗纠纷行政调解"
                          "（《医疗纠纷预防和处理条例》第二十二条、第四十条）；")
    elif data.police_deadline is not None:
        due = data.police_deadline
        mark = "（暂定，放假安排公布后须复核）" if due.provisional else ""
        administrative = ("行政途径：可以自终止调解之日起3日内，即" f"{cn_date(due.due)}{mark}前，"
                          "一致书面申请公安机关交通管理部门调解（《道路交通事故处理程序规定》第八十五条）；")
    else:
        administrative = "行政途径：可以请求有关行政机关依法处理；"
    judicial = "司法途径：可以依法向人民法院提起诉讼。"
    return [arbitration, administrative, judicial]


def termination_story(data: TerminationData) -> list:
    """终止调解告知书 (人民调解法第二十六条): its date, the reason and the remaining routes; for a
    traffic case the 3-day window for police mediation with its computed last day."""
    info = data.case
    to = "、".join(p.name for p in info.principals)
    accepted = cn_date(info.accepted_on or info.received_on)
    ended = "调解不成" if data.outcome == "failed" else "终止调解"
    reason = data.reason.rstrip("。；;.")
    story: list = [
        para("终止调解告知书", "title"),
        para(f"编号：{info.number}", "right"),
        para(f"{to}：", "body"),
        para(f"你们之间的{info.matter}，{info.committee_name}于{accepted}受理并进行了调解。因{reason}，"
             f"本委员会于{cn_date(data.terminated_on)}决定{'终止调解' if data.outcome != 'failed' else '终止调解（调解不成）'}。",
             "body_indent"),
        para("根据《中华人民共和国人民调解法》第二十六条的规定，人民调解委员会调解不成的，应当终止调解，并依据"
             "有关法律、法规的规定，告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。现告知如下：",
             "body_indent"),
        *[para(f"（{cn_number(i)}）{text}", "body_indent") for i, text in enumerate(termination_routes(data), 1)],
    ]
    if data.police_deadline is not None:
        due = data.police_deadline
        story.append(para(
            f"特别提示：本案为道路交通事故损害赔偿纠纷，人民调解委员会于{cn_date(data.terminated_on)}{ended}。"
            f"申请公安机关交通管理部门调解的期限自终止调解的次日起算3日，最后一日为{cn_date(due.due)}"
            f"{'（暂定）' if due.provisional else ''}（期间末日为法定休假日的，以休假日后的第一日为期间末日）。",
            "body_indent", tj_bold=0.02))
    story.append(para("本告知书一式" f"{len(info.principals) + 1}份，各方当事人各执一份，本委员会存档一份。",
                      "body_indent"))
    story.append(KeepTogether([
        spacer(4 * mm),
        _seal_row(info.committee_name, cn_date(data.terminated_on)),
        spacer(2 * mm),
        *_receipt_line(info, "终止调解告知书"),
    ]))
    return story


def _receipt_line(info: CaseInfo, what: str) -> list:
    line = Table([[""]], colWidths=[_FRAME_W], rowHeights=[2 * mm])
    line.setStyle(TableStyle([_FONT, ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black, None, (3, 2))]))
    return [line, para(f"送达回执\u3000\u3000{info.number}\u3000{what}已收到。", "body", tj_bold=0.03,
                       spaceAfter=0),
            _sign_lines([_signer(p).replace("（签名、按指印）", "（签名）") for p in info.principals])]


# ------------------------------------------------------------------------------ 主持调解证明


def certificate_story(data: CertificateData) -> list:
    """主持调解证明: that the committee mediated and the agreement took effect (民诉法解释第三百五十四条)."""
    a, info = data.agreement, data.case
    applicants = "、".join(p.name for p in info.applicants) or "、".join(p.name for p in info.principals)
    others = "、".join(p.name for p in info.others)
    between = f"申请人{applicants}与被申请人{others}" if others else applicants
    return [
        para("主持调解证明", "title"),
        para(f"编号：{a.number}", "right"),
        spacer(4 * mm),
        para(f"{between}之间的{info.matter}，经{info.committee_name}受理并主持调解，各方当事人于"
             f"{cn_date(a.formed_on)}自愿达成调解协议（编号：{a.number}），该协议经各方当事人签名（盖章或按指印）、"
             f"人民调解员签名并加盖人民调解委员会印章，于{cn_date(a.effective_on)}生效。", "body_indent"),
        para(f"主持调解的人民调解员：{'、'.join(a.mediators) or '—'}。", "body_indent"),
        para("本证明供当事人依照《中华人民共和国人民调解法》第三十三条、《最高人民法院关于适用〈中华人民共和国"
             "民事诉讼法〉的解释》第三百五十四条向人民法院申请司法确认时使用。", "body_indent"),
        para("特此证明。", "body_indent"),
        spacer(6 * mm),
        _seal_row(info.committee_name, cn_date(data.issued_on)),
        spacer(4 * mm),
        para(f"联系人：{'、'.join(a.mediators[:1]) or _LINE}\u3000\u3000联系电话：{info.centre_phone or _LINE}",
             "body"),
    ]


# ------------------------------------------------------------------------------ 司法确认申请书


def judicial_story(data: JudicialData) -> list:
    """司法确认申请材料: the joint application (every applicant's identity with the full ID number,
    address and contacts), the 主持调解证明 and the agreement (民诉法解释第三百五十四条); to the court
    of 民事诉讼法第二百零五条, within 30 days of the agreement's effect (人民调解法第三十三条)."""
    from core.documents.case_data import CertificateData

    a, info = data.agreement, data.case
    due = data.deadline
    court = data.court or "\u3000" * 8 + "人民法院"
    story: list = [
        para("司法确认申请书", "title"),
        para(f"调解协议编号：{a.number}", "right"),
    ]
    for p in _ordered_parties(a.parties):
        role = "委托代理人" if p.is_agent else "申请人"
        story.append(para(party_particulars(p, full_id=True).replace(f"{p.role_name}：", f"{role}：", 1), "body",
                          align="left"))
    terms = "；".join(t.rstrip("。；;") for t in a.terms)
    story += [
        _heading("请求事项："),
        para(f"请求确认申请人于{cn_date(a.formed_on)}经{info.committee_name}主持调解达成的调解协议"
             f"（编号：{a.number}）有效。", "body_indent"),
        _heading("事实和理由："),
        para(f"申请人之间因{info.matter}，经{info.committee_name}主持调解，于{cn_date(a.formed_on)}自愿达成调解协议，"
             f"该协议于{cn_date(a.effective_on)}生效。协议的主要内容为：{terms}。", "body_indent"),
        para("上述调解协议系申请人在平等、自愿的基础上达成，是申请人的真实意思表示，内容不违反法律、行政法规的"
             "强制性规定，不损害国家利益、社会公共利益和他人合法权益，不涉及身份关系、物权或者知识产权的确认。"
             "根据《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条的规定，申请人共同"
             "向贵院申请司法确认。", "body_indent"),
        para("申请人承诺：申请人出于解决纠纷的目的达成调解协议，没有恶意串通、规避法律的行为；提交的材料真实、"
             "合法；如因虚假陈述、提供虚假材料造成他人合法权益受损，愿意承担相应的法律责任。", "body_indent"),
        KeepTogether([
            para("此致", "body", spaceBefore=6),
            para(court, "body"),
            _heading("附："),
            para("1. 调解协议书一份；2. 主持调解证明一份；3. 各申请人的身份证明（法人或其他组织另附营业执照或统一"
                 "社会信用代码证书、法定代表人身份证明）；4. 与调解协议相关的财产权利证明等材料（民诉法解释第三百五十四条）。",
                 "body_indent"),
            spacer(2 * mm),
            _sign_lines([_signer(p).replace("签名、按指印", "签名、盖章或按指印") for p in a.principals]),
        ]),
        spacer(3 * mm),
        _note_box(f"提示：应自调解协议生效之日（{cn_date(a.effective_on)}）起三十日内，由双方当事人共同向"
                  f"{data.court or '有管辖权的基层人民法院'}提出申请，即最迟于{cn_date(due.due)}"
                  f"{'（暂定）' if due.provisional else ''}前提出（《中华人民共和国人民调解法》第三十三条；期间依"
                  "《中华人民共和国民法典》第二百零一条、第二百零三条计算）。可以向当事人住所地、标的物所在地或者调解"
                  "组织所在地的基层人民法院提出（《中华人民共和国民事诉讼法》第二百零五条）。"),
        page_break(),
        *certificate_story(CertificateData(a, info, data.issued_on)),
        page_break(),
        *agreement_story(a, label="提交人民法院"),
    ]
    return story


def _note_box(text: str) -> Table:
    grid = Table([[para(text, "body", fontSize=10.5, leading=16)]], colWidths=[_FRAME_W])
    grid.setStyle(TableStyle([_FONT, ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                              ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F6F6F6")),
                              ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                              ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return grid


# ------------------------------------------------------------------------------ 回访记录


def followup_story(data: FollowupData) -> list:
    """回访记录: one form per visit (parties, agreement number, matter, performance, satisfaction,
    court action, risk of escalation, action taken, visitor's signature, date)."""
    info = data.case
    story: list = []
    for i, v in enumerate(data.visits):
        if i:
            story.append(page_break())
        rows = [
            ["案件编号", info.number],
            ["当 事 人", "、".join(f"{p.name}（{p.role_name}）" for p in info.principals)],
            ["协议编号", f"{data.agreement_number}（{'口头协议' if data.agreement_kind == 'oral' else '书面协议'}）"
             if data.agreement_kind else "—"],
            ["纠纷事项", info.matter + (f"：{info.summary}" if info.summary else "")],
            ["回访时间", cn_date(v.visited_on)],
            ["回访对象", v.party + (f"（{v.phone}）" if v.phone else "")],
            ["协议履行情况", v.performance or "—"],
            ["满意度评价", v.rating_name],
            ["是否向法院起诉", "是" if v.court_action else "否"],
            ["有无激化风险", "有" if v.escalation_risk else "无"],
            ["采取的措施", v.action_taken or "—"],
        ]
        story += [
            para("人民调解回访记录", "title"),
            para(info.committee_name, "center"),
            _grid(rows, [36 * mm, _FRAME_W - 36 * mm]),
            KeepTogether([spacer(4 * mm), _sign_lines([f"回访人{v.visitor}（签名）" if v.visitor else "回访人（签名）"])]),
        ]
    return story


# ------------------------------------------------------------------------------ cover, contents, back cover


def cover_story(data: CoverData) -> list:
    """卷宗封面: 卷名, 卷号, mediators, mediation dates from–to, 立卷人, 立卷日期, 保管期限, 备注."""
    info = data.case
    period = "自 " + (cn_date(data.mediated_from) or _BLANK_DATE) + " 至 " + (cn_date(data.mediated_to) or _BLANK_DATE)
    rows = [
        ["卷\u3000\u3000名", data.title],
        ["卷\u3000\u3000号", data.volume_number],
        ["案件编号", info.number],
        ["调 解 员", "、".join(data.mediators) or ""],
        ["调解日期", period],
        ["立 卷 人", data.filed_by],
        ["立卷日期", cn_date(data.filed_on)],
        ["保管期限", data.retention],
        ["备\u3000\u3000注", data.note],
    ]
    grid = _fixed_table(rows, [34 * mm, _FRAME_W - 34 * mm], [14 * mm] * len(rows), header=False, grid=False,
                        style="body", extra=[("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return [
        spacer(18 * mm),
        para(info.centre_name, "subtitle", fontSize=16, leading=24),
        para(info.committee_name, "subtitle", fontSize=16, leading=24),
        spacer(14 * mm),
        para("人民调解卷宗", "title", fontSize=34, leading=46, tj_bold=0.04),
        spacer(20 * mm),
        grid,
    ]


def contents_story(info: CaseInfo, entries: Sequence[tuple[str, str, str]]) -> list:
    """卷内目录: (title, pages "3" / "3-4", note) per document, in dossier order."""
    rows = [["序号", "文件材料名称", "页号", "备注"]]
    rows += [[str(i), title, pages, note] for i, (title, pages, note) in enumerate(entries, 1)]
    return [
        para("卷内目录", "title"),
        para(f"卷号：{info.volume_number}\u3000\u3000案件编号：{info.number}", "center", fontSize=11),
        table(rows, [16 * mm, 84 * mm, 24 * mm, _FRAME_W - 124 * mm], space_before=4,
              extra_style=[("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
                           ("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]),
    ]


def back_cover_story(data: CoverData, total_pages: int | None) -> list:
    """封底（卷内备考表）: 本卷共 N 页, 卷内情况说明, 立卷人, 检查人, 日期."""
    info = data.case
    count = f"{total_pages}" if total_pages else "\u3000\u3000"
    remarks = Table([[para("卷内情况说明：", "body")]], colWidths=[_FRAME_W], rowHeights=[95 * mm])
    remarks.setStyle(TableStyle([_FONT, ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    people = table([[f"立卷人：{data.filed_by or _LINE}", f"检查人：{_LINE}"],
                    [f"立卷日期：{cn_date(data.filed_on) or _BLANK_DATE}", f"检查日期：{_BLANK_DATE}"]],
                   [_FRAME_W / 2, _FRAME_W / 2], header=False, grid=False, style="body",
                   extra_style=[("TOPPADDING", (0, 0), (-1, -1), 12), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [
        para("卷内备考表", "title"),
        para(f"卷号：{info.volume_number}\u3000\u3000案件编号：{info.number}", "center", fontSize=11),
        spacer(6 * mm),
        para(f"本卷共 {count} 页（含封面、卷内目录和本表）。", "body", fontSize=13, leading=22),
        spacer(3 * mm),
        remarks,
        spacer(6 * mm),
        people,
    ]
