"""Coded vocabularies shared by the data, the core, the CLI and the tests.

The codes are stored in the database and printed by the CLI, so they are stable public
identifiers; the Chinese labels are what people see.
"""

from __future__ import annotations

# Routing targets (domain.md §1): code → (Chinese name, one-character prefix used for
# queue tickets and case numbers).
COMMITTEES: dict[str, tuple[str, str]] = {
    "traffic": ("交通事故纠纷人民调解委员会", "交"),
    "medical": ("医疗纠纷人民调解委员会", "医"),
    "education": ("教育纠纷人民调解委员会", "教"),
    "safety": ("安全生产纠纷人民调解委员会", "安"),
    "water": ("水利纠纷人民调解委员会", "水"),
    "food": ("食品安全纠纷人民调解委员会", "食"),
    "labour": ("劳动保障纠纷人民调解委员会", "劳"),
    "environment": ("环境保护纠纷人民调解委员会", "环"),
    "land": ("土地纠纷人民调解委员会", "土"),
    "legal": ("涉法涉诉调解工作室", "诉"),
    "general": ("综合调解窗口", "综"),
}

# Short names for navigation, tables and charts.
COMMITTEE_SHORT: dict[str, str] = {
    "traffic": "交通事故",
    "medical": "医患",
    "education": "教育",
    "safety": "安全生产",
    "water": "水利",
    "food": "食品安全",
    "labour": "劳动保障",
    "environment": "环境保护",
    "land": "土地",
    "legal": "涉法涉诉",
    "general": "综合",
}

# 司法部 statistical dispute types (domain.md §5).
DISPUTE_TYPES: dict[str, str] = {
    "01": "婚姻家庭",
    "02": "邻里",
    "03": "房屋宅基地",
    "04": "合同",
    "05": "生产经营",
    "06": "损害赔偿",
    "07": "山林土地",
    "08": "征地拆迁",
    "09": "环境污染",
    "10": "劳动争议",
    "11": "旅游",
    "12": "消费",
    "13": "医疗",
    "14": "道路交通事故",
    "15": "物业管理",
    "16": "知识产权",
    "17": "互联网",
    "99": "其他",
}

CASE_SOURCES: dict[str, str] = {
    "application": "当事人申请",
    "initiative": "主动调解",
    "police": "公安机关移交",
    "court": "审判机关委托",
    "government": "政府部门指定",
    "hotline": "热线/网上",
}

# Case statuses, in lifecycle order (issue 2: used everywhere including the CLI).
CASE_STATUSES: dict[str, str] = {
    "registered": "已登记",
    "accepted": "已受理",
    "mediating": "调解中",
    "agreed": "达成协议",
    "failed": "调解不成",
    "terminated": "终止调解",
    "withdrawn": "撤回申请",
    "refused": "拒绝调解",
    "performed": "履行完毕",
    "archived": "已归档",
}
OPEN_STATUSES = ("registered", "accepted", "mediating")
CONCLUDED_STATUSES = ("agreed", "failed", "terminated", "withdrawn", "refused", "performed", "archived")

ROLES: dict[str, str] = {
    "reception": "接待员",
    "mediator": "调解员",
    "director": "中心主任",
    "admin": "系统管理员",
}

PARTY_KINDS: dict[str, str] = {
    "person": "自然人",
    "organisation": "法人或其他组织",
}

ORGANISATION_KINDS: dict[str, str] = {
    "hospital": "医疗机构",
    "school": "学校",
    "company": "企业",
    "government": "机关事业单位",
    "other": "其他组织",
}

CASE_PARTY_ROLES: dict[str, str] = {
    "applicant": "申请人",
    "respondent": "被申请人",
    "third_party": "第三人",
    "agent": "代理人",
}

SEXES: dict[str, str] = {"M": "男", "F": "女"}

ROOM_KINDS: dict[str, str] = {
    "reception": "接待室",
    "lawyer": "律师值班室",
    "mediation": "调解室",
    "office": "办公室",
}

EXPERT_KINDS: dict[str, str] = {
    "expert": "专家",
    "lawyer": "律师",
    "legal_worker": "法律工作者",
}

# 好差评 five levels (domain.md §6).
RATINGS: dict[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

QUEUE_STATUSES: dict[str, str] = {
    "waiting": "等候中",
    "called": "已叫号",
    "serving": "办理中",
    "done": "已办结",
    "missed": "过号",
    "transferred": "已转窗口",
}

APPOINTMENT_STATUSES: dict[str, str] = {
    "booked": "已预约",
    "held": "已举行",
    "cancelled": "已取消",
}

AGREEMENT_KINDS: dict[str, str] = {"written": "书面协议", "oral": "口头协议"}


def sql_in(values) -> str:
    """Render a CHECK constraint's IN list; the codes are trusted constants."""
    return ", ".join(f"'{v}'" for v in values)
