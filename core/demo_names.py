"""Invented people, places and organisations for the demo data (``tiaojie demo``).

Everything here is made up, except the names of the county's towns and of a few public bodies
(hospitals, courts, insurers' local branches), which are what a demo of this centre needs to look
plausible. Pools are plain tuples; the generator in :mod:`core.demo` draws from them with its own
seeded ``random.Random``.

Also the identifier builders the demo needs: GB 11643 resident ID numbers and GB 32100 unified
social credit codes with correct check characters, and pinyin initials for search.
"""

from __future__ import annotations

from functools import cache
from operator import mul

# --- People -------------------------------------------------------------------------------

# (surname, weight): national commonness tilted towards Quzhou (徐 毛 余 祝 姜 汪 郑 柴 占 …),
# with the 畲族 surnames 蓝 雷 钟.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 6), ("李", 4), ("张", 4.5), ("刘", 2.5), ("陈", 4), ("杨", 2.5), ("黄", 2), ("赵", 1.5),
    ("吴", 4), ("周", 4), ("徐", 6), ("孙", 1.2), ("马", 0.8), ("朱", 2), ("胡", 2.5), ("郭", 0.8),
    ("何", 1.5), ("高", 0.8), ("林", 1.5), ("罗", 0.8), ("郑", 3), ("梁", 0.5), ("谢", 0.8),
    ("宋", 0.7), ("唐", 0.8), ("许", 1), ("韩", 0.4), ("冯", 0.5), ("邓", 0.5), ("曹", 0.5),
    ("彭", 0.5), ("曾", 0.4), ("肖", 0.5), ("田", 0.4), ("董", 0.5), ("袁", 0.5), ("潘", 0.6),
    ("蒋", 0.8), ("蔡", 0.5), ("余", 3), ("杜", 0.6), ("叶", 2), ("程", 1.2), ("苏", 0.4),
    ("魏", 0.4), ("吕", 0.6), ("丁", 0.6), ("沈", 0.6), ("姚", 0.6), ("卢", 0.5), ("姜", 2.2),
    ("钟", 0.8), ("陆", 0.4), ("汪", 2.2), ("范", 0.5), ("金", 0.8), ("石", 0.4), ("夏", 0.4),
    ("方", 2), ("邹", 0.4), ("邱", 0.8), ("江", 1), ("雷", 0.6), ("陶", 0.3), ("顾", 0.3),
    ("毛", 3), ("龚", 1), ("邵", 1), ("钱", 0.4), ("严", 0.8), ("洪", 0.6), ("祝", 2.2),
    ("柴", 1.5), ("占", 1), ("童", 0.8), ("应", 0.6), ("傅", 0.6), ("翁", 0.4), ("詹", 0.8),
    ("鲍", 0.3), ("蓝", 0.4), ("华", 0.3), ("楼", 0.3), ("欧阳", 0.1), ("诸葛", 0.05),
    ("覃", 0.05), ("饶", 0.3),
)

# Rare surname outside the BMP (𠮷, a variant of 吉): a small share of people.
RARE_SURNAMES: tuple[str, ...] = ("𠮷",)

# Given-name characters by sex and generation (older people: 建国、秀英; younger: 梓轩、欣怡).
MALE_OLD = "建国华平明伟军强勇福荣德祥兴旺民生根水土金林松柏忠永春海东文志发财昌贵良友进正清卫红炳樟"
MALE_NEW = "伟强杰涛斌磊鹏飞超波浩宇轩俊博睿晨航凯鑫昊哲宏彬杰亮辰泽铭逸然子一嘉豪"
FEMALE_OLD = "秀英兰芳珍凤琴梅花娟红霞萍玉菊仙彩娥翠香云桂莲美丽素月金银"
FEMALE_NEW = "婷敏静丽艳娜燕慧雪洁莉琳颖倩佳欣怡晶悦琪涵萱梓妍诗雨可馨瑶思"

# Rare given-name characters (some outside the BMP or in CJK Extension A): the font fallback,
# the pinyin search and the database must all cope with them.
RARE_GIVEN = ("䶮", "堃", "喆", "犇", "淼", "昇", "玥", "彧", "赟", "㛃", "婞", "頔", "燊", "垚", "珺", "祎",
              "𡒄", "𪚥")

