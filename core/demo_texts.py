"""The stories behind the demo cases: per committee, who the parties are, what happened, what
is asked, how much, and how such cases usually go (sources, durations, success rates).

A builder gets a :class:`Story` and fills it in; the story asks its ``world`` (the generator in
:mod:`core.demo`) for the party rows, so names in the text are the parties' names.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Protocol

from core.demo_names import QUJIANG_TOWNS, VILLAGE_STEMS


class World(Protocol):
    def person(self, story: Story, *, age: tuple[int, int], sex: str | None, occupation: str | None,
               workplace: str | None, reuse: float) -> tuple[int, str, bool]: ...

    def org(self, story: Story, pool: str) -> tuple[int, str]: ...

    def child_name(self, story: Story, parent: str) -> str: ...


@dataclass
class Story:
    """What one demo case is about. ``parties`` holds (role, party id, kind, name)."""

    r: random.Random
    world: World
    committee: str
    day: date
    town: str = ""
    village: str = ""
    created: datetime | None = None  # when the case was registered (new parties' creation time)
    parties: list[tuple[str, int, str, str]] = field(default_factory=list)
    dispute_type: str = "99"
    summary: str = ""
    requests: list[str] = field(default_factory=list)
    amount: int | None = None  # yuan claimed
    group_size: int | None = None
    matter: str = ""
    applicant_says: str = ""
    respondent_says: str = ""
    facts: str = ""
    ratios: tuple[str, str] | None = None  # responsibility (applicant side, respondent side)
    severe: bool = False  # death or serious injury: escalation more likely
    repeat_visit: bool = False
    pays: str = "赔偿"  # the verb of the agreement's money term
    remedy: str = ""  # a non-monetary term (恢复渠道、停止侵害 …)

    def person(self, role: str, *, age: tuple[int, int] = (22, 70), sex: str | None = None,
               occupation: str | None = None, workplace: str | None = None,
               reuse: float = 0.0) -> str:
        party_id, name, reused = self.world.person(
            self, age=age, sex=sex, occupation=occupation, workplace=workplace, reuse=reuse
        )
        if reused and role == "applicant":
            self.repeat_visit = True
        self.parties.append((role, party_id, "person", name))
        return name

    def org(self, role: str, pool: str) -> str:
        party_id, name = self.world.org(self, pool)
        self.parties.append((role, party_id, "organisation", name))
        return name

    def draw_amount(self, median: float, sigma: float, lo: int, hi: int) -> int:
        value = min(max(self.r.lognormvariate(math.log(median), sigma), lo), hi)
        step = 100 if value >= 5000 else 10
        return max(step, int(round(value / step)) * step)

    def before(self, lo: int, hi: int) -> date:
        return self.day - timedelta(days=self.r.randint(lo, hi))


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_TOWNS = tuple(t for t, _ in QUJIANG_TOWNS)
_TOWN_CUM = tuple(accumulate(w for _, w in QUJIANG_TOWNS))


def pick_town(r: random.Random) -> tuple[str, str]:
    town = r.choices(_TOWNS, cum_weights=_TOWN_CUM)[0]
    return town, r.choice(VILLAGE_STEMS) + "村"


# --- How each committee's cases usually go -------------------------------------------------


@dataclass(frozen=True)
class Profile:
    weight: float
    season: tuple[float, ...]  # 12 monthly factors, January first
    sources: tuple[tuple[str, float], ...]
    durations: tuple[tuple[int, int, float], ...]  # (lo, hi, weight) calendar days after acceptance
    success: float  # share of concluded cases ending in an agreement
    oral: float  # share of agreements that are oral
    judicial: float  # share of written agreements taken to 司法确认
    escalation: float
    notify: tuple[str, ...]
    agent: float  # a person party comes with an agent
    refuse: float  # the other side refuses mediation outright (Art.17)
    expert: float  # an expert from the pool joins a session
    mediators: int  # how many mediators the committee has in the demo


FLAT = (1.0,) * 12
_POLICE = "衢州市公安局衢江分局{town}派出所"
PROFILES: dict[str, Profile] = {
    "traffic": Profile(
        21, (1.1, 1.2, 0.9, 1.0, 1.0, 0.9, 1.0, 1.0, 1.0, 1.2, 1.0, 1.1),
        (("police", 55), ("application", 35), ("court", 5), ("hotline", 5)),
        ((0, 0, 28), (1, 7, 40), (8, 20, 24), (21, 45, 8)),
        0.92, 0.18, 0.12, 0.02, (_POLICE, "衢州市公安局交通警察支队衢江大队"), 0.15, 0.02, 0.05, 4),
    "medical": Profile(
        9, FLAT, (("application", 75), ("government", 15), ("initiative", 5), ("hotline", 5)),
        ((7, 30, 35), (31, 60, 45), (61, 110, 20)),
        0.8, 0.0, 0.3, 0.1, (_POLICE, "衢江区卫生健康局", "衢江区信访局"), 0.35, 0.03, 0.45, 3),
    "education": Profile(
        4, (0.8, 0.5, 1.2, 1.2, 1.3, 1.2, 0.4, 0.3, 1.3, 1.3, 1.3, 1.1),
        (("application", 65), ("government", 25), ("initiative", 5), ("hotline", 5)),
        ((1, 10, 40), (11, 30, 45), (31, 60, 15)),
        0.86, 0.1, 0.1, 0.03, ("衢江区教育局", _POLICE), 0.1, 0.03, 0.2, 2),
    "safety": Profile(
        4, FLAT, (("application", 55), ("government", 30), ("initiative", 10), ("hotline", 5)),
        ((1, 10, 35), (11, 30, 45), (31, 75, 20)),
        0.82, 0.05, 0.25, 0.08, ("衢江区应急管理局", _POLICE, "属地镇（街道）综治中心"), 0.2, 0.03, 0.35, 2),
    "water": Profile(
        3, (0.6, 0.6, 0.9, 1.1, 1.3, 1.6, 1.7, 1.5, 1.0, 0.8, 0.6, 0.6),
        (("application", 55), ("government", 25), ("initiative", 15), ("hotline", 5)),
        ((1, 10, 40), (11, 30, 45), (31, 60, 15)),
        0.8, 0.25, 0.05, 0.04, ("属地镇（街道）综治中心", _POLICE), 0.05, 0.05, 0.25, 2),
    "food": Profile(
        4, (0.8, 1.0, 0.9, 0.9, 1.1, 1.3, 1.5, 1.4, 1.0, 0.9, 0.8, 0.9),
        (("application", 60), ("government", 25), ("hotline", 15)),
        ((0, 0, 15), (1, 10, 55), (11, 30, 30)),
        0.88, 0.3, 0.03, 0.01, ("衢江区市场监督管理局",), 0.05, 0.05, 0.1, 2),
    "labour": Profile(
        17, (1.8, 1.2, 0.9, 0.8, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.2, 1.8),
        (("application", 60), ("government", 25), ("initiative", 10), ("hotline", 5)),
        ((0, 0, 15), (1, 7, 45), (8, 15, 32), (16, 30, 8)),
        0.87, 0.06, 0.12, 0.05, ("衢江区人力资源和社会保障局", _POLICE, "衢江区信访局"), 0.1, 0.03, 0.1, 4),
    "environment": Profile(
        4, (0.8, 0.8, 1.0, 1.0, 1.1, 1.2, 1.3, 1.2, 1.0, 1.0, 0.8, 0.8),
        (("application", 45), ("government", 35), ("initiative", 15), ("hotline", 5)),
        ((3, 15, 35), (16, 40, 45), (41, 90, 20)),
        0.78, 0.05, 0.05, 0.08, ("衢州市生态环境局衢江分局", "属地镇（街道）综治中心", _POLICE), 0.05, 0.04, 0.3, 2),
    "land": Profile(
        5, (1.1, 0.8, 1.2, 1.2, 1.0, 0.9, 0.9, 0.9, 1.0, 1.1, 1.0, 1.0),
        (("application", 50), ("government", 35), ("initiative", 10), ("hotline", 5)),
        ((3, 15, 35), (16, 40, 45), (41, 90, 20)),
        0.72, 0.15, 0.05, 0.06, ("属地镇（街道）综治中心", "衢州市自然资源和规划局衢江分局", _POLICE), 0.08, 0.05, 0.3, 2),
    "legal": Profile(
        8, FLAT, (("court", 75), ("application", 20), ("initiative", 5)),
        ((3, 20, 50), (21, 45, 40), (46, 90, 10)),
        0.78, 0.03, 0.45, 0.02, (_POLICE, "衢州市衢江区人民法院"), 0.4, 0.04, 0.05, 2),
    "general": Profile(
        21, (1.2, 1.3, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9, 1.0, 0.9, 1.0),
        (("application", 60), ("initiative", 15), ("hotline", 15), ("government", 10)),
        ((0, 0, 15), (1, 10, 45), (11, 30, 33), (31, 60, 7)),
        0.84, 0.25, 0.08, 0.03, (_POLICE, "属地镇（街道）综治中心", "属地村（社区）调委会"), 0.1, 0.04, 0.02, 3),
}

# --- Builders ------------------------------------------------------------------------------

_ROADS = ("320国道", "46省道", "衢江大道", "东迹大道", "樟潭路", "杜泽至上方公路", "廿里至后溪公路", "振兴中路",
          "滨江路", "浮石路", "高家至莲花公路")
_CARS = ("小型轿车", "小型普通客车", "重型半挂牵引车", "轻型厢式货车", "电动自行车", "普通二轮摩托车",
         "三轮汽车", "小型越野客车", "中型自卸货车")
_INJURIES = ("左腿胫腓骨骨折", "右锁骨骨折", "头部外伤、脑震荡", "多处软组织挫伤", "腰椎压缩性骨折", "肋骨多发骨折",
             "右手桡骨骨折", "面部裂伤", "左踝关节骨折")


def traffic(s: Story) -> None:
    r = s.r
    s.dispute_type = "14"
    a = s.person("applicant", age=(18, 78), reuse=0.02)
    b = s.person("respondent", age=(20, 65), occupation=r.choice(("驾驶员", "个体工商户", "企业职工", "公司职员")))
    insurer = s.org("third_party", "insurer") if r.random() < 0.45 else None
    if r.random() < 0.08:
        s.org("respondent", "company:traffic")  # the vehicle owner's company
    when = s.before(5, 120)
    road = r.choice(_ROADS)
    kind = r.choices(("injury", "damage", "pedestrian"), (55, 25, 20))[0]
    resp_b, resp_a = r.choices((("全部", "无"), ("主要", "次要"), ("同等", "同等")), (45, 40, 15))[0]
    ratio_b = {"全部": 100, "主要": 70, "同等": 50}[resp_b]
    s.ratios = (str(100 - ratio_b), str(ratio_b))
    if kind == "damage":
        s.amount = s.draw_amount(9000, 0.8, 800, 120000)
        s.summary = (f"{cn_date(when)}，{a}驾驶{r.choice(_CARS[:4])}与{b}驾驶的{r.choice(_CARS)}在{s.town}{road}"
                     f"{r.choice(('交叉路口', '路段', '加油站附近', '村口'))}发生碰撞，造成两车受损，无人员伤亡。"
                     f"经交警部门认定，{b}负事故{resp_b}责任。双方对车辆维修费、车辆贬值损失及停运损失的数额存在争议。")
        s.requests = [f"请求{b}赔偿车辆维修费、施救费等损失共计人民币{s.amount}元"]
        s.matter = "车辆损失赔偿"
    else:
        injury = r.choice(_INJURIES)
        s.severe = r.random() < 0.05
        s.amount = s.draw_amount(45000, 0.9, 3000, 900000 if s.severe else 400000)
        if kind == "pedestrian":
            s.summary = (f"{cn_date(when)}，{b}驾驶{r.choice(_CARS[:4])}沿{road}行驶至{s.town}{s.village}路段时，"
                         f"与步行横过道路的{a}发生碰撞，致{a}{injury}。经衢州市公安局交通警察支队衢江大队认定，"
                         f"{b}负事故{resp_b}责任。{a}住院治疗{r.randint(5, 60)}天，双方就赔偿事宜协商未果。")
        else:
            s.summary = (f"{cn_date(when)}，{a}驾驶{r.choice(('电动自行车', '普通二轮摩托车', '小型轿车'))}沿{road}"
                         f"行驶至{s.town}时，与{b}驾驶的{r.choice(_CARS)}发生碰撞，致{a}{injury}、车辆受损。"
                         f"经交警部门认定，{b}负事故{resp_b}责任，{a}负{resp_a}责任。双方就医疗费、误工费、护理费等"
                         f"赔偿数额协商未果。")
        s.requests = [f"请求{b}赔偿医疗费、误工费、护理费、营养费、交通费等各项损失共计人民币{s.amount}元"]
        if r.random() < 0.3:
            s.requests.append("请求对伤残等级进行评定后另行主张残疾赔偿金")
        s.matter = "人身损害赔偿"
    if insurer:
        s.requests.append(f"请求{insurer}在交强险及商业三者险限额内承担赔偿责任")
    s.applicant_says = f"要求对方按事故责任赔偿各项损失共计{s.amount}元，费用均有票据。"
    s.respondent_says = "对事故责任认定无异议，但认为误工费、护理费计算标准过高，愿在合理范围内赔偿。"


_ILLNESS = (("阑尾炎", "阑尾切除术", "切口感染"), ("胆囊结石", "腹腔镜胆囊切除术", "胆漏"),
            ("右股骨颈骨折", "人工髋关节置换术", "术后关节脱位"), ("足月妊娠", "剖宫产术", "产后大出血"),
            ("腰椎间盘突出", "椎间孔镜手术", "神经损伤"), ("牙齿缺损", "种植牙手术", "种植体松动"),
            ("白内障", "白内障超声乳化术", "视力下降"), ("高热、咳嗽", "门诊输液治疗", "过敏性休克"),
            ("胸痛", "急诊观察", "急性心肌梗死漏诊"))
_RELATIVES = ("丈夫", "妻子", "父亲", "母亲", "儿子", "女儿")


def medical(s: Story) -> None:
    r = s.r
    s.dispute_type = "13"
    hospital = s.org("respondent", "hospital")
    patient_applies = r.random() < 0.55
    a = s.person("applicant", age=(25, 75), reuse=0.01)
    if r.random() < 0.3:
        s.person("applicant", age=(25, 70))
    illness, treatment, complication = r.choice(_ILLNESS)
    when = s.before(20, 300)
    s.severe = r.random() < 0.12
    patient = a if patient_applies else f"{a}之{r.choice(_RELATIVES)}"
    if s.severe:
        s.amount = s.draw_amount(600000, 0.5, 150000, 1800000)
        s.summary = (f"{patient}于{cn_date(when)}因{illness}到{hospital}就诊，行{treatment}后出现{complication}，"
                     f"经抢救无效死亡。家属对死亡原因及医院的诊疗过程有异议，认为医院存在延误诊治、告知不充分等过错；"
                     f"{hospital}认为诊疗行为符合规范。双方就赔偿问题协商未果，共同申请调解。")
        s.requests = [f"请求{hospital}赔偿死亡赔偿金、丧葬费、被扶养人生活费、精神损害抚慰金等共计人民币{s.amount}元"]
    else:
        s.amount = s.draw_amount(90000, 0.9, 5000, 900000)
        s.summary = (f"{patient}于{cn_date(when)}因{illness}到{hospital}就诊，行{treatment}后出现{complication}。"
                     f"{a}认为{hospital}在诊疗过程中存在{r.choice(('操作不当', '术前告知不充分', '观察护理不到位', '诊断延误'))}"
                     f"等过错，要求赔偿；{hospital}认为已尽到诊疗义务。双方协商未果。")
        s.requests = [f"请求{hospital}赔偿医疗费、误工费、护理费、残疾赔偿金等各项损失共计人民币{s.amount}元"]
    if r.random() < 0.4:
        s.requests.append(f"请求{hospital}就诊疗经过作出书面说明")
    ratio = r.choice((20, 30, 40, 50, 60))
    s.ratios = (str(100 - ratio), str(ratio))
    s.matter = "医疗损害赔偿"
    s.applicant_says = "认为院方存在过错，要求全额赔偿，并对病历记录的完整性提出异议。"
    s.respondent_says = "认为诊疗符合规范，并发症属于医疗风险，但出于人道考虑愿意给予适当补偿。"


def education(s: Story) -> None:
    r = s.r
    a = s.person("applicant", age=(28, 50), reuse=0.01)
    child = s.world.child_name(s, a)
    grade = r.choice(("一年级", "三年级", "五年级", "初一", "初二", "高一", "中班", "大班"))
    if r.random() < 0.15:
        s.dispute_type = "04"
        school = s.org("respondent", "private_school")
        s.amount = s.draw_amount(8000, 0.6, 1000, 60000)
        s.summary = (f"{a}于{cn_date(s.before(60, 300))}为其子女{child}在{school}报名参加培训并预交费用，"
                     f"后因{r.choice(('培训机构更换授课老师', '课程未按约开设', '孩子转学'))}要求退费，{school}仅同意退还部分费用，双方发生纠纷。")
        s.requests = [f"请求{school}退还剩余培训费人民币{s.amount}元"]
        s.matter = "退还培训费"
        s.pays = "退还"
    else:
        s.dispute_type = "06"
        school = s.org("respondent", "school")
        other = s.person("respondent", age=(28, 50)) if r.random() < 0.3 else None
        how = r.choice(("体育课跳远时摔倒", "课间在走廊追逐时与同学相撞", "午休时从床铺跌落", "放学排队时被同学推倒",
                        "在操场玩耍时被篮球架划伤"))
        s.amount = s.draw_amount(15000, 0.8, 2000, 200000)
        s.summary = (f"{cn_date(s.before(5, 120))}，{a}之子女{child}（{school}{grade}学生）在校{how}，"
                     f"致{r.choice(('门牙折断', '左臂骨折', '眉骨裂伤', '脑震荡', '右踝扭伤'))}。"
                     f"{a}认为学校未尽到教育、管理职责，{'对方学生监护人' + other + '亦应承担责任，' if other else ''}"
                     f"要求赔偿；学校认为已履行安全教育义务。")
        s.requests = [f"请求{school}{'及' + other if other else ''}赔偿医疗费、护理费、交通费等共计人民币{s.amount}元"]
        s.matter = "学生伤害赔偿"
    s.applicant_says = "要求学校承担主要责任并赔偿全部损失。"
    s.respondent_says = "学校已尽到安全教育和管理义务，愿意从人道角度给予适当补偿。"


def safety(s: Story) -> None:
    r = s.r
    s.dispute_type = r.choices(("06", "10"), (70, 30))[0]
    company = s.org("respondent", "company:safety")
    s.severe = r.random() < 0.1
    a = s.person("applicant", age=(22, 62), occupation="企业职工")
    site = r.choice(("车间", "施工工地", "仓库", "矿区", "厂区"))
    accident = r.choice(("被机器卷入", "从脚手架坠落", "被倒塌的货物砸伤", "操作冲压设备时", "叉车倒车时被撞"))
    s.amount = s.draw_amount(300000 if s.severe else 80000, 0.7, 8000, 1500000)
    if s.severe:
        s.summary = (f"{cn_date(s.before(10, 120))}，{a}之亲属在{company}{site}作业时{accident}，经抢救无效死亡。"
                     f"事故经应急管理部门调查。家属与{company}就死亡赔偿金、丧葬费等赔偿事宜协商未果。")
    else:
        s.summary = (f"{cn_date(s.before(10, 200))}，{a}在{company}{site}作业时{accident}，致"
                     f"{r.choice(('右手三指离断', '腰椎骨折', '左腿骨折', '头部外伤'))}，经鉴定为"
                     f"{r.choice(('九级', '十级', '八级', '七级'))}伤残。双方就一次性赔偿数额协商未果。")
    s.requests = [f"请求{company}一次性赔偿各项损失共计人民币{s.amount}元"]
    s.matter = "安全生产事故赔偿"
    s.applicant_says = "事故系企业安全防护措施不到位所致，要求企业承担全部赔偿责任。"
    s.respondent_says = "员工违反操作规程亦有过错，企业愿意承担相应责任。"


def water(s: Story) -> None:
    r = s.r
    a = s.person("applicant", age=(35, 78), occupation="农民", reuse=0.02)
    issue = r.choice(("灌溉用水", "山塘承包", "沟渠改道", "排水淹没农田", "水库放水"))
    s.amount = s.draw_amount(6000, 0.8, 500, 80000) if r.random() < 0.75 else None
    loss = f"造成损失约{s.amount}元" if s.amount else "影响正常生产"
    if issue in ("水库放水", "排水淹没农田") and r.random() < 0.6:
        b = s.org("respondent", "water")
        s.dispute_type = "06"
        s.summary = (f"{a}系{s.town}{s.village}村民，其承包的农田位于{b}管理的渠道下游。{a}称{b}"
                     f"{'放水' if issue == '水库放水' else '排水'}前未按规定提前告知，致其农作物受淹，{loss}；"
                     f"{b}认为已按调度方案操作。")
    else:
        b = s.person("respondent", age=(35, 78), occupation="农民")
        s.dispute_type = r.choice(("02", "99"))
        s.summary = (f"{a}与{b}均系{s.town}{s.village}村民，因{issue}问题发生纠纷。{a}称"
                     f"{r.choice(('对方私自截流，导致其承包的水田无法灌溉', '对方堵塞排水沟渠，致其农作物受淹', '对方擅自改变沟渠走向'))}，"
                     f"{loss}；{b}对此有不同意见。")
    s.requests = ["请求恢复原有沟渠走向及灌溉秩序"]
    if s.amount:
        s.requests.append(f"请求赔偿农作物损失人民币{s.amount}元")
    s.remedy = "恢复原有灌溉沟渠，保持水流畅通"
    s.matter = f"{issue}纠纷"
    s.applicant_says = "要求恢复原状并赔偿损失。"
    s.respondent_says = "称其行为系正常用水，不同意赔偿，但愿意协商用水时间。"


def food(s: Story) -> None:
    r = s.r
    s.dispute_type = r.choices(("12", "06"), (70, 30))[0]
    a = s.person("applicant", age=(20, 70), reuse=0.02)
    seller = s.org("respondent", r.choice(("restaurant", "restaurant", "supermarket", "company:food")))
    what = r.choice(("购买的熟食", "在店内就餐", "购买的预包装食品（已过保质期）", "订购的生日蛋糕", "购买的散装白酒"))
    s.amount = s.draw_amount(3000, 0.8, 200, 50000)
    s.summary = (f"{cn_date(s.before(2, 40))}，{a}在{seller}{what}，食用后出现{r.choice(('腹痛、腹泻', '呕吐', '皮肤过敏'))}"
                 f"等症状，经医院诊断为{r.choice(('急性胃肠炎', '食物中毒', '过敏性皮炎'))}。{a}要求{seller}赔偿医疗费"
                 f"并按价款十倍支付赔偿金，{seller}仅同意承担医疗费。")
    s.requests = [f"请求{seller}赔偿医疗费、误工费并支付赔偿金共计人民币{s.amount}元"]
    s.matter = "食品安全赔偿"
    s.applicant_says = "要求按《食品安全法》第一百四十八条支付价款十倍赔偿金。"
    s.respondent_says = "对食品问题有异议，愿意承担医疗费用。"


def labour(s: Story) -> None:
    r = s.r
    variant = r.choices(("wages", "group", "dismissal", "injury"), (45, 15, 25, 15))[0]
    s.dispute_type = "10" if variant != "injury" or r.random() < 0.7 else "06"
    if r.random() < 0.2 and variant in ("wages", "group"):
        boss = s.person("respondent", age=(30, 60), occupation="包工头")
    else:
        boss = s.org("respondent", "company:labour")
    a = s.person("applicant", age=(19, 60), occupation=r.choice(("务工人员", "企业职工", "建筑工人")), reuse=0.03)
    job = r.choice(("木工", "钢筋工", "操作工", "仓管员", "驾驶员", "电焊工", "保洁员", "厨师"))
    start = s.before(120, 900)
    if variant == "group":
        s.group_size = r.randint(6, 80)
        for _ in range(r.randint(1, 3)):
            s.person("applicant", age=(20, 60), occupation="建筑工人")
        s.amount = s.draw_amount(4000 * s.group_size, 0.5, 20000, 3000000)
        s.summary = (f"{a}等{s.group_size}名工人在{boss}承包的{s.town}{r.choice(('安置房', '厂房', '道路', '学校'))}"
                     f"项目务工，工程结束后{boss}拖欠工资共计{s.amount}元未付。工人多次讨要未果，推选代表申请调解。")
        s.requests = [f"请求{boss}支付拖欠的工资共计人民币{s.amount}元"]
        s.matter = "追索劳动报酬（群体）"
    elif variant == "wages":
        months = r.randint(1, 6)
        s.amount = s.draw_amount(5200 * months, 0.4, 1500, 120000)
        s.summary = (f"{a}自{cn_date(start)}起在{boss}从事{job}工作，"
                     f"{r.choice(('双方签订了书面劳动合同', '双方未签订书面劳动合同'))}。{a}离职后，{boss}以"
                     f"{r.choice(('资金周转困难', '工作未交接完毕', '对方违反公司制度'))}为由拖欠其{months}个月工资共计{s.amount}元。")
        s.requests = [f"请求{boss}支付拖欠工资人民币{s.amount}元"]
        s.matter = "追索劳动报酬"
    elif variant == "dismissal":
        s.amount = s.draw_amount(30000, 0.6, 3000, 300000)
        s.summary = (f"{a}自{cn_date(start)}起在{boss}从事{job}工作。{cn_date(s.before(3, 40))}，{boss}以"
                     f"{r.choice(('经营调整', '严重违反规章制度', '不能胜任工作'))}为由解除劳动合同。"
                     f"{a}认为系违法解除，要求支付赔偿金；{boss}认为解除合法。")
        s.requests = [f"请求{boss}支付违法解除劳动合同赔偿金人民币{s.amount}元", "请求补缴社会保险费"]
        s.matter = "解除劳动合同赔偿"
    else:
        s.amount = s.draw_amount(90000, 0.6, 10000, 800000)
        s.summary = (f"{a}在{boss}工作期间，于{cn_date(s.before(60, 400))}作业时受伤，已被认定为工伤，"
                     f"经劳动能力鉴定为{r.choice(('九级', '十级', '八级'))}伤残。双方就一次性伤残补助金、"
                     f"一次性工伤医疗补助金和就业补助金的数额存在争议。")
        s.requests = [f"请求{boss}支付各项工伤保险待遇共计人民币{s.amount}元"]
        s.matter = "工伤保险待遇"
    s.pays = "支付"
    s.applicant_says = f"要求按法律规定足额支付{s.amount}元。"
    s.respondent_says = "承认部分欠款，但因资金困难要求分期支付。"


def environment(s: Story) -> None:
    r = s.r
    s.dispute_type = "09"
    company = s.org("respondent", "company:environment")
    a = s.person("applicant", age=(35, 78), occupation="农民")
    households = r.randint(3, 60)
    if households >= 10:
        s.group_size = households
        s.person("applicant", age=(35, 78), occupation="农民")
    what = r.choice(("生产噪声昼夜不停", "排放的废气有刺鼻气味", "废水流入农田灌溉渠", "粉尘污染严重",
                     "养殖废水直排溪流"))
    s.amount = s.draw_amount(3000 * households, 0.6, 3000, 600000) if r.random() < 0.8 else None
    s.summary = (f"{company}位于{s.town}{s.village}附近，{what}，影响周边{households}户村民的生产生活。"
                 f"村民代表{a}等多次向有关部门反映，要求企业停止侵害并赔偿损失。")
    s.requests = [f"请求{company}采取有效措施停止污染"]
    if s.amount:
        s.requests.append(f"请求{company}赔偿农作物及其他损失共计人民币{s.amount}元")
    s.remedy = "企业于三十日内完成污染防治设施整改，并接受村民代表监督"
    s.matter = "环境污染损害赔偿"
    s.applicant_says = "要求企业立即整改并赔偿损失。"
    s.respondent_says = "企业排放已达标，但愿意进一步整改并给予村民适当补偿。"


def land(s: Story) -> None:
    r = s.r
    a = s.person("applicant", age=(35, 80), occupation="农民", reuse=0.02)
    variant = r.choices(("boundary", "homestead", "compensation", "forest"), (30, 25, 30, 15))[0]
    if variant == "compensation":
        s.dispute_type = "08"
        b = s.org("respondent", "village")
        s.amount = s.draw_amount(60000, 0.7, 5000, 800000)
        s.summary = (f"因{r.choice(('高速公路', '工业园区', '安置小区', '县道拓宽'))}建设征收{s.town}{s.village}集体土地，"
                     f"{a}认为{b}在征地补偿款分配中未将其{r.choice(('外嫁女儿', '新生子女', '户籍迁回人员'))}列入分配名单，"
                     f"要求分配补偿款{s.amount}元。")
        s.requests = [f"请求{b}按同等标准分配征地补偿款人民币{s.amount}元"]
        s.matter = "征地补偿款分配"
        s.pays = "支付"
    else:
        s.dispute_type = {"boundary": "07", "homestead": "03", "forest": "07"}[variant]
        b = s.person("respondent", age=(35, 80), occupation="农民")
        thing = {"boundary": "承包地边界", "homestead": "宅基地界址", "forest": "山林权属"}[variant]
        s.amount = s.draw_amount(8000, 0.8, 1000, 100000) if r.random() < 0.5 else None
        s.summary = (f"{a}与{b}均系{s.town}{s.village}村民，双方因{thing}问题发生争议。{a}称{b}"
                     f"{r.choice(('建房时越界占用其宅基地', '耕作时越过田埂界线', '砍伐了其承包山林内的树木', '在其承包地上堆放建材'))}，"
                     f"双方多次争执。")
        s.requests = [f"请求确认{thing}并恢复原状"]
        if s.amount:
            s.requests.append(f"请求赔偿损失人民币{s.amount}元")
        s.remedy = f"双方按村委会测量的界址确认{thing}，{b}于十五日内恢复原状"
        s.matter = f"{thing}纠纷"
    s.applicant_says = "要求按原有界址和分配方案处理。"
    s.respondent_says = "对界址（分配）有不同意见，愿意在村干部见证下协商。"


def legal(s: Story) -> None:
    r = s.r
    variant = r.choices(("loan", "sale", "lease", "decoration", "execution", "family"), (35, 20, 12, 13, 10, 10))[0]
    a_org = r.random() < 0.15 and variant in ("sale", "lease")
    a = s.org("applicant", "company:legal") if a_org else s.person("applicant", age=(25, 70), reuse=0.02)
    b = s.org("respondent", "company:legal") if r.random() < 0.25 and variant != "family" else s.person(
        "respondent", age=(25, 70))
    court = "衢州市衢江区人民法院"
    ref = "委派诉前调解" if s.r.random() < 0.7 else "委托调解"
    if variant == "loan":
        s.dispute_type = "04"
        s.amount = s.draw_amount(80000, 0.9, 5000, 3000000)
        s.summary = (f"本案系{court}{ref}的民间借贷纠纷。{b}于{cn_date(s.before(200, 900))}向{a}借款{s.amount}元，"
                     f"约定{r.choice(('一年', '六个月', '两年'))}内归还，到期后经多次催讨未还。")
        s.requests = [f"请求{b}归还借款本金人民币{s.amount}元及相应利息"]
        s.matter = "民间借贷"
        s.pays = "归还"
    elif variant == "sale":
        s.dispute_type = "04"
        s.amount = s.draw_amount(50000, 0.9, 3000, 2000000)
        s.summary = (f"本案系{court}{ref}的买卖合同纠纷。{a}向{b}供应{r.choice(('建材', '农资', '电器', '钢材', '茶叶'))}，"
                     f"{b}尚欠货款{s.amount}元未付。")
        s.requests = [f"请求{b}支付货款人民币{s.amount}元"]
        s.matter = "买卖合同"
        s.pays = "支付"
    elif variant == "lease":
        s.dispute_type = "04"
        s.amount = s.draw_amount(20000, 0.7, 2000, 500000)
        s.summary = (f"本案系{court}{ref}的房屋租赁合同纠纷。{b}承租{a}位于{s.town}的{r.choice(('店面', '厂房', '住房'))}，"
                     f"拖欠租金{s.amount}元，双方对押金退还及装修损失亦有争议。")
        s.requests = [f"请求{b}支付拖欠租金人民币{s.amount}元", "请求解除租赁合同并腾退房屋"]
        s.matter = "房屋租赁合同"
        s.pays = "支付"
    elif variant == "decoration":
        s.dispute_type = "04"
        s.amount = s.draw_amount(30000, 0.7, 3000, 400000)
        s.summary = (f"本案系{court}{ref}的装饰装修合同纠纷。{a}将其住房交由{b}装修，完工后因"
                     f"{r.choice(('墙面开裂', '地板起拱', '卫生间渗漏'))}等质量问题拒付尾款，{b}要求支付工程款。")
        s.requests = [f"请求{b}返工维修并赔偿损失人民币{s.amount}元"]
        s.matter = "装饰装修合同"
    elif variant == "execution":
        s.dispute_type = "06"
        s.amount = s.draw_amount(100000, 0.8, 10000, 2000000)
        s.summary = (f"本案系{court}执行局委托调解的执行和解案件。生效判决确定{b}应向{a}支付{s.amount}元，"
                     f"{b}以无力一次性履行为由申请分期履行。")
        s.requests = [f"请求{b}履行生效判决确定的给付义务人民币{s.amount}元"]
        s.matter = "执行和解"
        s.pays = "支付"
    else:
        s.dispute_type = "01"
        s.amount = s.draw_amount(50000, 0.8, 5000, 600000) if r.random() < 0.6 else None
        s.summary = (f"本案系{court}{ref}的{r.choice(('离婚后财产', '赡养费', '抚养费', '继承'))}纠纷。{a}与{b}系"
                     f"{r.choice(('原夫妻', '父子', '母女', '兄弟'))}关系，双方对"
                     f"{r.choice(('房产分割', '赡养费负担', '子女抚养费数额', '遗产份额'))}存在争议。")
        s.requests = ["请求依法分割共同财产" if s.amount else "请求确定赡养（抚养）方式"]
        s.matter = "家事纠纷"
        s.remedy = "双方按约定方式履行赡养（抚养）义务，互不干涉"
    s.applicant_says = "要求对方按约定（判决）履行义务。"
    s.respondent_says = "承认基本事实，因经济困难请求减免部分款项并分期履行。"


def general(s: Story) -> None:
    r = s.r
    variant = r.choices(("neighbour", "family", "property", "contract", "house", "consumer", "internet", "tourism",
                         "ip", "other"), (25, 20, 15, 15, 10, 5, 3, 2, 1, 4))[0]
    s.dispute_type = {"neighbour": "02", "family": "01", "property": "15", "contract": "04", "house": "03",
                      "consumer": "12", "internet": "17", "tourism": "11", "ip": "16", "other": "99"}[variant]
    a = s.person("applicant", age=(25, 80), reuse=0.05)
    if variant == "property":
        b = s.org("respondent", "property")
        s.amount = s.draw_amount(3000, 0.8, 300, 50000)
        s.summary = (f"{a}系{b}服务的小区业主，因{r.choice(('车库进水受损', '小区车辆被刮', '电梯长期故障', '楼道堆放杂物'))}"
                     f"问题认为物业公司未尽管理义务，拒交物业费；{b}要求其补交物业费。")
        s.requests = [f"请求{b}赔偿损失人民币{s.amount}元"]
        s.matter = "物业服务"
    elif variant in ("consumer", "internet", "tourism"):
        b = s.org("respondent", r.choice(("company:general", "supermarket")))
        s.amount = s.draw_amount(2500, 0.9, 100, 60000)
        thing = {"consumer": "购买的家用电器出现质量问题", "internet": "通过网络平台购买的商品与描述不符",
                 "tourism": "参加旅游团行程被擅自变更"}[variant]
        s.summary = f"{a}{thing}，与{b}协商退换未果，要求退款并赔偿损失。"
        s.requests = [f"请求{b}退还价款并赔偿损失共计人民币{s.amount}元"]
        s.matter = "消费纠纷"
        s.pays = "退还"
    else:
        b = s.person("respondent", age=(25, 80), reuse=0.02)
        if variant == "neighbour":
            what = r.choice(("楼上漏水", "装修噪声", "排水管道堵塞", "通行道路被占", "树木遮挡采光", "饲养家禽扰邻"))
            s.amount = s.draw_amount(3000, 0.8, 200, 40000) if r.random() < 0.6 else None
            s.summary = (f"{a}与{b}系{s.town}{s.village}邻居，因{what}问题多次发生争吵，"
                         f"{'造成损失约' + str(s.amount) + '元，' if s.amount else ''}经村（社区）调解未果。")
            s.requests = [f"请求{b}停止侵害、排除妨碍"] + ([f"请求赔偿损失人民币{s.amount}元"] if s.amount else [])
            s.remedy = f"{b}于十日内排除妨碍，双方互谅互让、和睦相处"
            s.matter = "邻里纠纷"
        elif variant == "family":
            what = r.choice(("赡养老人", "婚后家庭矛盾", "分家析产", "子女抚养"))
            s.amount = s.draw_amount(20000, 0.9, 1000, 300000) if r.random() < 0.4 else None
            s.summary = f"{a}与{b}系{r.choice(('母子', '夫妻', '兄弟', '父女', '婆媳'))}关系，因{what}问题产生矛盾，双方关系紧张。"
            s.requests = [f"请求就{what}问题达成协议"]
            s.remedy = "双方按约定分担赡养（抚养）义务，互相尊重，和睦相处"
            s.matter = "婚姻家庭纠纷"
        elif variant == "house":
            s.amount = s.draw_amount(10000, 0.9, 1000, 200000) if r.random() < 0.5 else None
            s.summary = (f"{a}与{b}系{s.town}{s.village}相邻住户，{b}翻建房屋时"
                         f"{r.choice(('滴水檐伸入', '地基越界', '堵塞了原有通道'))}，{a}要求其整改，双方发生纠纷。")
            s.requests = ["请求对方停止施工并恢复原状"] + ([f"请求赔偿损失人民币{s.amount}元"] if s.amount else [])
            s.remedy = f"{b}按规划及双方确认的界址整改，恢复原有通道"
            s.matter = "相邻关系纠纷"
        else:
            s.amount = s.draw_amount(15000, 0.9, 500, 300000)
            s.summary = (f"{a}与{b}因{r.choice(('合伙经营', '借款', '买卖', '雇工报酬', '房屋装修'))}发生经济纠纷，"
                         f"{b}尚欠{a}{s.amount}元未付，经多次催讨未果。")
            s.requests = [f"请求{b}支付欠款人民币{s.amount}元"]
            s.matter = "债务纠纷"
            s.pays = "支付"
    s.applicant_says = "要求对方赔礼道歉并解决问题。"
    s.respondent_says = "认为事出有因，愿意在调解员主持下协商解决。"


BUILDERS = {
    "traffic": traffic, "medical": medical, "education": education, "safety": safety, "water": water,
    "food": food, "labour": labour, "environment": environment, "land": land, "legal": legal,
    "general": general,
}

# Words for outcomes, statements and follow-ups.
FAIL_REASONS = {
    "failed": "双方分歧较大，经多次调解未能达成协议，已告知当事人可依法申请仲裁或向人民法院起诉",
    "terminated": "一方当事人要求终止调解，本委员会依法终止调解并告知其他救济途径",
    "withdrawn": "申请人撤回调解申请",
    "refused": "被申请人明确表示拒绝调解（人民调解法第十七条）",
}
MEDICAL_EXPIRED = "调解期限届满未达成协议，视为调解不成（医疗纠纷预防和处理条例第三十八条）"
LABOUR_EXPIRED = "自收到调解申请之日起十五日内未达成协议，已告知当事人可依法申请劳动争议仲裁"
TRAFFIC_TERMINATED = "调解终止，已告知当事人可在终止之日起三日内共同书面申请公安机关交通管理部门调解"
RISK_NOTICE = "已告知当事人调解的性质、原则、效力以及在调解活动中享有的权利和承担的义务。"
FOLLOWUP_DONE = ("协议已全部履行，当事人表示满意", "款项已按约付清，双方关系缓和", "已履行完毕，未再发生纠纷")
FOLLOWUP_PART = ("已履行部分款项，剩余款项义务人承诺按期支付", "部分履行，已督促义务人按约履行")
FOLLOWUP_NONE = ("义务人尚未履行，已电话督促", "尚未履行，已告知权利人可申请司法确认后强制执行")
BAD_RATING_ANSWERS = ("已电话回访当事人，说明调解依据，当事人表示理解", "已协调义务人加快履行，并向当事人反馈",
                      "已约谈承办调解员，改进服务态度，并向当事人致歉")
PAYMENT_METHODS = (("transfer", 62), ("cash", 18), ("wechat", 12), ("alipay", 8))
