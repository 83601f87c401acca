"""Documents printed at intake (A4; 司法部 2010 formats as used by local committees, domain.md §4):

* 受理登记表 — who, what, where from, the committee's acceptance, signatures and seal. ID numbers
  are masked (first 6 and last 4, 个人信息保护法 / 居民身份证法第十三条): only agreements and the
  司法确认 papers carry full numbers.
* 当事人权利义务告知书 — one page per party (人民调解法第二十三条、第二十四条, plus the notices the
  committee's own rules require: free of charge, 司法确认 within 30 days, the deadlines).
* 转办单 — a matter people's mediation may not take, sent to the authority that may.

Built from plain data (:class:`core.intake.IntakeDocument`, :class:`core.intake.ReferralRow`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Table

from core.documents.engine import (
    checkbox,
    mm,
    page_break,
    para,
    render,
    signature_block,
    spacer,
    table,
)
from core.identifiers import ID_TYPES, mask_id
from core.intake import MEDICAL_CONSENTS, DocParty, IntakeDocument, ReferralRow
from db.codes import CASE_SOURCES, ORGANISATION_KINDS, SEXES

__all__ = [
    "RIGHTS",
    "DUTIES",
    "registration_form",
    "rights_notice",
    "referral_slip",
    "write_case_documents",
    "REGISTRATION_FILE",
    "NOTICE_FILE",
]

REGISTRATION_FILE = "受理登记表.pdf"
NOTICE_FILE = "当事人权利义务告知书.pdf"

#: 人民调解法第二十三条.
RIGHTS: tuple[str, ...] = (
    "选择或者接受人民调解员；",
    "接受调解、拒绝调解或者要求终止调解；",
    "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。",
)
#: 人民调解法第二十四条.
DUTIES: tuple[str, ...] = (
    "如实陈述纠纷事实；",
    "遵守调解现场秩序，尊重人民调解员；",
    "尊重对方当事人行使权利。",
)

_NUMERALS = "一二三四五六七八九十"
_LABEL_W = 30 * mm
_FRAME_W = 165 * mm  # A4 minus the engine's margins (25 + 20 mm)


def _cn_date(d: date | datetime | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _cn_datetime(d: datetime | None) -> str:
    return f"{_cn_date(d)} {d:%H:%M}" if d else ""


def _yuan(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f} 元"


def _join(parts: Sequence[str]) -> str:
    return "\u3000".join(p for p in parts if p)


def _party_text(p: DocParty, *, masked: bool = True) -> str:
    """The party's particulars as lines of text (ID numbers masked unless ``masked=False``)."""
    if p.kind == "organisation":
        lines = [
            _join([f"名称：{p.name}", f"类型：{ORGANISATION_KINDS.get(p.org_kind or '', '')}" if p.org_kind else ""]),
            _join([f"统一社会信用代码：{p.uscc}" if p.uscc else "",
                   f"法定代表人（负责人）：{p.legal_representative}" if p.legal_representative else ""]),
            _join([f"联系电话：{p.phone}" if p.phone else "", f"住所：{p.address}" if p.address else ""]),
        ]
    else:
        born = f"（{_cn_date(p.birth_date)}生）" if p.birth_date else ""
        ident = ""
        if p.id_number:
            number = mask_id(p.id_number) if masked else p.id_number
            ident = f"{ID_TYPES.get(p.id_type or '', '证件')}：{number}"
        lines = [
            _join([f"姓名：{p.name}", f"性别：{SEXES[p.sex]}" if p.sex in SEXES else "",
                   f"民族：{p.ethnicity}" if p.ethnicity else "",
                   f"年龄：{p.age}岁{born}" if p.age is not None else ""]),
            _join([ident, f"联系电话：{p.phone}" if p.phone else ""]),
            _join([f"职业：{p.occupation}" if p.occupation else "",
                   f"工作单位：{p.workplace}" if p.workplace else ""]),
            f"住址：{p.address}" if p.address else "",
        ]
        if p.role == "agent":
            attorney = "已提交授权委托书" if p.power_of_attorney else "未提交授权委托书"
            lines.insert(0, f"代理{p.represents or ''}（{attorney}）")
    if p.refuses_mediation:
        lines.append("该当事人明确表示拒绝调解")
    return "\n".join(line for line in lines if line)