# Surnames read differently from the character's default reading (only as a surname: 区 in
# 衢江区 stays "qu").
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "覃": "qin", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai",
}
# Characters pypinyin does not know.
RARE_READINGS: dict[str, str] = {"𠮷": "ji", "𪚥": "zhe"}
COMPOUND_SURNAMES = frozenset(s for s, _ in SURNAMES if len(s) > 1)

ETHNICITIES: tuple[tuple[str, float], ...] = (
    ("汉族", 97.2), ("畲族", 1.4), ("回族", 0.3), ("苗族", 0.3), ("土家族", 0.3), ("布依族", 0.2),
    ("彝族", 0.1), ("壮族", 0.1), ("满族", 0.1),
)

OCCUPATIONS_LOCAL: tuple[tuple[str, float], ...] = (
    ("农民", 22), ("个体工商户", 10), ("企业职工", 18), ("务工人员", 10), ("退休人员", 8), ("驾驶员", 5),
    ("自由职业", 6), ("无业", 5), ("教师", 2), ("公司职员", 8), ("医务人员", 1),
    ("建筑工人", 3),
)

# (region code of the ID number, weight, place of the address or None for a Quzhou-county address)
# 330803 衢江区, 330821 the former 衢县 (people registered before 2001 keep it), 330802 柯城区,
# 330881 江山市, 330822 常山县, 330824 开化县, 330825 龙游县; the others are out-of-province
# migrant workers' home counties (贵州 江西 安徽 四川 河南 湖北 湖南 云南).
ID_REGIONS: tuple[tuple[str, float], ...] = (
    ("330803", 52), ("330821", 13), ("330802", 12), ("330881", 4), ("330825", 4), ("330822", 3),
    ("330824", 3), ("520221", 1.5), ("361127", 1.5), ("341623", 1.2), ("511623", 1.2),
    ("411526", 1.2), ("421127", 1), ("430524", 0.8), ("532128", 0.6),
)
QUZHOU_REGIONS = frozenset({"330803", "330821", "330802", "330881", "330825", "330822", "330824"})

# Towns of 衢江区 (real names) with invented villages / communities.
QUJIANG_TOWNS: tuple[tuple[str, float], ...] = (
    ("樟潭街道", 14), ("浮石街道", 12), ("廿里镇", 8), ("后溪镇", 7), ("莲花镇", 7), ("上方镇", 6),
    ("峡川镇", 4), ("全旺镇", 5), ("大洲镇", 5), ("湖南镇", 4), ("杜泽镇", 7), ("高家镇", 6),
    ("周家乡", 3), ("双桥乡", 2), ("太真乡", 2), ("岭洋乡", 2), ("举村乡", 2), ("黄坛口乡", 2),
)
URBAN_TOWNS = frozenset({"樟潭街道", "浮石街道"})
COMMUNITIES = ("振兴社区", "樟树潭社区", "衢江花园社区", "新城社区", "锦江社区", "浮石社区", "滨江社区",
               "沈家社区", "东迹社区", "南山社区")
ROADS = ("振兴中路", "锦绣路", "衢江大道", "浮石路", "东迹大道", "锦江路", "滨江路", "南山路", "樟潭路",
         "康乐路", "花园路", "文化路", "兴业路", "安仁路")
VILLAGE_STEMS = ("石门", "东岸", "西坞", "下山", "上洋", "前溪", "后垄", "新塘", "大路", "殿前", "枫林",
                 "竹园", "湖头", "塘边", "里山", "外田", "龙潭", "沙溪", "桥头", "樟树", "黄泥", "高峰",
                 "茶坪", "柳家", "徐家", "毛家", "余家", "祝家", "姜家", "郑家", "长坂", "杨林", "云溪",
                 "官塘", "青山", "周坞", "岭头", "梅岭", "潭口", "白沙")
OTHER_COUNTY_ADDRESSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "330802": ("浙江省衢州市柯城区", ("府山街道", "荷花街道", "花园街道", "信安街道", "双港街道", "白云街道", "航埠镇")),
    "330881": ("浙江省江山市", ("双塔街道", "虎山街道", "贺村镇", "清湖街道")),
    "330825": ("浙江省衢州市龙游县", ("龙洲街道", "东华街道", "湖镇镇", "詹家镇")),
    "330822": ("浙江省衢州市常山县", ("天马街道", "紫港街道", "球川镇")),
    "330824": ("浙江省衢州市开化县", ("华埠镇", "芹阳办事处", "池淮镇")),
}
QUJIANG_PREFIX = "浙江省衢州市衢江区"

