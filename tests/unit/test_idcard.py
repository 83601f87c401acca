"""ID card reader adapters (domain.md §9): the simulator, and the termb.dll adapter driven by a
fake DLL — port probing, retries, GBK decoding, dates, the photo and closing."""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.devices.idcard import (
    DEFAULT_PORTS,
    IdCardData,
    IdCardReader,
    NoCard,
    ReaderNotFound,
    ReadFailed,
    SimulatedReader,
    TermbReader,
    decode_sdk_text,
    parse_sdk_date,
    reader_from_settings,
    sample_cards,
    to_party_fields,
)
from core.identifiers import check_resident_id, id_check_char

ZHANG_ID = "330803199003070011"


def _id(first17: str) -> str:
    return first17 + id_check_char(first17)


def gbk_fields(**over: str) -> dict[str, bytes]:
    fields = {
        "GetPeopleName": "张伟",
        "GetPeopleSex": "男",
        "GetPeopleNation": "汉",
        "GetPeopleBirthday": "19900307",
        "GetPeopleAddress": "浙江省衢州市衢江区樟潭街道樟树潭村12号",
        "GetPeopleIDCode": _id(ZHANG_ID[:17]),
        "GetDepartment": "衢州市公安局衢江分局",
        "GetStartDate": "20150601",
        "GetEndDate": "20350601",
    } | over
    return {fn: text.encode("gbk") for fn, text in fields.items()}


class FakeTermb:
    """Stands in for termb.dll: the same function names, filling ctypes buffers like the SDK."""

    def __init__(self, fields: dict[str, bytes] | None = None, *, working_ports=(1001,),
                 auth_codes=(1,), read_code=1, photo_dir=None, photo: bytes | None = None):
        self.fields = gbk_fields() if fields is None else fields
        self.working_ports = set(working_ports)
        self.auth_codes = list(auth_codes)
        self.read_code = read_code
        self.photo_dir, self.photo = photo_dir, photo
        self.calls: list[tuple] = []

    def CVR_InitComm(self, port: int) -> int:
        self.calls.append(("CVR_InitComm", port))
        return 1 if port in self.working_ports else 2

    def CVR_Authenticate(self) -> int:
        self.calls.append(("CVR_Authenticate",))
        return self.auth_codes.pop(0) if len(self.auth_codes) > 1 else self.auth_codes[0]

    def CVR_Read_Content(self, active: int) -> int:
        self.calls.append(("CVR_Read_Content", active))
        if self.photo is not None:
            with open(os.path.join(self.photo_dir, "zp.bmp"), "wb") as f:
                f.write(self.photo)
        return self.read_code

    def CVR_CloseComm(self) -> int:
        self.calls.append(("CVR_CloseComm",))
        return 1

    def __getattr__(self, name: str):
        if not name.startswith("Get"):
            raise AttributeError(name)

        def getter(buf, length_ptr) -> int:
            self.calls.append((name,))
            data = self.fields.get(name)
            if data is None:
                return 0
            n = min(len(data), len(buf) - 1)
            ctypes.memmove(buf, data, n)
            buf[n] = b"\x00"
            length_ptr.contents.value = n
            return 1

        return getter

    def called(self, name: str) -> list[tuple]:
        return [c for c in self.calls if c[0] == name]


def reader(dll: FakeTermb, tmp_path, **kwargs) -> TermbReader:
    sleeps: list[float] = []
    r = TermbReader(dll=dll, photo_dirs=[tmp_path], sleep=sleeps.append, **kwargs)
    r.sleeps = sleeps  # type: ignore[attr-defined]
    return r


# --- termb adapter ---------------------------------------------------------------------------