def _names(parties: Sequence[DocParty]) -> str:
    return "、".join(p.name for p in parties)


def _acceptance(doc: IntakeDocument) -> str:
    applicants = [p for p in doc.principals if p.role == "applicant"]
    others = [p for p in doc.principals if p.role != "applicant"]
    between = f"{_names(applicants)}与{_names(others)}" if others else _names(applicants)
    if doc.status == "refused":
        return f"{_cn_date(doc.received_at)}登记。{doc.conclusion_reason}。"
    return (f"{_cn_date(doc.received_at)}，经当事人同意，本委员会受理{between}之间的"
            f"{doc.dispute_type_name}纠纷，依法进行调解。")


def _special(doc: IntakeDocument) -> str:
    group = f"群体性纠纷（涉及{doc.group_size}人）" if doc.is_group and doc.group_size else "群体性纠纷"
    risk = "有激化风险"
    if doc.escalation_risk:
        risk += f"（已于{_cn_datetime(doc.escalation_notified_at)}报告{doc.escalation_notified_to or ''}）"
    refused = any(p.refuses_mediation for p in doc.principals)
    lines = [
        "\u3000".join([checkbox(group, doc.is_group), checkbox("当事人拒绝调解", refused)]),
        checkbox(risk, doc.escalation_risk),
    ]
    if doc.medical_consent or doc.committee == "medical" or doc.dispute_type == "13":
        lines.append("医疗纠纷调解申请：" + "\u3000".join(
            checkbox(label, doc.medical_consent == code) for code, label in MEDICAL_CONSENTS.items()
        ))
    return "\n".join(lines)


def registration_form(doc: IntakeDocument, *, out=None) -> bytes:
    """受理登记表 (A4): the case's particulars with masked ID numbers, signature lines for every
    party and the registrar, and the committee's seal."""
    rows: list[list] = []
    for p in doc.principals:
        rows.append([p.role_name, _party_text(p)])
    for p in doc.agents:
        rows.append(["委托代理人", _party_text(p)])
    sources = "\u3000".join(checkbox(label, doc.source == code) for code, label in CASE_SOURCES.items())
    requests = "\n".join(f"{i}. {text}" for i, text in enumerate(doc.requests, 1)) or "—"
    rows += [
        ["纠纷类型", f"{doc.dispute_type_name}（{doc.dispute_type}）", "受理时间", _cn_datetime(doc.received_at)],
        ["纠纷来源", sources],
        ["纠纷简要情况", doc.summary],
        ["当事人请求事项", requests],
        ["涉及金额", _yuan(doc.amount_claimed), "登记人", doc.received_by],
        ["特别情形", _special(doc)],
    ]
    signers = [f"{p.role_name}{p.name}" for p in doc.principals] + [f"代理人{p.name}" for p in doc.agents]
    story = [
        para("人民调解受理登记表", "title"),
        para(f"{doc.centre_name}　{doc.committee_name}", "center"),
        para(f"编号：{doc.number}", "right"),
        *_particulars(rows),
        spacer(2 * mm),
        # The acceptance statement stays with the signatures under it: never a page of bare signatures.
        KeepTogether([
            para(f"受理意见：{_acceptance(doc)}", "body_indent"),
            para("当事人签名（盖章或按指印）：", "body"),
            _signature_lines(signers),
            _registrar_and_seal(doc.committee_name),
        ]),
    ]
    return render(story, title=f"人民调解受理登记表 {doc.number}", footer=doc.centre_name, out=out)


_LINE = "_" * 14
_BLANK_DATE = "年\u3000\u3000月\u3000\u3000日"


_PAIR_W = (_LABEL_W, 52 * mm, 22 * mm, _FRAME_W - _LABEL_W - 74 * mm)