# Mobile prefixes libphonenumber accepts as Chinese mobiles.
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178",
                   "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199")

# --- Organisations ------------------------------------------------------------------------

# (name, weight as a medical-dispute respondent)
HOSPITALS: tuple[tuple[str, float], ...] = (
    ("衢州市衢江区人民医院", 30), ("衢州市人民医院", 18), ("衢州市中医医院", 8), ("衢州市第二人民医院", 8),
    ("衢州市妇幼保健院", 5), ("衢州市衢江区中医医院", 8), ("衢州市衢江区妇幼保健院", 4),
    ("衢州市第三医院", 2), ("衢州市衢江区廿里镇中心卫生院", 3), ("衢州市衢江区杜泽镇中心卫生院", 3),
    ("衢州市衢江区莲花镇中心卫生院", 2), ("衢州市衢江区上方镇中心卫生院", 2),
    ("衢州市衢江区高家镇中心卫生院", 2), ("衢州市衢江区樟潭街道社区卫生服务中心", 2),
    ("衢州衢江仁安医院", 3), ("衢州康华口腔门诊部", 2),
)
PRIVATE_HOSPITALS = frozenset({"衢州衢江仁安医院", "衢州康华口腔门诊部"})

SCHOOLS: tuple[str, ...] = (
    "衢州市衢江区实验小学", "衢州市衢江区樟潭小学", "衢州市衢江区浮石小学", "衢州市衢江区廿里镇中心小学",
    "衢州市衢江区杜泽镇中心小学", "衢州市衢江区后溪镇中心小学", "衢州市衢江区莲花镇中心小学",
    "衢州市衢江区高家镇中心小学", "衢州市衢江区上方镇中心小学", "衢州市衢江区第一中学",
    "衢州市衢江区第二中学", "衢州市衢江区实验中学", "衢州市衢江区杜泽初级中学", "衢州市衢江区职业中专",
    "衢州市衢江区实验幼儿园", "衢州市衢江区樟潭幼儿园", "衢州市衢江区浮石幼儿园", "衢州市衢江区廿里镇中心幼儿园",
)
PRIVATE_SCHOOLS: tuple[str, ...] = (
    "衢州市衢江区启航培训学校", "衢州市衢江区博雅艺术培训学校", "衢州市衢江区星光幼儿园",
)

INSURERS: tuple[tuple[str, float], ...] = (
    ("中国人民财产保险股份有限公司衢州市分公司", 35),
    ("中国平安财产保险股份有限公司衢州中心支公司", 22),
    ("中国太平洋财产保险股份有限公司衢州中心支公司", 18),
    ("中华联合财产保险股份有限公司衢州中心支公司", 10),
    ("中国人寿财产保险股份有限公司衢州市中心支公司", 10),
    ("阳光财产保险股份有限公司衢州中心支公司", 5),
)

COMPANY_WORDS = ("恒达", "华隆", "鑫源", "瑞丰", "金桥", "新安", "东方", "宏远", "兴业", "永泰", "天宇", "博远",
                 "衢峰", "江达", "锦程", "泰和", "盛鑫", "汇通", "正阳", "信安", "万隆", "新衢", "润发", "嘉禾",
                 "顺达", "丰源", "宏发", "联创", "华信", "三江", "远航", "明泰", "凯利", "众诚", "立达")
# industry → committees that meet such companies as respondents
COMPANY_INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("建材", ("labour", "safety", "environment")),
    ("物流", ("labour", "traffic", "safety")),
    ("机械制造", ("labour", "safety")),
    ("纸业", ("labour", "safety", "environment")),
    ("食品", ("food", "labour")),
    ("化工", ("environment", "safety", "labour")),
    ("建筑工程", ("labour", "safety", "legal")),
    ("电子科技", ("labour", "legal")),
    ("木业", ("labour", "safety", "environment")),
    ("纺织", ("labour",)),
    ("汽车销售服务", ("legal", "general", "traffic")),
    ("石料", ("environment", "safety", "labour")),
    ("运输", ("traffic", "labour")),
    ("房地产开发", ("legal", "general", "land")),
    ("农业开发", ("land", "water", "labour")),
    ("家具", ("labour", "legal")),
    ("装饰工程", ("general", "legal", "labour")),
    ("生物科技", ("environment", "labour")),
)
PROPERTY_COMPANIES = ("衢州市衢江区锦绣物业服务有限公司", "衢州江城物业管理有限公司", "衢州市安居物业服务有限公司",
                      "浙江衢宁物业服务有限公司", "衢州市衢江区滨江物业管理有限公司")
