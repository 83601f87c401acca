"""Second-generation ID card readers (domain.md §9): read a card, fill the party's fields.

Two adapters behind one small interface (:class:`IdCardReader`):

* :class:`SimulatedReader` hands out a few invented cards in turn — tests, demo mode and PCs
  without a reader;
* :class:`TermbReader` drives the ``termb.dll`` SDK that 华视 (CVR-100 …) and several other
  vendors ship, through ctypes: ``CVR_InitComm(port)`` on USB port 1001, then serial ports
  COM1–COM16 → ``CVR_Authenticate()`` (finds and selects the card) → ``CVR_Read_Content(4)``
  → ``GetPeopleName(char* buf, int* len)`` and the other getters, strings in GBK →
  ``CVR_CloseComm()``. The SDK writes the decoded photo to ``zp.bmp`` beside the DLL (older
  versions: the working or temp directory).

The DLL is loaded only on Windows; this module imports anywhere. Everything between the DLL and
:class:`IdCardData` — port probing, retries, GBK decoding, dates, the photo — is plain Python that
takes the DLL as an object, so the tests drive it with a fake DLL on Linux.

The ID-card photo is sensitive personal information (PIPL Art.28): the SDK's ``zp.bmp`` and
``wz.txt`` are deleted as soon as they are read.

Calls block (the SDK waits on the device): run them through the GUI's task runner, one at a
time per reader.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from core.identifiers import check_resident_id, id_check_char
from core.messages import msg

# --- Data and errors -------------------------------------------------------------------------


@dataclass(frozen=True)
class IdCardData:
    name: str
    sex: str  # "M" / "F"
    ethnicity: str  # as printed on the card, without 族: "汉", "畲", "穿青人"
    birth_date: date
    address: str
    id_number: str
    issuing_authority: str
    valid_from: date | None
    valid_to: date | None  # None: 长期 (long-term)
    photo_bmp: bytes | None = field(default=None, repr=False)
    # Things reception must check by eye, e.g. a rare character the SDK could not give in GBK.
    warnings: tuple[str, ...] = ()


class IdCardError(Exception):
    """Base of the reader errors; ``str(error)`` is a Chinese message for the front desk."""


class ReaderNotFound(IdCardError):
    pass


class NoCard(IdCardError):
    pass


class ReadFailed(IdCardError):
    pass


@runtime_checkable
class IdCardReader(Protocol):
    def open(self) -> None: ...

    def read(self) -> IdCardData: ...

    def close(self) -> None: ...

    def __enter__(self) -> IdCardReader: ...

    def __exit__(self, *exc: object) -> None: ...


class _ReaderBase:
    def open(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- Simulator -------------------------------------------------------------------------------


def _invented_id(region: str, born: date, seq3: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{seq3:03d}"
    return first17 + id_check_char(first17)


def _placeholder_photo(width: int = 102, height: int = 126) -> bytes:
    """A 24-bit BMP the size of a decoded card photo (102×126): a grey head and shoulders on
    a light-blue ground, so demo mode has something to show."""
    row_size = (width * 3 + 3) & ~3
    pixels = bytearray()
    for y in range(height - 1, -1, -1):  # BMP rows run bottom-up
        row = bytearray()
        for x in range(width):
            head = ((x - width / 2) / 22) ** 2 + ((y - 48) / 28) ** 2 <= 1
            body = y >= 88 and ((x - width / 2) / 46) ** 2 + ((y - 132) / 44) ** 2 <= 1
            row += bytes((150, 150, 150) if head or body else (240, 220, 200))  # B, G, R
        pixels += row + bytes(row_size - len(row))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return header + info + bytes(pixels)


def sample_cards() -> list[IdCardData]:
    """Invented people with valid numbers (computed check characters), one of them with a
    rare-character name (𠮷) and one with a long-term (长期) card."""
    photo = _placeholder_photo()
    authority = "衢州市公安局衢江分局"
    return [
        IdCardData("张伟", "M", "汉", date(1985, 4, 12), "浙江省衢州市衢江区樟潭街道樟树潭村12号",
                   _invented_id("330803", date(1985, 4, 12), 13), authority,
                   date(2015, 6, 1), date(2035, 6, 1), photo),
        IdCardData("徐丽萍", "F", "畲", date(1978, 9, 30), "浙江省衢州市衢江区湖南镇破石村5组18号",
                   _invented_id("330821", date(1978, 9, 30), 24), authority,
                   date(2016, 3, 15), date(2036, 3, 15), photo),
        IdCardData("𠮷星宇", "M", "汉", date(2001, 12, 5),
                   "浙江省衢州市柯城区荷花街道荷三路67号3幢2单元401室",
                   _invented_id("330802", date(2001, 12, 5), 31), "衢州市公安局柯城分局",
                   date(2019, 8, 20), date(2029, 8, 20), photo),
        IdCardData("郑秀英", "F", "汉", date(1952, 2, 29), "浙江省衢州市衢江区廿里镇后溪村118号",
                   _invented_id("330821", date(1952, 2, 29), 46), authority,
                   date(2008, 10, 8), None, photo),
    ]


class SimulatedReader(_ReaderBase):
    """Cycles through ``cards`` (default: :func:`sample_cards`); an empty list means no card
    is ever on the reader."""

    def __init__(self, cards: Sequence[IdCardData] | None = None) -> None:
        self.cards = list(sample_cards() if cards is None else cards)
        self._next = 0
        self.is_open = False

    def open(self) -> None:
        self.is_open = True

    def read(self) -> IdCardData:
        if not self.is_open:
            raise ReadFailed(msg("读卡器未打开"))
        if not self.cards:
            raise NoCard(_NO_CARD)
        card = self.cards[self._next % len(self.cards)]
        self._next += 1
        return card

    def close(self) -> None:
        self.is_open = False


# --- termb.dll -------------------------------------------------------------------------------

USB_PORT = 1001
DEFAULT_PORTS: tuple[int, ...] = (USB_PORT, *range(1, 17))
CONTENT_ALL = 4  # CVR_Read_Content(4): text, photo and the rest
AUTH_OK, AUTH_NO_READER = 1, 4  # 2 and 3: finding / selecting the card failed (no card yet)

# Getter name → (IdCardData field, buffer size in bytes). Sizes leave room beyond the card's
# own field lengths (name 30, address 70 bytes in UCS-2) because some SDK versions pad.
GETTERS: tuple[tuple[str, str, int], ...] = (
    ("GetPeopleName", "name", 128),
    ("GetPeopleSex", "sex", 16),
    ("GetPeopleNation", "ethnicity", 32),
    ("GetPeopleBirthday", "birth_date", 32),
    ("GetPeopleAddress", "address", 256),
    ("GetPeopleIDCode", "id_number", 64),
    ("GetDepartment", "issuing_authority", 128),
    ("GetStartDate", "valid_from", 32),
    ("GetEndDate", "valid_to", 32),
)
PHOTO_FILE, TEXT_FILE = "zp.bmp", "wz.txt"

_NO_CARD = msg("未检测到身份证：请把身份证平放在读卡器感应区后再读")

# GB 3304-91 codes, for SDK versions that return the ethnicity as a number.
_ETHNICITIES = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
ETHNICITY_CODES: dict[str, str] = {
    **{f"{n:02d}": name for n, name in enumerate(_ETHNICITIES, start=1)},
    "97": "其他", "98": "外国血统中国籍人士",
}


def decode_sdk_text(raw: bytes, length: int | None = None) -> str:
    """A getter's output: the first ``length`` bytes (when the SDK reports a sensible length),
    up to the first NUL, decoded as GBK — read as GB 18030, its superset, so SDKs that emit
    four-byte sequences for rarer characters decode too — and stripped of padding."""
    if length is not None and 0 < length <= len(raw):
        raw = raw[:length]
    raw = raw.split(b"\x00", 1)[0]
    return raw.decode("gb18030", errors="replace").strip(" \t\r\n\u3000")


def parse_sdk_date(text: str, *, what: str, long_term_ok: bool = False) -> date | None:
    """``19900307`` / ``1990-03-07`` / ``1990年03月07日`` → date; ``长期`` → None where allowed."""
    if long_term_ok and ("长期" in text or text.strip() in ("", "00000000")):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) == 8:
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            pass
    raise ReadFailed(msg("{what}无法识别：“{text}”，请重新读卡或手工录入", what=what, text=text))


def parse_card(fields: dict[str, str], photo_bmp: bytes | None = None) -> IdCardData:
    """Turn the decoded getter strings (keys as in :data:`GETTERS`) into an :class:`IdCardData`."""
    name = fields.get("name", "")
    id_number = re.sub(r"\s", "", fields.get("id_number", "")).upper()
    if not name or not id_number:
        raise ReadFailed(msg("读到的身份证信息不完整（缺少姓名或号码），请把身份证拿开后重新放上"))
    warnings: list[str] = []
    if "?" in name or "\ufffd" in name:
        warnings.append(msg("姓名含读卡器无法显示的生僻字（显示为“?”），请对照证件手工改正"))
    check = check_resident_id(id_number)
    if not check.valid:
        warnings.append(msg("证件号码校验未通过：{error}", error=check.error))
    return IdCardData(
        name=name,
        sex=_sex(fields.get("sex", ""), check.sex),
        ethnicity=_ethnicity(fields.get("ethnicity", "")),
        birth_date=parse_sdk_date(fields.get("birth_date", ""), what=msg("出生日期")),  # type: ignore[arg-type]
        address=fields.get("address", ""),
        id_number=id_number,
        issuing_authority=fields.get("issuing_authority", ""),
        valid_from=parse_sdk_date(fields.get("valid_from", ""), what=msg("有效期起始日期"), long_term_ok=True),
        valid_to=parse_sdk_date(fields.get("valid_to", ""), what=msg("有效期截止日期"), long_term_ok=True),
        photo_bmp=photo_bmp,
        warnings=tuple(warnings),
    )


def _sex(text: str, from_number: str | None) -> str:
    text = text.strip()
    if text in ("男", "1", "M"):
        return "M"
    if text in ("女", "2", "F"):
        return "F"
    if from_number:
        return from_number
    raise ReadFailed(msg("性别无法识别：“{text}”，请重新读卡或手工录入", text=text))


def _ethnicity(text: str) -> str:
    text = text.strip()
    text = ETHNICITY_CODES.get(text, text)
    return text[:-1] if text.endswith("族") and len(text) > 1 else text


class TermbReader(_ReaderBase):
    """``termb.dll`` through ctypes. ``dll`` injects a stand-in object exposing the SDK's
    functions (tests); otherwise the DLL is loaded from ``dll_path`` (default: ``termb.dll`` on
    the DLL search path), only on Windows — elsewhere :class:`ReaderNotFound` is raised.

    ``photo_dirs``: where to look for the SDK's ``zp.bmp`` (default: the DLL's folder, the
    working directory, the temp directory)."""

    def __init__(
        self,
        dll_path: str | None = None,
        ports: Iterable[int] = DEFAULT_PORTS,
        *,
        dll: Any = None,
        photo_dirs: Iterable[str | os.PathLike] | None = None,
        auth_attempts: int = 4,
        retry_delay: float = 0.25,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.ports = tuple(ports)
        self.dll_path = dll_path
        self._dll = dll if dll is not None else load_termb(dll_path)
        if photo_dirs is None:
            dirs = [Path(dll_path).parent] if dll_path else []
            photo_dirs = [*dirs, Path.cwd(), Path(tempfile.gettempdir())]
        self.photo_dirs = [Path(d) for d in photo_dirs]
        self.auth_attempts = max(1, auth_attempts)
        self.retry_delay = retry_delay
        self._sleep = sleep
        self.port: int | None = None

    # -- connection -------------------------------------------------------------------
    def open(self) -> None:
        """Connect on the first port that answers: USB 1001 first, then COM1–COM16."""
        if self.port is not None:
            return
        for port in self.ports:
            if self._dll.CVR_InitComm(port) == 1:
                self.port = port
                return
        raise ReaderNotFound(msg(
            "未找到身份证阅读器：已尝试 USB 端口和串口 COM1–COM16。请检查读卡器的连接线和电源，"
            "并确认已安装厂商驱动"))

    def close(self) -> None:
        if self.port is not None:
            self.port = None
            self._dll.CVR_CloseComm()

    @property
    def port_label(self) -> str:
        if self.port is None:
            return "未连接"
        return f"USB（{self.port}）" if self.port >= 1001 else f"串口 COM{self.port}"

    # -- reading ----------------------------------------------------------------------
    def read(self) -> IdCardData:
        self.open()
        self._authenticate()
        self._remove_sdk_files()  # never hand out the previous person's photo
        started = time.time()
        code = self._dll.CVR_Read_Content(CONTENT_ALL)
        if code != 1:
            raise ReadFailed(msg("读取身份证信息失败（返回码 {code}）：请把身份证拿开后重新放上", code=code))
        fields = {key: self._get(fn, size) for fn, key, size in GETTERS}
        photo = self._take_photo(started)
        self._remove_sdk_files()
        return parse_card(fields, photo)

    def _authenticate(self) -> None:
        for attempt in range(self.auth_attempts):
            code = self._dll.CVR_Authenticate()
            if code == AUTH_OK:
                return
            if code == AUTH_NO_READER:
                self.port = None
                raise ReaderNotFound(msg("与身份证阅读器的连接已断开：请检查连接线后重试"))
            if attempt + 1 < self.auth_attempts:
                self._sleep(self.retry_delay)
        raise NoCard(_NO_CARD)

    def _get(self, function: str, size: int) -> str:
        buf = ctypes.create_string_buffer(size)
        length = ctypes.c_int(size)
        if getattr(self._dll, function)(buf, ctypes.pointer(length)) != 1:
            return ""
        return decode_sdk_text(buf.raw, length.value)

    def _take_photo(self, started: float) -> bytes | None:
        for folder in self.photo_dirs:
            path = folder / PHOTO_FILE
            try:
                if path.stat().st_mtime >= started - 2:
                    return path.read_bytes()
            except OSError:
                continue
        return None

    def _remove_sdk_files(self) -> None:
        for folder in self.photo_dirs:
            for name in (PHOTO_FILE, TEXT_FILE):
                # A read-only folder: the mtime check in _take_photo still guards the photo.
                with contextlib.suppress(OSError):
                    (folder / name).unlink(missing_ok=True)


def load_termb(dll_path: str | None = None) -> Any:
    """Load ``termb.dll`` with ctypes (Windows only) and declare the functions' signatures."""
    if sys.platform != "win32":
        raise ReaderNotFound(msg(
            "身份证阅读器驱动（termb.dll）只能在 Windows 上使用；本机请在设置中选择“模拟读卡器”"))
    path = dll_path or "termb.dll"
    try:
        dll = ctypes.WinDLL(path)  # type: ignore[attr-defined]  # stdcall, as the SDK declares
    except OSError as exc:
        bits = struct.calcsize("P") * 8
        raise ReaderNotFound(msg(
            "无法加载身份证阅读器驱动 {path}：请安装读卡器厂商的驱动，或在设置中填写 termb.dll 的完整路径"
            "（本程序为{bits}位，驱动也须为{bits}位）。详情：{error}", path=path, bits=bits, error=str(exc))) from exc
    c_int, c_char_p = ctypes.c_int, ctypes.c_char_p
    for name, argtypes in (("CVR_InitComm", (c_int,)), ("CVR_Authenticate", ()),
                           ("CVR_Read_Content", (c_int,)), ("CVR_CloseComm", ())):
        function = getattr(dll, name)
        function.argtypes, function.restype = argtypes, c_int
    for name, _key, _size in GETTERS:
        function = getattr(dll, name)
        function.argtypes, function.restype = (c_char_p, ctypes.POINTER(c_int)), c_int
    return dll