def test_reads_and_decodes_gbk_fields(tmp_path):
    card = reader(FakeTermb(), tmp_path).read()
    assert card.name == "张伟"
    assert card.sex == "M"
    assert card.ethnicity == "汉"
    assert card.birth_date == date(1990, 3, 7)
    assert card.address == "浙江省衢州市衢江区樟潭街道樟树潭村12号"
    assert card.id_number == _id(ZHANG_ID[:17])
    assert card.issuing_authority == "衢州市公安局衢江分局"
    assert (card.valid_from, card.valid_to) == (date(2015, 6, 1), date(2035, 6, 1))
    assert card.photo_bmp is None
    assert card.warnings == ()


def test_long_term_validity_is_none(tmp_path):
    dll = FakeTermb(gbk_fields(GetPeopleName="郑秀英", GetPeopleSex="女", GetEndDate="长期",
                               GetPeopleIDCode=_id("33082119520229046")))
    card = reader(dll, tmp_path).read()
    assert card.valid_to is None
    assert card.sex == "F"
    assert card.name == "郑秀英"


def test_order_of_calls_follows_the_sdk(tmp_path):
    dll = FakeTermb()
    with reader(dll, tmp_path) as r:
        r.read()
    names = [c[0] for c in dll.calls]
    assert names[:3] == ["CVR_InitComm", "CVR_Authenticate", "CVR_Read_Content"]
    assert dll.called("CVR_Read_Content") == [("CVR_Read_Content", 4)]
    assert names[-1] == "CVR_CloseComm"
    assert {"GetPeopleName", "GetPeopleSex", "GetPeopleNation", "GetPeopleBirthday", "GetPeopleAddress",
            "GetPeopleIDCode", "GetDepartment", "GetStartDate", "GetEndDate"} <= set(names)


def test_usb_port_1001_first_then_serial_ports_in_order(tmp_path):
    dll = FakeTermb(working_ports=(3,))
    r = reader(dll, tmp_path)
    r.open()
    assert [c[1] for c in dll.called("CVR_InitComm")] == [1001, 1, 2, 3]
    assert r.port == 3
    assert r.port_label == "串口 COM3"
    r.open()  # already open: no new probing
    assert len(dll.called("CVR_InitComm")) == 4


def test_usb_reader_answers_at_once(tmp_path):
    dll = FakeTermb(working_ports=(1001, 1))
    r = reader(dll, tmp_path)
    r.open()
    assert dll.called("CVR_InitComm") == [("CVR_InitComm", 1001)]
    assert r.port_label == "USB（1001）"


def test_no_reader_on_any_port(tmp_path):
    dll = FakeTermb(working_ports=())
    with pytest.raises(ReaderNotFound, match="未找到身份证阅读器"):
        reader(dll, tmp_path).open()
    assert [c[1] for c in dll.called("CVR_InitComm")] == list(DEFAULT_PORTS)
    assert (1001, *range(1, 17)) == DEFAULT_PORTS
    assert dll.called("CVR_CloseComm") == []


def test_no_card_after_retries(tmp_path):
    dll = FakeTermb(auth_codes=(2,))
    r = reader(dll, tmp_path, auth_attempts=4, retry_delay=0.5)
    with pytest.raises(NoCard, match="未检测到身份证"):
        r.read()
    assert len(dll.called("CVR_Authenticate")) == 4
    assert r.sleeps == [0.5, 0.5, 0.5]  # between attempts, not after the last
    assert dll.called("CVR_Read_Content") == []
    r.close()
    assert len(dll.called("CVR_CloseComm")) == 1


def test_card_found_on_a_later_attempt(tmp_path):
    dll = FakeTermb(auth_codes=(2, 3, 1))
    card = reader(dll, tmp_path, auth_attempts=4).read()
    assert card.name == "张伟"
    assert len(dll.called("CVR_Authenticate")) == 3


def test_reader_unplugged_during_authentication(tmp_path):
    dll = FakeTermb(auth_codes=(4,))
    r = reader(dll, tmp_path)
    with pytest.raises(ReaderNotFound, match="连接已断开"):
        r.read()
    assert r.port is None