RESTAURANT_STEMS = ("老衢州", "江南", "好再来", "阿强", "鸭头王", "农家乐", "兄弟", "小城", "福满楼", "乡味")
RESTAURANT_KINDS = ("饭店", "餐馆", "小吃店", "农家乐", "烧烤店")
SUPERMARKETS = ("衢州市衢江区万家福超市有限公司", "衢州市衢江区惠民超市", "衢州好又多商贸有限公司",
                "衢州市衢江区联华生鲜超市")
WATER_BODIES = ("衢州市衢江区乌溪江灌区管理所", "衢州市衢江区铜山源水库管理所", "衢州市衢江区塔底水库管理所",
                "衢州市衢江区杜泽水利站", "衢州市衢江区全旺水利站")
BANKS = ("浙江衢江农村商业银行股份有限公司樟潭支行", "浙江衢江农村商业银行股份有限公司杜泽支行")
INSURER_STAFF_TITLE = "理赔专员"

# --- Staff and the expert pool ------------------------------------------------------------

# (agency, how many, committees served, titles, specialties, share retired)
EXPERT_AGENCIES: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...], float], ...] = (
    ("衢州市衢江区卫生健康局", 7, ("medical",), ("副局长", "医政科科长", "主任科员", "疾控中心主任"),
     ("医疗纠纷", "医疗质量管理", "医患沟通", "医疗损害鉴定程序", "公共卫生"), 0.8),
    ("衢州市人民医院", 6, ("medical",), ("主任医师", "副主任医师", "主任护师"),
     ("普外科", "骨科", "妇产科", "心血管内科", "急诊医学", "神经外科", "儿科", "医学影像", "护理"), 0.35),
    ("衢州市中医医院", 4, ("medical",), ("主任中医师", "副主任中医师", "主任药师"),
     ("中医内科", "针灸推拿", "骨伤科", "药学"), 0.3),
    ("衢州市第二人民医院", 3, ("medical",), ("主任医师", "副主任医师"),
     ("麻醉科", "口腔科", "眼科", "泌尿外科"), 0.3),
    ("衢州市衢江区人民法院", 9, ("legal", "medical", "traffic", "general"), ("法官", "审判员", "副庭长", "庭长"),
     ("民事审判", "人身损害赔偿", "婚姻家庭", "合同纠纷", "执行", "司法确认", "劳动争议审判"), 0.85),
    ("衢州市公安局交通警察支队衢江大队", 7, ("traffic",), ("事故中队中队长", "事故处理民警", "副大队长"),
     ("交通事故责任认定", "事故损害赔偿", "车辆保险理赔", "道路交通安全"), 0.6),
    ("衢州市衢江区人力资源和社会保障局", 7, ("labour", "safety"), ("劳动保障监察员", "仲裁院院长", "仲裁员",
                                                           "劳动监察大队长"),
     ("劳动争议仲裁", "工伤认定", "欠薪处置", "社会保险", "劳动合同"), 0.5),
    ("衢州市衢江区水利局", 5, ("water",), ("高级工程师", "工程师", "水政监察大队长"),
     ("水利工程", "农田灌溉", "防汛抗旱", "水事纠纷", "河道管理"), 0.5),
    ("衢州市自然资源和规划局衢江分局", 6, ("land",), ("土地执法队长", "高级工程师", "不动产登记中心主任"),
     ("土地确权", "宅基地管理", "征地补偿", "林地权属", "不动产登记"), 0.5),
    ("衢州市生态环境局衢江分局", 5, ("environment",), ("环境监察员", "高级工程师", "监测站站长"),
     ("环境监测", "大气污染", "水污染", "噪声污染", "环境损害评估"), 0.4),
    ("衢州市衢江区市场监督管理局", 6, ("food", "general"), ("食品安全科科长", "执法队员", "高级工程师"),
     ("食品安全", "消费者权益保护", "产品质量", "价格争议", "特种设备"), 0.5),
    ("衢州市衢江区教育局", 6, ("education",), ("中学校长", "高级教师", "安全科科长", "心理健康教师"),
     ("学生伤害事故", "校园安全", "家校沟通", "心理辅导", "民办教育管理"), 0.6),
    ("衢州市衢江区应急管理局", 6, ("safety",), ("注册安全工程师", "安监执法大队长", "高级工程师"),
     ("安全生产事故", "工矿商贸安全", "事故调查", "危险化学品", "建筑施工安全"), 0.4),
    ("衢州市衢江区司法局", 4, ("general", "legal"), ("基层科科长", "司法所所长", "人民调解员"),
     ("人民调解", "法律援助", "社区矫正", "婚姻家庭"), 0.6),
    ("衢州市衢江区农业农村局", 3, ("land", "water"), ("农艺师", "高级农艺师"),
     ("农村土地承包", "农业技术", "畜禽养殖"), 0.3),
    ("衢州市衢江区住房和城乡建设局", 3, ("general", "safety"), ("物业科科长", "高级工程师"),
     ("物业管理", "房屋质量", "建筑工程"), 0.3),
    ("衢州市保险行业协会", 2, ("traffic",), ("理赔顾问", "精算师"),
     ("车险理赔", "人身伤残评定", "保险条款"), 0.0),
    ("衢州市衢江区总工会", 2, ("labour",), ("法律部部长", "劳动争议调解员"), ("职工维权", "劳动合同"), 0.5),
    ("衢州市衢江区信访局", 2, ("general",), ("接访科科长", "督查员"), ("信访化解", "群体性纠纷"), 0.5),
)