def _particulars(rows: list[list]) -> list[Table]:
    """The label/value grid: rows of [label, value] span the width, rows of [label, value, label,
    value] put two short items side by side. Consecutive rows of one shape form one table and the
    tables are stacked edge to edge (ReportLab cannot split a row across pages inside a SPAN, and
    a long summary must be able to run onto the next page)."""
    shade = colors.HexColor("#EFEFEF")
    groups: list[list[list]] = []
    for row in rows:
        if groups and len(groups[-1][0]) == len(row):
            groups[-1].append(row)
        else:
            groups.append([row])
    tables = []
    for group in groups:
        if len(group[0]) == 2:
            # A value that may run over a page break keeps its label at its start.
            tall = [("VALIGN", (0, r), (0, r), "TOP") for r, row in enumerate(group)
                    if isinstance(row[1], str) and (len(row[1]) > 300 or row[1].count("\n") > 8)]
            grid = table(group, [_LABEL_W, _FRAME_W - _LABEL_W], header=False, style="cell",
                         extra_style=[("BACKGROUND", (0, 0), (0, -1), shade), *tall])
            grid.splitInRow = 1
        else:
            grid = table(group, list(_PAIR_W), header=False, style="cell",
                         extra_style=[("BACKGROUND", (0, 0), (0, -1), shade),
                                      ("BACKGROUND", (2, 0), (2, -1), shade)])
        tables.append(grid)
    return tables


def _registrar_and_seal(committee_name: str) -> Table:
    """登记人 signature on the left, the committee's seal and date on the right."""
    seal = [para(f"{committee_name}（盖章）", "body", align="right"), spacer(3 * mm),
            para(_BLANK_DATE, "body", align="right")]
    return table([[f"登记人签名：{_LINE}", seal]], [_FRAME_W * 0.45, _FRAME_W * 0.55], header=False,
                 grid=False, style="body", valign="BOTTOM",
                 extra_style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 6)])


def _signature_lines(signers: Sequence[str]) -> Table:
    """One line per signer: "申请人张三：______  日期：____年__月__日"."""
    date_text = "日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日"
    rows = [[f"{who}：{_LINE}", date_text] for who in signers]
    return table(rows, [_FRAME_W * 0.58, _FRAME_W * 0.42], header=False, grid=False, style="body",
                 valign="BOTTOM", extra_style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                               ("TOPPADDING", (0, 0), (-1, -1), 4)])


def _deadline_notice(doc: IntakeDocument) -> str:
    if doc.committee == "medical" or doc.dispute_type == "13":
        return ("医疗纠纷人民调解委员会应当自受理之日起30个工作日内完成调解；需要鉴定的，鉴定时间不计入调解期限；"
                "因特殊情况需要延长的，经双方当事人同意可以延长。超过调解期限未达成调解协议的，视为调解不成"
                "（《医疗纠纷预防和处理条例》第三十八条）。未经双方当事人同意，调解不公开进行，调解协议不公开"
                "（同条例第四十二条）。")
    if doc.committee == "labour" or doc.dispute_type == "10":
        return ("自收到调解申请之日起15日内未达成调解协议的，当事人可以依法申请劳动争议仲裁"
                "（《劳动争议调解仲裁法》第十四条）。")
    if doc.committee == "traffic" or doc.dispute_type == "14":
        return ("调解一般在一个月内结束，经双方当事人同意可以延长。人民调解终止后，当事人可以在终止之日起3日内"
                "共同书面申请公安机关交通管理部门调解（《道路交通事故处理程序规定》第八十五条）。")
    return "调解一般在一个月内结束；经双方当事人同意，可以延长。"


