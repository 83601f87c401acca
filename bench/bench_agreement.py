"""Benchmark of the 调解协议书 (issue 5 item 10).

    python bench/bench_agreement.py [--runs 30] [--process-runs 5]

1. In-process, fonts already loaded: the agreement of a typical traffic case (three parties, an
   agent, ratios, two instalments) as one copy (2 pages) and as the parties + 1 copies the CLI
   prints — min / median over ``--runs``. Goal: the 2-page agreement ≤ 30 ms.
2. Whole processes: ``tiaojie print agreement NUMBER --out FILE.pdf`` (a fresh interpreter: imports,
   opening the SQLite database, reading the case, fonts, layout, writing) side by side with
   ``soffice --headless --convert-to pdf`` of a .docx holding the same text (a minimal OOXML file
   written here; python-docx is not needed). Goal: ≥ 3× faster. Skipped with a note when
   LibreOffice is not installed.

The database is a throwaway SQLite file made here with one such case.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def make_database(path: Path) -> str:
    """A SQLite database with one agreed traffic case; returns its number."""
    from sqlalchemy import select

    from core.case_numbers import allocate_case_number
    from core.database import open_database
    from core.uow import unit_of_work
    from db.models import Agreement, AgreementTerm, Case, CaseParty, Committee, Instalment, Party

    engine = open_database(f"sqlite:///{path}")
    with unit_of_work(engine) as session:
        committee_id = session.scalar(select(Committee.id).where(Committee.code == "traffic"))
        seq, number = allocate_case_number(session, committee_id, 2026)
        case = Case(number=number, year=2026, seq=seq, committee_id=committee_id, dispute_type="14",
                    source="application", status="agreed", summary="两车相撞，双方就赔偿协商未果。",
                    requests=["赔偿车辆损失"], received_on=date(2026, 11, 2),
                    received_at=datetime(2026, 11, 2, 9, 30), accepted_on=date(2026, 11, 3),
                    concluded_on=date(2026, 11, 12))
        session.add(case)
        session.flush()
        people = [
            Party(kind="person", name="张𠮷", sex="F", ethnicity="汉族", birth_date=date(1949, 12, 31),
                  id_type="resident_id", id_number="11010519491231002X", phone="13812345678",
                  address="浙江省衢州市衢江区樟潭街道樟树潭村5号"),
            Party(kind="person", name="刘䶮", sex="M", ethnicity="汉族", birth_date=date(1985, 3, 12),
                  id_type="resident_id", id_number="330803198503121230", phone="13900001111",
                  address="浙江省衢州市衢江区全旺镇殿前村202号", occupation="驾驶员"),
            Party(kind="organisation", name="中国人民财产保险股份有限公司衢州市分公司", uscc="91330800687667345J",
                  legal_representative="龚桂", address="浙江省衢州市柯城区锦江路321号", phone="0570-4730763"),
        ]
        session.add_all(people)
        session.flush()
        links = [CaseParty(case_id=case.id, party_id=p.id, role=r, position=i)
                 for i, (p, r) in enumerate(zip(people, ("applicant", "respondent", "third_party"), strict=True))]
        session.add_all(links)
        session.flush()
        agreement = Agreement(
            case_id=case.id, kind="written", amount=Decimal("12000.00"), formed_on=date(2026, 11, 10),
            effective_on=date(2026, 11, 12), last_due_on=date(2026, 12, 20), performance="银行转账，分两期支付",
            facts=("2026年10月30日8时许，刘䶮驾驶浙H号小型轿车沿樟潭街道滨江路由东向西行驶至樟树潭村路口时，"
                   "与张𠮷驾驶的电动自行车相撞，致张𠮷受伤、两车受损。经衢州市公安局交通警察支队衢江大队认定，"
                   "刘䶮负事故主要责任，张𠮷负次要责任。张𠮷经衢江区人民医院治疗，花费医疗费若干。"),
            matters="医疗费、误工费、护理费、交通费及车辆损失的赔偿数额",
            responsibilities=[{"case_party_id": links[0].id, "text": "承担事故次要责任", "ratio": "30"},
                              {"case_party_id": links[1].id, "text": "承担事故主要责任", "ratio": "70"},
                              {"case_party_id": links[2].id, "text": "在交强险责任限额内先行赔付", "ratio": "0"}])
        session.add(agreement)
        session.flush()
        terms = ["中国人民财产保险股份有限公司衢州市分公司在交强险责任限额内赔偿张𠮷医疗费、误工费等损失人民币8000元",
                 "刘䶮另行赔偿张𠮷车辆损失及其他损失共计人民币4000元",
                 "上述款项分两期支付：2026年11月20日前支付5000元，2026年12月20日前支付7000元",
                 "张𠮷收到全部款项后，双方就本次交通事故再无其他争议，互不追究",
                 "本协议履行过程中如有争议，双方可以申请人民调解委员会督促履行或者依法向人民法院起诉"]
        session.add_all(AgreementTerm(agreement_id=agreement.id, position=i, text=t) for i, t in enumerate(terms, 1))
        session.add_all([
            Instalment(agreement_id=agreement.id, due_on=date(2026, 11, 20), amount=Decimal("5000.00"),
                       payer_id=links[2].id, payee_id=links[0].id),
            Instalment(agreement_id=agreement.id, due_on=date(2026, 12, 20), amount=Decimal("7000.00"),
                       payer_id=links[1].id, payee_id=links[0].id)])
    engine.dispose()
    return number


def docx_of(lines: list[str], copies: int, path: Path) -> None:
    """A minimal .docx (OOXML) with ``lines`` as paragraphs, ``copies`` times, page breaks between."""
    def para(text: str) -> str:
        return (f'<w:p><w:r><w:rPr><w:rFonts w:eastAsia="Droid Sans Fallback"/><w:sz w:val="24"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')

    body = []
    for i in range(copies):
        if i:
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        body.extend(para(line) for line in lines)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) +
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1247" '
                'w:left="1418" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def _timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def _timed_process(cmd: list[str], runs: int, **kw) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system, the child and its children) seconds of ``runs`` runs.
    CPU time is what a busy machine does not inflate."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=600, **kw)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--process-runs", type=int, default=5)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-agreement-"))
    try:
        return _run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(args, tmp: Path) -> int:
    os.environ["TIAOJIE_DATA_DIR"] = str(tmp / "data")
    db = tmp / "bench.sqlite3"
    number = make_database(db)
    url = f"sqlite:///{db}"

    from core.agreements import agreement_data
    from core.database import open_database
    from core.documents.case_docs import agreement_pdf
    from core.documents.fonts import preload
    from core.uow import read_only

    engine = open_database(url)
    with read_only(engine) as session:
        from core.dossier import find_case_id

        data = agreement_data(session, find_case_id(session, number))
    preload(rare=True)
    agreement_pdf(data, copies=1)  # warm caches
    one = agreement_pdf(data, copies=1)
    full = agreement_pdf(data)
    one_pages, full_pages = _pages(one), _pages(full)
    t_one, c_one = _timed(lambda: agreement_pdf(data, copies=1), args.runs)
    t_full, c_full = _timed(lambda: agreement_pdf(data), max(5, args.runs // 3))
    ms = 1000.0
    print(f"{'in-process (fonts loaded)':52s} {'pages':>5s} {'wall min':>9s} {'median':>8s} {'CPU min':>8s}")
    print("-" * 87)
    for name, pages, wall, cpu in (("agreement, one copy", one_pages, t_one, c_one),
                                   (f"agreement, {data.copies} copies (parties + 1)", full_pages, t_full, c_full)):
        print(f"{name:52s} {pages:5d} {min(wall) * ms:9.1f} {statistics.median(wall) * ms:8.1f} {min(cpu) * ms:8.1f}")
    print(f"goal: {one_pages}-page agreement <= 30 ms: {'met' if min(t_one) * ms <= 30 else 'NOT met'}\n")

    out = tmp / "cli.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as on a user's PC (bench_startup.py)
    cli = [sys.executable, "-m", "desktop", "--db", url, "print", "agreement", number, "--out", str(out)]
    subprocess.run(cli, check=True, cwd=ROOT, env=env, capture_output=True)  # warm the OS file cache
    w_cli, c_cli = _timed_process(cli, args.process_runs, cwd=ROOT, env=env)
    cli_pages = _pages(out.read_bytes())
    print(f"{'whole process':52s} {'pages':>5s} {'wall min':>9s} {'median':>8s} {'CPU min':>8s} {'median':>8s}")
    print("-" * 96)

    def row(name: str, pages: int, wall: list[float], cpu: list[float]) -> None:
        print(f"{name:52s} {pages:5d} {min(wall) * ms:9.0f} {statistics.median(wall) * ms:8.0f} "
              f"{min(cpu) * ms:8.0f} {statistics.median(cpu) * ms:8.0f}")

    row("tiaojie print agreement (new interpreter)", cli_pages, w_cli, c_cli)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice: LibreOffice is not installed on this machine — only our side is measured.")
        return 0
    # The .docx holds the same text as one copy of our agreement, repeated for every copy.
    (tmp / "one.pdf").write_bytes(one)
    text = subprocess.run(["pdftotext", "-layout", str(tmp / "one.pdf"), "-"], capture_output=True,
                          text=True).stdout if shutil.which("pdftotext") else "人民调解协议书"
    copy_lines = [ln.strip() for ln in text.splitlines() if ln.strip() and "\f" not in ln]
    docx = tmp / "agreement.docx"
    docx_of(copy_lines, data.copies, docx)
    profile = (tmp / "lo-profile").as_uri()
    lo = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
          str(tmp / "lo"), str(docx)]
    subprocess.run(lo, check=True, capture_output=True, timeout=600)  # first start creates the profile
    w_lo, c_lo = _timed_process(lo, args.process_runs)
    row("soffice --headless --convert-to pdf (same text .docx)", _pages((tmp / "lo" / "agreement.pdf").read_bytes()),
        w_lo, c_lo)
    wall_ratio = statistics.median(w_lo) / statistics.median(w_cli)
    cpu_ratio = statistics.median(c_lo) / statistics.median(c_cli)
    print(f"\nmedian soffice / tiaojie print: wall {wall_ratio:.1f}x, CPU {cpu_ratio:.1f}x "
          f"(goal >= 3x: {'met' if min(wall_ratio, cpu_ratio) >= 3 else 'NOT met'}; runs={args.process_runs}, "
          f"load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