LAW_FIRMS = ("浙江衢正律师事务所", "浙江江衢律师事务所", "浙江明信律师事务所", "浙江樟潭律师事务所")
LEGAL_SERVICE_OFFICES = ("衢江区樟潭法律服务所", "衢江区廿里法律服务所", "衢江区杜泽法律服务所")
LAWYER_SPECIALTIES = ("婚姻家庭", "合同纠纷", "交通事故", "人身损害", "劳动争议", "公司法务", "房产纠纷",
                      "债权债务", "医疗纠纷", "土地征收")


# --- Pinyin -------------------------------------------------------------------------------


@cache
def char_pinyin(ch: str) -> str:
    """Toneless pinyin of one character ('' when unknown), for search-as-you-type."""
    if ch in RARE_READINGS:
        return RARE_READINGS[ch]
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    from pypinyin import Style, lazy_pinyin

    result = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    text = result[0] if result else ""
    return text if text.isascii() and text.isalpha() else ""


def _syllables(name: str, person: bool) -> list[str]:
    out = [char_pinyin(ch) for ch in name]
    if person and name and name[:2] not in COMPOUND_SURNAMES and name[0] in SURNAME_READINGS:
        out[0] = SURNAME_READINGS[name[0]]
    return out


def name_pinyin(name: str, *, person: bool = True) -> str:
    """Full pinyin without tones or spaces: 姜金水 → jiangjinshui, 曾伟 → zengwei (characters
    pypinyin does not know are skipped)."""
    return "".join(_syllables(name, person))


def name_initials(name: str, *, person: bool = True) -> str:
    """Initials for search: 姜金水 → jjs."""
    return "".join(p[0] for p in _syllables(name, person) if p)


# --- Identifiers --------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str, yyyymmdd: str, seq3: int) -> str:
    """An 18-character GB 11643 number; ``seq3`` odd for men, even for women."""
    first17 = f"{region}{yyyymmdd}{seq3:03d}"
    total = sum(map(mul, map(int, first17), _ID_WEIGHTS))
    return first17 + _ID_CHECK[total % 11]


def _org_code_check(code8: str) -> str:
    """GB 11714 check character of the 8-character organisation code inside a USCC."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(code8, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def uscc(prefix2: str, region: str, code8: str) -> str:
    """A GB 32100 unified social credit code: registration authority and kind (``prefix2``,
    e.g. 91 company, 12 public institution, 92 sole trader), region, organisation code with its
    GB 11714 check, and the GB 32100 check character."""
    first17 = f"{prefix2}{region}{code8}{_org_code_check(code8)}"
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]