def _notice_page(doc: IntakeDocument, party: DocParty) -> list:
    others = [p for p in doc.principals if p is not party]
    with_whom = f"您与{_names(others)}之间的" if others else "您申请的"
    other_notices = [
        "人民调解委员会调解民间纠纷，不收取任何费用（《中华人民共和国人民调解法》第四条）。",
        "您认为人民调解员与纠纷有利害关系或者可能影响公正调解的，可以口头或者书面要求更换人民调解员。",
        "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条）。",
        "调解协议生效之日起三十日内，双方当事人可以共同向人民法院申请司法确认（第三十三条）。",
        "调解不成的，人民调解员终止调解，您可以依法通过仲裁、行政、司法等途径维护自己的权利（第二十六条）。",
        _deadline_notice(doc),
    ]
    def text(t: str, style: str = "body_indent"):
        return para(t, style, fontSize=11, leading=16.5, spaceAfter=1.5)

    def heading(t: str):
        return para(t, "heading", fontSize=12.5, leading=19, spaceBefore=4, spaceAfter=1)

    return [
        para("当事人权利义务告知书", "title"),
        para(f"编号：{doc.number}", "right", fontSize=11),
        text(f"{party.name}：", "body"),
        text(f"{doc.committee_name}已于{_cn_date(doc.received_at)}受理{with_whom}{doc.dispute_type_name}纠纷。"
             "根据《中华人民共和国人民调解法》的规定，现将您在人民调解活动中享有的权利和应当履行的义务告知如下："),
        heading("一、当事人享有下列权利（第二十三条）"),
        *[text(f"（{_NUMERALS[i]}）{t}") for i, t in enumerate(RIGHTS)],
        heading("二、当事人应当履行下列义务（第二十四条）"),
        *[text(f"（{_NUMERALS[i]}）{t}") for i, t in enumerate(DUTIES)],
        heading("三、其他告知事项"),
        *[text(f"{i}. {t}") for i, t in enumerate(other_notices, 1)],
        KeepTogether([
            spacer(3 * mm),
            text(doc.committee_name, "right"),
            text(_cn_date(doc.received_at), "right"),
            spacer(2 * mm),
            text("本人已收到本告知书，并已知悉上述权利和义务。", "body"),
            _signature_lines([f"当事人{party.name}" + ("（盖章）" if party.kind == "organisation" else "签名")]),
        ]),
    ]


def rights_notice(doc: IntakeDocument, *, out=None) -> bytes:
    """当事人权利义务告知书 (A4): one page addressed to each party, each with a receipt line."""
    story: list = []
    for i, party in enumerate(doc.principals):
        if i:
            story.append(page_break())
        story.extend(_notice_page(doc, party))
    return render(story, title=f"当事人权利义务告知书 {doc.number}", footer=doc.centre_name, out=out)


def referral_slip(ref: ReferralRow, *, out=None) -> bytes:
    """转办单 (A4): why the matter is out of scope, its legal basis, and where to go."""
    rows = [
        ["来访人", ref.visitor_name],
        ["联系电话", ref.visitor_phone or "—"],
        ["来访时间", _cn_datetime(ref.at)],
        ["纠纷简要情况", ref.summary],
        ["转办理由及依据", ref.reason],
        ["建议转往", ref.refer_to],
        ["接待人", ref.created_by],
    ]
    story = [
        para("纠纷转办单", "title"),
        para(ref.centre_name, "center"),
        para(f"编号：{ref.number}", "right"),
        *_particulars(rows),
        spacer(4 * mm),
        para("经审查，上述纠纷不属于人民调解委员会受理的范围（或已由其他机关受理），依照《人民调解工作若干规定》，"
             f"本中心不予受理。请来访人持本单向{ref.refer_to}反映。", "body_indent"),
        spacer(8 * mm),
        para(f"{ref.centre_name}（盖章）", "right"),
        para(_cn_date(ref.at), "right"),
        spacer(6 * mm),
        signature_block("来访人", seal=False),
    ]
    return render(story, title=f"纠纷转办单 {ref.number}", footer=ref.centre_name, out=out)


def write_case_documents(doc: IntakeDocument, folder: Path, *, which: Sequence[str] = ("registration", "notice")
                         ) -> dict[str, Path]:
    """Render the intake documents into ``folder`` (created); returns ``{"registration": path, …}``."""
    folder.mkdir(parents=True, exist_ok=True)
    makers = {"registration": (registration_form, REGISTRATION_FILE), "notice": (rights_notice, NOTICE_FILE)}
    paths: dict[str, Path] = {}
    for key in which:
        make, filename = makers[key]
        path = folder / filename
        tmp = path.with_suffix(".pdf.part")
        make(doc, out=tmp)
        tmp.replace(path)  # a half-written PDF never sits under the final name
        paths[key] = path
    return paths