# --- Configuration and the intake form --------------------------------------------------------


def reader_from_settings(value: str | None) -> IdCardReader | None:
    """The reader named by the workstation's setting: ``simulator``, ``termb`` or
    ``termb:C:\\路径\\termb.dll``; ``none`` (or empty) for a desk without a reader. Raises
    ValueError (Chinese) for anything else and ReaderNotFound when the DLL cannot be loaded."""
    setting = (value or "").strip()
    kind, _, argument = setting.partition(":")
    kind = kind.strip().lower()
    if kind in ("", "none", "off"):
        return None
    if kind == "simulator":
        return SimulatedReader()
    if kind == "termb":
        return TermbReader(argument.strip() or None)
    raise ValueError(msg("未知的身份证阅读器设置：“{setting}”（可选 simulator、termb 或 termb:驱动路径）", setting=setting))


#: Per-PC override of the ``idcard_reader`` Setting (the reader is plugged into one desk).
ENV_READER = "TIAOJIE_IDCARD_READER"


def reader_setting(centre_setting: str | None) -> str:
    """The reader this PC uses: the environment's ``TIAOJIE_IDCARD_READER`` if set, else the
    centre-wide ``idcard_reader`` Setting."""
    import os

    return os.environ.get(ENV_READER) or (centre_setting or "")


