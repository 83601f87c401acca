"""Search as you type over the expert pool (core.expert_search): names, full pinyin and
initials (jjs → 姜金水), surnames with several readings, agencies, specialties, committees."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from core.expert_search import (
    ExpertIndex,
    SearchRow,
    Tier,
    name_readings,
    pack_readings,
    query_terms,
    unpack_readings,
)
from db.codes import COMMITTEE_SHORT, COMMITTEES


def _row(i: int, name: str, **kw) -> SearchRow:
    return SearchRow(id=i, name=name, **kw)


POOL = [
    _row(1, "姜金水", agency="衢州市衢江区卫生健康局", specialties=("医疗纠纷", "医患沟通"), committees=("medical",)),
    _row(2, "蒋剑峰", agency="衢江区交警大队", specialties=("交通事故责任认定",), committees=("traffic",)),
    _row(3, "金水生", agency="衢江区水利局", specialties=("水利工程",), committees=("water",)),
    _row(4, "姜金", former_agency="衢江区人民法院", title="退休法官", committees=("legal", "medical")),
    _row(5, "单丽", agency="浙江衢康律师事务所", kind="lawyer", specialties=("婚姻家庭",), committees=("general",)),
    _row(6, "曾国华", agency="衢州市人民医院", specialties=("外科",), committees=("medical",), active=False),
    _row(7, "解红", agency="衢江区人力资源和社会保障局", specialties=("劳动争议",), committees=("labour",)),
    _row(8, "王金水", agency="衢江区农业农村局", specialties=("农业技术",), committees=("land",)),
]


def _names(index: ExpertIndex, query: str, **filters) -> list[str]:
    return [index.row(i).name for i in index.search_ids(query, **filters)]


def test_initials_find_jiang_jinshui_first():
    index = ExpertIndex(POOL)
    assert _names(index, "jjs")[0] == "姜金水"
    assert _names(index, "JJS")[0] == "姜金水"
    assert _names(index, "ＪＪＳ")[0] == "姜金水"  # full-width letters from a Chinese IME


def test_full_pinyin_prefix_and_spaced_syllables():
    index = ExpertIndex(POOL)
    assert _names(index, "jiangjinshui") == ["姜金水"]
    assert set(_names(index, "jiangj")) == {"姜金水", "姜金", "蒋剑峰"}
    assert _names(index, "jiang jin shui")[0] == "姜金水"


def test_ranking_exact_name_then_prefix_then_initials_then_pinyin_then_parts():
    index = ExpertIndex(POOL)
    hits = index.search("姜金")
    assert [index.row(h.id).name for h in hits][:2] == ["姜金", "姜金水"]
    assert [h.tier for h in hits][:2] == [Tier.EXACT_NAME, Tier.NAME_PREFIX]
    # "金水": 金水生 starts with it, 姜金水 and 王金水 only contain it.
    assert _names(index, "金水")[0] == "金水生"
    assert set(_names(index, "金水")[1:]) == {"姜金水", "王金水"}
    # "js": initials of 金水生 (jss) and 姜… (jjs) do not start with js; jsh… pinyin does not exist;
    # 蒋剑峰 (jjf) neither — only 金水生 whose initials start with "js".
    assert _names(index, "js") == ["金水生"]


def test_tiers_order_initials_before_pinyin_before_other_text():
    rows = [_row(1, "江山", specialties=("jsx",)), _row(2, "金山"), _row(3, "焦时", agency="js")]
    index = ExpertIndex(rows)
    hits = index.search("js")
    by_name = {index.row(h.id).name: h.tier for h in hits}
    assert by_name["江山"] == Tier.INITIALS_EXACT
    assert by_name["金山"] == Tier.INITIALS_EXACT
    assert by_name["焦时"] == Tier.INITIALS_EXACT
    hits = index.search("jiao")
    assert [(index.row(h.id).name, h.tier) for h in hits] == [("焦时", Tier.PINYIN_PREFIX)]
    assert index.search("jsx")[0].tier == Tier.OTHER_PART


def test_heteronym_surnames_match_either_reading():
    index = ExpertIndex(POOL)
    for query in ("sl", "dl", "shanli", "danli"):
        assert _names(index, query) == ["单丽"], query
    for query in ("zgh", "cgh", "zengguohua", "cengguohua"):
        assert _names(index, query, active=None) == ["曾国华"], query
    for query in ("xh", "jh", "xiehong", "jiehong"):
        assert "解红" in _names(index, query), query


def test_name_readings_put_the_surname_reading_first():
    assert name_readings("姜金水") == (("jiangjinshui",), ("jjs",))
    pinyin, initials = name_readings("单丽")
    assert pinyin[0] == "shanli" and "danli" in pinyin
    assert initials[0] == "sl" and "dl" in initials
    # A rare character pypinyin does not know still gets a reading.
    assert name_readings("𠮷祥")[1][0] == "jx"


def test_agency_specialty_and_committee_substrings():
    index = ExpertIndex(POOL)
    assert _names(index, "卫生健康") == ["姜金水"]
    # Specialty 医患沟通, committee 医患 (the inactive 曾国华 only without the filter).
    assert set(_names(index, "医患", active=True)) == {"姜金水", "姜金"}
    assert set(_names(index, "medical", active=True)) == {"姜金水", "姜金"}
    assert set(_names(index, "medical")) == {"姜金水", "姜金", "曾国华"}
    assert _names(index, "退休法官") == ["姜金"]
    assert _names(index, "法院") == ["姜金"]  # former agency


def test_terms_are_anded():
    index = ExpertIndex(POOL)
    assert _names(index, "金 水利") == ["金水生"]
    assert _names(index, "j 交通") == ["蒋剑峰"]
    assert _names(index, "jjf 交通") == ["蒋剑峰"]
    assert _names(index, "jjs 水利") == []


def test_filters_and_the_empty_query_lists_everyone_in_pinyin_order():
    index = ExpertIndex(POOL)
    everyone = _names(index, "", active=None)
    assert len(everyone) == len(POOL)
    assert everyone[:3] == ["蒋剑峰", "姜金", "姜金水"]  # jiangjianfeng < jiangjin < jiangjinshui
    assert everyone == sorted(everyone, key=lambda n: name_readings(n)[0][0])
    assert "曾国华" not in _names(index, "", active=True)
    assert _names(index, "", kind="lawyer") == ["单丽"]
    assert _names(index, "", committee="labour") == ["解红"]
    assert _names(index, "   ") == _names(index, "")


def test_query_terms_split_on_spaces_and_chinese_punctuation():
    assert query_terms("  姜　金水、医患，JJS ") == ["姜", "金水", "医患", "jjs"]
    assert query_terms("lü") == ["lv"]
    assert query_terms("") == []


def test_stored_readings_are_packed_to_the_column_width():
    packed = pack_readings(["shanli", "danli", "chanli"], 12)
    assert packed == "shanli danli"
    assert unpack_readings(packed) == ("shanli", "danli")
    assert len(pack_readings(["a" * 30], 20)) == 20


# --- Properties -------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾单解姜蒋金"
GIVEN = "金水建国华平明伟军强勇福荣德祥兴旺民生根秀英兰芳珍凤琴梅丽娟红霞"
AGENCIES = ("衢江区卫生健康局", "衢江区人民法院", "衢州市人民医院", "浙江衢康律师事务所", "衢江区水利局", "")
SPECIALTIES = ("医疗纠纷", "交通事故", "劳动争议", "婚姻家庭", "水利工程", "土地征收")
COMMITTEE_CODES = ("medical", "traffic", "labour", "water", "land", "general")

names = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES),
                  st.text(alphabet=GIVEN, min_size=1, max_size=2))
rows_strategy = st.lists(
    st.tuples(names, st.sampled_from(AGENCIES), st.lists(st.sampled_from(SPECIALTIES), max_size=2),
              st.lists(st.sampled_from(COMMITTEE_CODES), max_size=2), st.booleans()),
    min_size=1, max_size=40,
).map(lambda items: [
    SearchRow(id=i + 1, name=n, agency=a, specialties=tuple(sp), committees=tuple(dict.fromkeys(c)), active=act)
    for i, (n, a, sp, c, act) in enumerate(items)
])


def _reference(rows: list[SearchRow], term: str) -> set[int]:
    """What a single term must match, written plainly."""
    out = set()
    for r in rows:
        pinyin, initials = name_readings(r.name)
        texts = [r.agency, r.former_agency, r.title, *r.specialties]
        for c in r.committees:
            texts += [c, COMMITTEE_SHORT[c], COMMITTEES[c][0]]
        if (r.name.startswith(term)
                or (term.isascii() and any(p.startswith(term) for p in (*pinyin, *initials)))
                or (not term.isascii() and term in r.name)
                or any(term in t.lower() for t in texts if t)):
            out.add(r.id)
    return out


@settings(max_examples=150, deadline=None)
@given(rows_strategy, st.data())
def test_every_expert_is_found_by_name_initials_and_pinyin(rows, data):
    index = ExpertIndex(rows)
    row = data.draw(st.sampled_from(rows))
    pinyin, initials = name_readings(row.name)
    for query in (row.name, initials[0], pinyin[0], initials[-1], pinyin[-1]):
        ids = index.search_ids(query)
        assert row.id in ids, query
    # The exact name is never beaten by anything but another expert of the same name.
    first = index.search(row.name)[0]
    assert index.row(first.id).name == row.name and first.tier == Tier.EXACT_NAME


@settings(max_examples=150, deadline=None)
@given(rows_strategy, st.text(alphabet="jwlzsghxadc金水医交衢局法", min_size=1, max_size=4))
def test_single_term_results_equal_the_plain_definition_without_duplicates(rows, term):
    index = ExpertIndex(rows)
    ids = index.search_ids(term)
    assert len(ids) == len(set(ids))
    assert set(ids) == _reference(rows, unicodedata.normalize("NFKC", term).lower())


@settings(max_examples=150, deadline=None)
@given(rows_strategy, st.text(alphabet="jwlzsghx金水医", min_size=2, max_size=5))
def test_typing_another_letter_only_narrows_the_results(rows, query):
    index = ExpertIndex(rows)
    for n in range(1, len(query)):
        assert set(index.search_ids(query[: n + 1])) <= set(index.search_ids(query[:n]))


@settings(max_examples=100, deadline=None)
@given(rows_strategy, st.sampled_from(["j", "金", "医", "w", "衢"]), st.sampled_from(["交通", "medical", "局", "l"]))
def test_a_second_term_keeps_only_experts_matching_both(rows, a, b):
    index = ExpertIndex(rows)
    both = set(index.search_ids(f"{a} {b}"))
    assert both <= set(index.search_ids(a)) | set(index.search_ids(a + b))
    assert both >= set(index.search_ids(a)) & set(index.search_ids(b))