def test_read_content_failure(tmp_path):
    with pytest.raises(ReadFailed, match="返回码 0"):
        reader(FakeTermb(read_code=0), tmp_path).read()


def test_missing_name_is_a_failed_read(tmp_path):
    fields = gbk_fields()
    del fields["GetPeopleName"]
    with pytest.raises(ReadFailed, match="不完整"):
        reader(FakeTermb(fields), tmp_path).read()


def test_close_is_called_once_by_the_context_manager(tmp_path):
    dll = FakeTermb()
    with reader(dll, tmp_path) as r:
        r.read()
        r.read()
    assert len(dll.called("CVR_CloseComm")) == 1
    r.close()  # closing twice does not call the SDK again
    assert len(dll.called("CVR_CloseComm")) == 1
    assert len(dll.called("CVR_InitComm")) == 1


def test_close_without_open_does_not_touch_the_sdk(tmp_path):
    dll = FakeTermb()
    reader(dll, tmp_path).close()
    assert dll.calls == []


def test_photo_is_read_then_deleted(tmp_path):
    photo = b"BM" + b"\x00" * 100
    dll = FakeTermb(photo_dir=tmp_path, photo=photo)
    card = reader(dll, tmp_path).read()
    assert card.photo_bmp == photo
    assert not (tmp_path / "zp.bmp").exists()  # PIPL Art.28: the photo does not stay on disk


def test_stale_photo_of_the_previous_person_is_not_used(tmp_path):
    (tmp_path / "zp.bmp").write_bytes(b"BM previous person")
    (tmp_path / "wz.txt").write_bytes(b"previous")
    card = reader(FakeTermb(), tmp_path).read()
    assert card.photo_bmp is None
    assert not (tmp_path / "zp.bmp").exists()
    assert not (tmp_path / "wz.txt").exists()


def test_rare_character_lost_in_gbk_gives_a_warning(tmp_path):
    dll = FakeTermb(gbk_fields(GetPeopleName="?星宇"))
    card = reader(dll, tmp_path).read()
    assert card.name == "?星宇"
    assert any("生僻字" in w for w in card.warnings)


def test_ethnicity_as_code_or_with_zu(tmp_path):
    assert reader(FakeTermb(gbk_fields(GetPeopleNation="22")), tmp_path).read().ethnicity == "畲"
    assert reader(FakeTermb(gbk_fields(GetPeopleNation="汉族")), tmp_path).read().ethnicity == "汉"


def test_sex_falls_back_to_the_id_number(tmp_path):
    card = reader(FakeTermb(gbk_fields(GetPeopleSex="")), tmp_path).read()
    assert card.sex == "M"  # 17th digit odd


def test_invalid_check_character_is_flagged(tmp_path):
    number = ZHANG_ID[:17] + ("0" if id_check_char(ZHANG_ID[:17]) != "0" else "1")
    card = reader(FakeTermb(gbk_fields(GetPeopleIDCode=number)), tmp_path).read()
    assert any("校验" in w for w in card.warnings)


# --- decoding helpers --------------------------------------------------------------------------


def test_decode_sdk_text_length_nul_and_padding():
    raw = "张伟".encode("gbk") + b"  \x00garbage"
    assert decode_sdk_text(raw) == "张伟"
    assert decode_sdk_text(raw, 4) == "张伟"
    assert decode_sdk_text(raw, 0) == "张伟"  # nonsense length: up to the NUL
    assert decode_sdk_text(raw, 999) == "张伟"
    assert decode_sdk_text("　地址　".encode("gbk")) == "地址"  # full-width padding


def test_decode_reads_gb18030_four_byte_characters():
    assert decode_sdk_text("𠮷星宇".encode("gb18030")) == "𠮷星宇"


@given(st.binary(max_size=200), st.one_of(st.none(), st.integers(-5, 300)))
def test_decode_never_raises(raw, length):
    assert isinstance(decode_sdk_text(raw, length), str)