def read_one_card(reader: IdCardReader | None) -> IdCardData:
    """Open the reader, read the card on it and close it again (the SDK keeps the port
    otherwise). Raises :class:`IdCardError` subclasses with Chinese messages."""
    if reader is None:
        raise ReaderNotFound(msg("本机未配置身份证阅读器：请管理员在系统设置 idcard_reader 中选择读卡器"
                                 "（termb 或 simulator），或手工录入"))
    with reader:
        return reader.read()


_KIND_TO_ID_TYPE = {"resident": "resident_id", "resident15": "resident_id",
                    "hk_permit": "hk_mo_permit", "mo_permit": "hk_mo_permit",
                    "tw_permit": "tw_permit", "foreign_pr": "foreign_pr"}


def to_party_fields(data: IdCardData) -> dict[str, Any]:
    """The intake form's person fields filled from a card. The ID type follows the number
    (a residence permit for Hong Kong/Macao/Taiwan residents reads like an ID card)."""
    kind = check_resident_id(data.id_number).kind
    ethnicity = data.ethnicity.strip()
    if ethnicity and not ethnicity.endswith(("族", "人")) and ethnicity not in ("其他", "外国血统中国籍人士"):
        ethnicity += "族"
    return {
        "name": data.name,
        "sex": data.sex,
        "ethnicity": ethnicity,
        "birth_date": data.birth_date,
        "id_type": _KIND_TO_ID_TYPE.get(kind or "", "resident_id"),
        "id_number": data.id_number,
        "address": data.address,
    }
