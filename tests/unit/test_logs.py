import json
import logging
import zipfile

from core.logs import export_diagnostics, log_dir, scrub, setup_logging


def test_personal_numbers_are_scrubbed():
    text = "保存失败：身份证 11010519491231002X 手机 13812345678 信用代码 91350100M000100Y43"
    cleaned = scrub(text)
    for secret in ("11010519491231002X", "13812345678", "91350100M000100Y43"):
        assert secret not in cleaned
    assert "保存失败" in cleaned
    assert scrub("case 42 at 09:30") == "case 42 at 09:30"


def test_logs_rotate_in_the_data_dir_and_diagnostics_hold_no_personal_data(tmp_path):
    path = setup_logging()
    assert path.parent == log_dir()
    logging.getLogger("test").error("登记失败 %s", "330802199001011234")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "330802199001011234" not in path.read_text("utf-8")
    out = export_diagnostics(tmp_path / "diag.zip", db_url="postgresql+psycopg://u:secret@10.0.0.5/tiaojie")
    with zipfile.ZipFile(out) as zf:
        about = json.loads(zf.read("about.json"))
        assert about["database_kind"] == "PostgreSQL"
        assert "secret" not in zf.read("about.json").decode()
        assert any(n.startswith("logs/") for n in zf.namelist())