@pytest.mark.parametrize("text, expected", [
    ("19900307", date(1990, 3, 7)),
    ("1990-03-07", date(1990, 3, 7)),
    ("1990.03.07", date(1990, 3, 7)),
    ("1990年03月07日", date(1990, 3, 7)),
    ("19520229", date(1952, 2, 29)),
])
def test_parse_sdk_date(text, expected):
    assert parse_sdk_date(text, what="出生日期") == expected


def test_parse_sdk_date_long_term_and_errors():
    assert parse_sdk_date("长期", what="有效期截止日期", long_term_ok=True) is None
    with pytest.raises(ReadFailed, match="出生日期无法识别"):
        parse_sdk_date("长期", what="出生日期")
    with pytest.raises(ReadFailed, match="出生日期无法识别"):
        parse_sdk_date("19900230", what="出生日期")


# --- simulator ---------------------------------------------------------------------------------


def test_simulator_cycles_through_valid_invented_cards():
    cards = sample_cards()
    with SimulatedReader() as r:
        seen = [r.read() for _ in range(len(cards) + 1)]
    assert seen[: len(cards)] == cards
    assert seen[-1] == cards[0]
    for card in cards:
        check = check_resident_id(card.id_number)  # GB 11643 check character (domain.md §7)
        assert check.valid, card
        assert check.birth_date == card.birth_date
        assert check.sex == card.sex
    assert any(any(ord(ch) > 0xFFFF for ch in c.name) for c in cards)  # 𠮷: rare, non-BMP
    assert any(c.valid_to is None for c in cards)  # 长期
    assert isinstance(r, IdCardReader)


def test_simulator_photo_is_a_card_sized_bmp():
    photo = sample_cards()[0].photo_bmp
    assert photo[:2] == b"BM"
    size, = struct.unpack_from("<I", photo, 2)
    width, height, _planes, bits = struct.unpack_from("<iiHH", photo, 18)
    assert (size, width, height, bits) == (len(photo), 102, 126, 24)


def test_simulator_without_cards_and_unopened():
    with SimulatedReader([]) as r, pytest.raises(NoCard):
        r.read()
    with pytest.raises(ReadFailed, match="未打开"):
        SimulatedReader().read()


# --- settings and the intake form ------------------------------------------------------------


def test_reader_from_settings():
    assert isinstance(reader_from_settings("simulator"), SimulatedReader)
    assert isinstance(reader_from_settings(" Simulator "), SimulatedReader)
    assert reader_from_settings("none") is None
    assert reader_from_settings("") is None
    with pytest.raises(ValueError, match="未知的身份证阅读器设置"):
        reader_from_settings("usbkey")


@pytest.mark.skipif(sys.platform == "win32", reason="the DLL loads on Windows")
def test_termb_outside_windows_is_a_clear_error():
    with pytest.raises(ReaderNotFound, match="只能在 Windows 上使用"):
        TermbReader()
    with pytest.raises(ReaderNotFound, match="只能在 Windows 上使用"):
        reader_from_settings(r"termb:C:\Program Files\CVR\termb.dll")


def test_to_party_fields():
    card = sample_cards()[1]
    fields = to_party_fields(card)
    assert fields == {
        "name": "徐丽萍", "sex": "F", "ethnicity": "畲族", "birth_date": date(1978, 9, 30),
        "id_type": "resident_id", "id_number": card.id_number,
        "address": "浙江省衢州市衢江区湖南镇破石村5组18号",
    }


def test_to_party_fields_ethnicity_and_permit_type():
    base = sample_cards()[0]
    permit = _id("81000019900307002")  # Hong Kong residents' residence permit
    assert to_party_fields(replace(base, ethnicity="汉族"))["ethnicity"] == "汉族"
    assert to_party_fields(replace(base, ethnicity="穿青人"))["ethnicity"] == "穿青人"
    assert to_party_fields(replace(base, id_number=permit))["id_type"] == "hk_mo_permit"
    assert isinstance(base, IdCardData)
