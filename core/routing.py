"""Routing suggester: which committee (or desk) should take a walk-in's dispute.

Qt-free, offline and explainable. A weighted keyword lexicon per target (:mod:`core.routing_lexicon`), a few context
rules, the dispute type (司法部 code) and the kinds of parties give each of the 11 targets a raw score; the scores are
normalised to shares of 1 and the best ``top`` are returned with short Chinese reasons a receptionist can read.

:func:`scope_flags` separately spots what people's mediation may not take at intake (2002 《人民调解工作若干规定》;
domain.md §2 "Out of scope at intake"): land ownership/use-right disputes, which the government decides
(土地管理法第十四条), and cases already accepted by a court, the police, an arbitration committee or an administrative
body. A dispute the court itself sends here (诉前调解, 委派/委托调解), an enforcement matter, or a 司法确认 is *not*
flagged: those go to the 涉法涉诉 studio.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core import routing_lexicon as lex

__all__ = [
    "DISPUTE_TYPES",
    "PARTY_KINDS",
    "TARGETS",
    "TARGET_NAMES",
    "ScopeFlag",
    "Suggestion",
    "scope_flags",
    "suggest",
]

# Target code → full display name (the order of domain.md §1).
TARGETS: dict[str, str] = {
    "traffic": "道路交通事故纠纷人民调解委员会",
    "medical": "医疗纠纷人民调解委员会",
    "education": "教育纠纷人民调解委员会",
    "safety": "安全生产纠纷人民调解委员会",
    "water": "水利纠纷人民调解委员会",
    "food": "食品安全纠纷人民调解委员会",
    "labour": "劳动保障纠纷人民调解委员会",
    "environment": "环境保护纠纷人民调解委员会",
    "land": "土地纠纷人民调解委员会",
    "legal": "涉法涉诉工作室",
    "general": "综合调解窗口",
}

# Target code → short name (buttons, tickets, tables).
TARGET_NAMES: dict[str, str] = {
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
    "general": "综合/其他",
}

# Equal scores: the order above (a specialised committee before the general desk, which already has a prior).
_TIE_ORDER: tuple[str, ...] = tuple(TARGETS)

# 司法部 statistics dispute types.
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

PARTY_KINDS: tuple[str, ...] = tuple(lex.PARTY_KIND_WEIGHTS)

_GENERAL_PRIOR = 1.05  # with no clue at all, the general desk comes first
_MAX_KEYWORDS_SHOWN = 4
_MAX_SITUATIONS_SHOWN = 3


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ScopeFlag:
    kind: str  # "land_rights" | "already_accepted"
    reason: str
    refer_to: str


# -- compiled lexicon --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Compiled:
    patterns: tuple[tuple[re.Pattern[str], float, str | None], ...]
    mask: re.Pattern[str] | None


def _parse_keywords(block: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        weight, _, words = line.partition(":")
        for word in words.split():
            weights[word] = max(weights.get(word, 0.0), float(weight))
    return weights


def _compile() -> dict[str, _Compiled]:
    out = {}
    for code in TARGETS:
        mask = lex.MASKS.get(code)
        out[code] = _Compiled(
            patterns=tuple(
                (re.compile(rx), w, label) for rx, w, label in lex.PATTERNS.get(code, ())
            ),
            mask=re.compile(mask) if mask else None,
        )
    return out


_LEX = _compile()


def _index_keywords() -> dict[str, tuple[tuple[str, str, float], ...]]:
    """First character → (target, word, weight) for every keyword of every target."""
    index: dict[str, list[tuple[str, str, float]]] = {}
    for code in TARGETS:
        for word, weight in sorted(_parse_keywords(lex.KEYWORDS[code]).items()):
            index.setdefault(word[0], []).append((code, word, weight))
    return {ch: tuple(entries) for ch, entries in index.items()}


# Only words starting with a character of the text can match: a few dozen candidates instead of thousands.
_KEYWORD_INDEX = _index_keywords()

# -- context rules -----------------------------------------------------------------------------------------------

_CLAUSE = lex.NP
# A vehicle actually hit someone/something on the road: school, hospital and workplace words are then background.
_ROAD_COLLISION = re.compile(
    "车祸|交通事故|追尾|撞车|肇事|逃逸|"
    f"(轿车|货车|面包车|小车|卡车|摩托|电瓶车|电动车|三轮车|三卡|公交|大巴|出租车|网约车|拖拉机|渣土车|车子)"
    f"{_CLAUSE}{{0,8}}(撞|碰|刮|带倒|轧|碾|顶上)|"
    f"被{_CLAUSE}{{0,10}}车{_CLAUSE}{{0,4}}(撞|碰|刮|带倒|轧|碾)"
)
_NOT_ROAD = re.compile("校车|叉车|吊车|铲车|车间|厂区|仓库|工地")
# Eating or drinking made people ill: treatment words afterwards are consequences.
_FOOD_ILLNESS = re.compile(
    f"(吃|喝|食用|宴|席|餐|饭|菜|外卖|食堂)(了|过|完)?{lex.NS}{{0,16}}(拉肚子|腹泻|上吐下泻|呕吐|吐了|肚子痛|肚子疼|中毒)|"
    "食物中毒|上吐下泻|集体腹泻"
)
_NUISANCE = re.compile(
    "噪音|噪声|油烟|粉尘|灰尘|扬尘|臭|异味|气味|味道|黑烟|冒烟|排烟|污水|废水|废气|污染|太吵|很吵|吵死|"
    "睡不着|睡不好|震得|机器声|咣咣|轰隆|嗡嗡|苍蝇|声音|响声|(?<!影)响(?!应)|木屑|满天飞|喷漆|轰轰|隆隆|抖"
)
_BUSINESS_SOURCE = re.compile(
    "厂|(?<![菜市商广停农])场|站|店|公司|企业|工地|作坊|KTV|ktv|酒吧|餐馆|饭店|饭馆|烧烤|广场舞|基站|工业园|园区|"
    "养殖|猪栏|牛棚"
)
_HOUSEHOLD_SOURCE = re.compile("楼上|楼下|隔壁|对门|邻居|他家|她家|渠家|伊家|家里人")
_PRIVATE_LENDING = re.compile(f"借{_CLAUSE}{{0,8}}(万|千|块|元|钱)|借条|欠条")
# What was bought is food and its safety/quality is in question: the food committee, not the general consumer desk.
_FOOD_QUALITY = re.compile(
    "过期|变质|霉变|发霉|勾兑|掺假|掺了|退一赔十|假一赔十|十倍|三无|添加剂|注水|地沟油|病死|吃出|食物中毒|保质期|"
    "生产日期|假冒|冒充|以次充好|不符|成分|药水|超标|色素|哈喇"
)
# Medicines are not food: expired or harmful drugs are a medical (pharmacy) matter.
_DRUG = re.compile(
    "药店|药房|药品|药物|处方|(感冒|消炎|退烧|止痛|降压|降糖|中|西|胃|眼|安眠|避孕)药"
)
_FOOD_ITEM = re.compile(
    "饭|菜|肉|奶|酒|饮料|食品|零食|外卖|食堂|饭店|餐|蛋糕|月饼|面|粉|包子|饺子|水果|蜂蜜|保健品"
)
# The speaker works at the school, hospital, restaurant …: an employment matter, the institution is the employer.
_WORKS_AT = re.compile(
    f"(我|俺|他|她|渠|伊|老公|老婆|男人|媳妇|儿子|女儿|爸|妈|哥|姐|弟|妹){_CLAUSE}{{0,3}}"
    f"(在|到|去){_CLAUSE}{{0,8}}(医院|卫生院|诊所|学校|幼儿园|食堂|饭店|餐馆|酒店|宾馆|超市|商场){_CLAUSE}{{0,4}}"
    "(上班|打工|做事|干活|做工|当|任|做|务工|帮工|工作)"
)
# Self-identification as staff: "我们几个老师", "我是医院的护士".
_SELF_STAFF = re.compile(
    "(我|我们|俺|俺们)(是|这)?(几个|些|都是|都|是这里的|是他们的)?(老师|教师|工人|员工|保安|司机|厨师|护士|医生|保洁|"
    "保姆|服务员|职工|临时工|护工|营业员|收银员)"
)
# Somebody's staff did something to the speaker (a customer): not an employment matter.
_STAFF_ACTS = re.compile(
    f"(的)?(员工|服务员|店员|工作人员|快递员|快递小哥|外卖员|骑手|保安|营业员|师傅|售货员|收银员){_CLAUSE}{{0,2}}"
    "(给我|给我们|把|将|对我|不小心|弄|搞|拿错|加错|送错)"
)
# Vehicles working inside a yard, warehouse or site: a work-safety matter unless a road is mentioned.
_SITE_VEHICLE = re.compile("叉车|铲车|吊车|塔吊|(?<!自)行车|挖机|挖掘机|装载机")
_ROAD = re.compile("路|道|高速|桥|街")
# An animal did it: the general desk (饲养动物损害), even on a road.
_ANIMAL = re.compile("狗|犬|蜜蜂|蜂箱|马蜂|牛|猫|鹅|猪跑")


# A specialised committee needs its core: without one of these, its other words are only background.
_CORE: dict[str, tuple[re.Pattern[str], float]] = {
    # vehicles without driving, riding or any collision: a parked e-bike, a car dealer …
    "traffic": (
        re.compile(
            "撞|碰|刮|蹭|追尾|翻车|翻了|翻到|翻下|侧翻|车翻|轧|碾|带倒|事故|车祸|交警|开车|驾驶|骑|司机|肇事|逃逸|"
            "保险|定损|急刹|刹车|"
            "乘|坐|载|倒车|闯|红灯|路口|代驾|违章|超速|酒驾|开进|开到|开过"
        ),
        0.4,
    ),
    # children and parents without a school, a teacher or a class: family or neighbour matters
    "education": (
        re.compile(
            "学校|学生|老师|教师|幼儿园|托儿所|班|校|课|同学|培训|教育|园长|园里|宿舍|寄宿|住校|学费|研学|春游|"
            "军训|托管|午托|晚托|上学|放学|学期|入学|学籍|学车|驾校|教练|考试|作业"
        ),
        0.4,
    ),
    # pensions, contracts, money without any employment: a family or a civil matter
    "labour": (
        re.compile(
            "公司|厂|单位|工地|包工头|工头|上班|打工|干活|工资|工钱|薪|员工|职工|工人|工友|社保|劳动|辞|开除|"
            "解雇|裁员|试用期|派遣|工伤|加班|用工|雇|招|工龄|做工|务工|学徒|保姆|保安|保洁|干了|做了|"
            "农民工|车间|岗位|同事|经理|主管|领导|养老保险|医保|五险"
        ),
        0.4,
    ),
    # a factory or a farm without any nuisance or pollution: somebody else's matter
    "environment": (
        re.compile(
            "污|排|臭|味|烟|尘|灰|吵|噪|声|响|震|脏|浑|黑|毒|死鱼|翻白|辐射|粪|苍蝇|蚊|熏|呛|咳|睡不着|睡不好|垃圾|废|"
            "渗|漏|油|刺鼻|光|灯|扰民|环保|环境|枯|黄了|死了|不敢开窗|满天飞|木屑|轰|抖|癌|病|疙瘩|皮肤|过敏|"
            "头晕|头痛|喉咙|恶心|健康"
        ),
        0.4,
    ),
    # food words without anyone ill, nothing wrong with the food: a restaurant as a place, a customer hurt there …
    "food": (
        re.compile(
            "吃出|喝出|咬出|吃到|拉肚子|腹泻|吐|中毒|过期|变质|霉|馊|臭|异味|怪味|药味|假|掺|勾兑|添加|注水|虫|异物|"
            "头发|苍蝇|蟑螂|不舒服|过敏|发麻|食品|保质期|生产日期|退一赔十|十倍|三无|病死|地沟油|不新鲜|烂|坏了|"
            "长毛|白毛|絮状|模糊|检测|食物|安全|肚子|头晕|头痛|眼花|恶心|起疹|红疹|住院|医院|急诊|ICU|不对劲|"
            "问题|保健品|效果|骗|冒充|以次充好|成分|标签|配料|不符|做的|药水"
        ),
        0.4,
    ),
    # fields and plots as the place where something else happened (a flood, a spill): no land-rights question
    "land": (
        re.compile(
            "承包|流转|征|拆|界|宅基地|确权|权属|补偿|安置|分红|户口|出嫁|外嫁|山林|林权|林地|占|租|调整|收回|分地|"
            "分田|集体|地契|祖|归|所有|使用权|经营权|村民待遇|成员|砍|盖房|建房|地基|挨着|过来|那边|这边|土地|"
            "荒山|自留|责任田|口粮田|分配|卖|登记|证|换|要回|隔壁村|邻村|两村|两个村|亩"
        ),
        0.4,
    ),
    # machines and sites without anything having happened: noise, smell or a workplace
    "safety": (
        re.compile(
            "炸|爆|火|烧|塌|漏|砸|压|轧|绞|卷|切|锯掉|断|伤|死|坠|摔|掉下|触电|电击|中毒|窒息|事故|出事|隐患|危险|"
            "倒了|倒下|飞石|飞过来"
        ),
        0.4,
    ),
}


def _apply_context(text: str, raw: dict[str, float], situations: dict[str, list[str]]) -> None:
    """Context rules: scale or add to the raw scores, and note the situation recognised."""
    for code, (core, factor) in _CORE.items():
        if raw[code] and not core.search(text):
            raw[code] *= factor
    if _ROAD_COLLISION.search(text) and not _NOT_ROAD.search(text):
        for code, factor in (("education", 0.5), ("medical", 0.5), ("safety", 0.6)):
            raw[code] *= factor
        situations["traffic"].append("道路上车辆致损")
    if _DRUG.search(text) and not _FOOD_ITEM.search(text):
        raw["food"] *= 0.3
    elif _FOOD_ILLNESS.search(text):
        raw["medical"] *= 0.5
        raw["general"] *= 0.6
        raw["education"] *= 0.7
        situations["food"].append("进食后发病")
    if _NUISANCE.search(text):
        if _BUSINESS_SOURCE.search(text):
            raw["environment"] += 2.0
            situations["environment"].append("经营/生产活动扰民")
        elif _HOUSEHOLD_SOURCE.search(text):
            raw["general"] += 1.5
            situations["general"].append("相邻生活扰民")
    if _STAFF_ACTS.search(text) and not (_WORKS_AT.search(text) or _SELF_STAFF.search(text)):
        raw["labour"] *= 0.4
        raw["general"] += 1.0
        situations["general"].append("经营者服务中致损")
    if _WORKS_AT.search(text) or _SELF_STAFF.search(text):
        for code in ("medical", "education", "food"):
            raw[code] *= 0.4
        situations["labour"].append("当事人在该单位工作")
    if _PRIVATE_LENDING.search(text):
        raw["legal"] *= 0.7
        raw["labour"] *= 0.5
    if _FOOD_QUALITY.search(text):
        raw["general"] *= 0.6
        raw["education"] *= 0.6
    if _SITE_VEHICLE.search(text) and not _ROAD.search(text):
        raw["traffic"] *= 0.3
        raw["safety"] += 2.0
        situations["safety"].append("场（厂）内机动车辆作业")
    if _ANIMAL.search(text) and not _ROAD_COLLISION.search(text):
        raw["traffic"] *= 0.5


# -- suggest -----------------------------------------------------------------------------------------------------


def _normalise_text(text: str) -> str:
    return " ".join(text.split())


def _score_target(
    code: str, text: str, present: list[tuple[str, float]]
) -> tuple[float, list[str], list[str]]:
    """Score of one target on its masked text, given the keywords present in it."""
    comp = _LEX[code]
    present.sort(
        key=lambda kw: (-len(kw[0]), kw[0])
    )  # longest first: it hides the words it contains
    found: list[tuple[str, float]] = []
    for word, weight in present:
        if not any(word in longer for longer, _ in found):
            found.append((word, weight))
    score = sum(w for _, w in found)
    labels: list[str] = []
    for rx, weight, label in comp.patterns:
        m = rx.search(text)
        if m:
            score += weight
            shown = label or m.group(0)
            if shown not in labels:
                labels.append(shown)
    found.sort(key=lambda kw: (-kw[1], text.find(kw[0])))
    return score, [w for w, _ in found], labels


def suggest(
    text: str,
    *,
    dispute_type: str | None = None,
    party_kinds: Sequence[str] = (),
    top: int = 3,
) -> list[Suggestion]:
    """The ``top`` most likely targets for a walk-in's description, best first.

    Always exactly ``top`` distinct targets; scores are shares of 1 (descending); reasons are short Chinese strings.
    ``dispute_type`` is a 司法部 code ("13" …), ``party_kinds`` values are in :data:`PARTY_KINDS`.
    Raises ``ValueError`` for an unknown dispute type or party kind, or ``top`` outside 1..11.
    """
    if not 1 <= top <= len(TARGETS):
        raise ValueError(f"top 必须在 1 到 {len(TARGETS)} 之间：{top}")
    if dispute_type is not None:
        dispute_type = dispute_type.strip()
        if dispute_type and dispute_type not in DISPUTE_TYPES:
            raise ValueError(f"未知的纠纷类型代码：{dispute_type}")
    for kind in party_kinds:
        if kind not in lex.PARTY_KIND_WEIGHTS:
            raise ValueError(f"未知的当事人类型：{kind}")

    clean = _normalise_text(text or "")
    raw: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    situations: dict[str, list[str]] = {}
    masked = {
        code: comp.mask.sub("□", clean) if comp.mask is not None else clean
        for code, comp in _LEX.items()
    }
    present: dict[str, list[tuple[str, float]]] = {code: [] for code in TARGETS}
    for ch in set(clean):
        for code, word, weight in _KEYWORD_INDEX.get(ch, ()):
            if word in masked[code]:
                present[code].append((word, weight))
    for code in TARGETS:
        raw[code], words[code], situations[code] = _score_target(code, masked[code], present[code])
    _apply_context(clean, raw, situations)

    reasons: dict[str, list[str]] = {code: [] for code in TARGETS}
    for code in TARGETS:
        if words[code]:
            reasons[code].append("关键词：" + "、".join(words[code][:_MAX_KEYWORDS_SHOWN]))
        if situations[code]:
            shown = list(dict.fromkeys(situations[code]))[:_MAX_SITUATIONS_SHOWN]
            reasons[code].append("情形：" + "、".join(shown))
    if dispute_type:
        for code, weight in lex.DISPUTE_TYPE_WEIGHTS[dispute_type].items():
            raw[code] += weight
            reasons[code].append(f"纠纷类型：{DISPUTE_TYPES[dispute_type]}")
    for kind in dict.fromkeys(party_kinds):  # each kind once, in the given order
        weights, reason = lex.PARTY_KIND_WEIGHTS[kind]
        for code, weight in weights.items():
            raw[code] += weight
            if reason not in reasons[code]:
                reasons[code].append(reason)

    raw["general"] += _GENERAL_PRIOR

    total = sum(raw.values())
    ranked = sorted(_TIE_ORDER, key=lambda c: (-raw[c], _TIE_ORDER.index(c)))[:top]
    out = []
    for code in ranked:
        rs = reasons[code]
        if code == "general" and raw[code] <= _GENERAL_PRIOR + 1e-9:
            rs = ["未见专门委员会的线索，由综合窗口接待"]
        elif not rs:
            rs = ["无直接线索（备选）"]
        out.append(
            Suggestion(
                code=code, name=TARGETS[code], score=round(raw[code] / total, 4), reasons=tuple(rs)
            )
        )
    return out


# -- scope flags -------------------------------------------------------------------------------------------------

# In the same clause before the match: the act has not happened (yet) — "还没起诉", "准备去法院起诉", "想申请仲裁".
_NEGATION_BEFORE = re.compile(
    "没|未|不|准备|打算|想|要|考虑|如果|假如|万一|是否|能否|可以|会不会|能不能|大不了"
)

_LAND_RIGHTS = tuple(
    re.compile(rx)
    for rx in (
        f"(土地|山林|林地|林木|宅基地|山|田|地|滩|塘|荒山){_CLAUSE}{{0,8}}(所有权|使用权|权属|归属)",
        f"(所有权|使用权|权属){_CLAUSE}{{0,4}}(争议|纠纷|之争|不清|有争议|争)",
        "确权",
        f"(都有|各有|两家都有|双方都有|都拿着|各自有){_CLAUSE}{{0,4}}(林权证|土地证|山林证|宅基地证|承包证|权证)",
        f"四至{_CLAUSE}{{0,4}}(重叠|交叉|冲突|对不上)",
        f"(山|地|田|林|滩|塘){_CLAUSE}{{0,10}}(到底|究竟)?(归|属于)(谁|哪个|哪家|哪一?个?村|哪一?个?组)",
        f"(山|地|田|林|滩|塘){lex.NS}{{0,20}}(是|归|属于)(我们|他们|你们|我|他|她|渠|伊)(家|村|组|祖上|祖传)?(的|所有)",
        f"(两|两个|几个)(村|组|村民小组|个村|个组|自然村){_CLAUSE}{{0,16}}(山林|林地|荒山|山|土地|地)"
        f"{_CLAUSE}{{0,8}}(界线|界|归属|争|纠纷)",
    )
)

_COURT_REFERRAL = re.compile(
    "诉前调解|诉调对接|委派|委托(你们|这里|这边)?调解|司法确认|执行|庭外和解|"
    f"(法院|法官|法庭|立案庭){_CLAUSE}{{0,14}}(转|叫|让|委托|委派|建议|推荐|介绍|说|问|通知|安排|征求|打电话)"
    f"{_CLAUSE}{{0,12}}"
    "(你们|这里|这边|来|调)"
)
_POLICE_REFERRAL = re.compile(
    f"(派出所|公安|警察|民警|交警){_CLAUSE}{{0,12}}(转|叫|让|建议|介绍|移交|推荐){_CLAUSE}{{0,10}}(你们|这里|这边|来|调)"
)

# (body, regexes, negation applies?, refer_to); a match counts unless a negation word stands right before it.
_ACCEPTED: tuple[tuple[str, tuple[re.Pattern[str], ...], str], ...] = (
    (
        "court",
        tuple(
            re.compile(rx)
            for rx in (
                f"(已|已经|早就|早已)({_CLAUSE}{{0,6}})(起诉|提起诉讼|打官司|告到法院|上诉)",
                f"(已|已经|早就|早已)(在|向|到|去)(法院|法庭){_CLAUSE}{{0,4}}(立案|立了案|起诉|告)",
                "(起诉|告到法院|打起官司|上诉)了",
                f"(法院|法庭){_CLAUSE}{{0,4}}(已经?)?(立案|受理|立了案)",
                f"(官司|案子|诉讼){_CLAUSE}{{0,6}}(还没判|没判|在打|正在打|打着|审理中|在审)",
                "(正在|还在)(打官司|诉讼)|诉讼中|离婚官司|官司还在|下(个)?(礼拜|星期|周|月)开庭|等开庭",
            )
        ),
        "受理案件的人民法院（如法院同意委托调解，可经涉法涉诉工作室诉调对接）",
    ),
    (
        "police",
        tuple(
            re.compile(rx)
            for rx in (
                f"(派出所|公安|警察|刑警|公安局|公安机关){_CLAUSE}{{0,6}}(已经?)?(立案|受理|立了案)",
                f"(已|已经)?报(了)?案{_CLAUSE}{{0,4}}(已经?)?(立案|受理)",
                "刑事立案|立为刑事案件",
            )
        ),
        "受理案件的公安机关（派出所）",
    ),
    (
        "arbitration",
        tuple(
            re.compile(rx)
            for rx in (
                f"(已|已经|早就)({_CLAUSE}{{0,6}})仲裁",
                f"仲裁{_CLAUSE}{{0,4}}(已经?)?(受理|立案)",
                "(申请|提起|提了|去|交了)(了)?(劳动)?仲裁了",
                f"仲裁{_CLAUSE}{{0,3}}(开庭|在审|还没裁)",
            )
        ),
        "劳动人事争议仲裁委员会",
    ),
    (
        "admin",
        tuple(
            re.compile(rx)
            for rx in (
                "(卫健|卫生健康|卫生局|市场监管|市监|工商|消协|劳动监察|劳动保障监察|人社|环保局|生态环境|"
                f"自然资源|国土|住建|城管|农业农村|教育局|应急管理|水利局){_CLAUSE}{{0,6}}(已经?)?"
                "(受理|立案|立了案|正在处理|在调查|调查处理)",
            )
        ),
        "已受理的行政机关（卫生健康、市场监管、劳动保障监察等主管部门）",
    ),
)

_ACCEPTED_REASON = {
    "court": "案件已由人民法院受理（起诉/立案/审理中）：人民调解委员会不再受理，已受理法院的案件应由法院处理",
    "police": "案件已由公安机关受理或立案：人民调解委员会不再受理",
    "arbitration": "已申请劳动人事争议仲裁并在处理中：人民调解委员会不再受理",
    "admin": "案件已由行政机关受理处理：人民调解委员会不再受理",
}


_CLAUSE_END = re.compile(f"[{lex.PUNCT}]")


def _negated(text: str, start: int) -> bool:
    prefix = text[max(0, start - 12) : start]
    prefix = _CLAUSE_END.split(prefix)[-1]  # only the clause the match is in
    return bool(_NEGATION_BEFORE.search(prefix))


def _accepted_by(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    for rx in patterns:
        for m in rx.finditer(text):
            if not _negated(text, m.start()):
                return True
    return False


def scope_flags(text: str) -> list[ScopeFlag]:
    """What people's mediation may not take at intake (2002 《人民调解工作若干规定》), as flags for the receptionist.

    ``land_rights``: ownership/use-right disputes over land or forest (土地管理法第十四条 — the government decides).
    ``already_accepted``: already accepted by a court, the police, an arbitration committee or an administrative
    body. Court referrals (诉前调解, 委派/委托调解), enforcement and 司法确认 are not flagged (涉法涉诉工作室), and
    neither are police referrals (公调对接). Empty list = nothing to flag.
    """
    clean = _normalise_text(text or "")
    flags: list[ScopeFlag] = []
    if any(rx.search(clean) for rx in _LAND_RIGHTS):
        flags.append(
            ScopeFlag(
                kind="land_rights",
                reason="疑似土地（山林）所有权或使用权争议：依土地管理法第十四条由人民政府处理，人民调解不作确权",
                refer_to="乡（镇）人民政府或县（区）人民政府（自然资源主管部门）",
            )
        )
    for body, patterns, refer_to in _ACCEPTED:
        if body == "court" and _COURT_REFERRAL.search(clean):
            continue
        if body == "police" and _POLICE_REFERRAL.search(clean):
            continue
        if body == "arbitration" and re.search("裁决|裁了|仲裁书|仲裁调解书", clean):
            continue
        if _accepted_by(clean, patterns):
            flags.append(
                ScopeFlag(kind="already_accepted", reason=_ACCEPTED_REASON[body], refer_to=refer_to)
            )
    return flags
