"""Non-English and UK-shaped exports read end to end into the right tree."""

from __future__ import annotations

from orgcheck.build import build_org
from orgcheck.columns import detect_columns
from orgcheck.read import read_table

LOGA = (
    "Kürzel;Titel;Vorname;Nachname;Stellenbezeichnung;Kostenstelle;Wochenstunden;Vorgesetzter\r\n"
    "ZIMÖZ;Prof. Dr.;Özlem;Zimmermann;Geschäftsführerin;471100;40,0;\r\n"
    "BAUDÖ;Dr.;Dörte;Baumann;Chief Product Officer;471101;38,5;ZIMÖZ\r\n"
    "MÜLMA;;Marius;Müller;Produktmanager;471101;40,0;BAUDÖ\r\n"
    "SCHLU;;Lukas;Schröder;Produktmanager;471101;40,0;BAUDÖ\r\n"
)

BREATHE = (
    "Title,First Name,Last Name,Position,Department,Line Manager\n"
    "Mr,Tomasz,Bauer,Chief Executive Officer,Executive,\n"
    "Ms,Hannah,Grant,Chief Product Officer,Product,Tomasz Bauer\n"
    "Dr,Diego,Kerr,VP of Product,Product,Hannah Grant\n"
    "Mx,Sam,Lund,Product Manager,Product,Diego Kerr\n"
    "Mrs,Ada,Nash,Product Manager,Product,Diego Kerr\n"
)


def _org(path):
    raw = read_table(path)
    columns = detect_columns(raw)
    return raw, columns, build_org(raw, columns)


def test_loga_kuerzel_is_the_id_managers_point_at(tmp_path):
    path = tmp_path / "loga.csv"
    path.write_bytes(LOGA.encode("cp1252"))
    _, columns, org = _org(path)
    assert columns["id"] == "Kürzel" and columns["title"] == "Stellenbezeichnung"
    assert org.source.manager_key == "id"
    assert not [f for f in org.data_findings if f.rule == "unknown-manager"]
    assert len(org.roots) == 1 and org.direct_reports.tolist() == [1, 2, 0, 0]


def test_uk_salutation_title_column_is_not_the_job_title(tmp_path):
    path = tmp_path / "breathe.csv"
    path.write_text(BREATHE)
    _, columns, org = _org(path)
    assert columns["title"] == "Position"
    assert "Product Manager" in set(org.people["title"])
    assert any("salutations" in n for n in org.source.notes)
