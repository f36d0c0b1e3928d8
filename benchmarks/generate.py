"""Generate the benchmark orgs: 10k, 100k and 1M people, as CSV and as Excel-style XLSX.

    python benchmarks/generate.py [--sizes 10k,100k,1m] [--force]

Files go to benchmarks/out/ (git-ignored) as ``org_<size>.csv`` and ``org_<size>.xlsx``
and are reused when they already exist (the 1M workbook takes a minute or two). The
org shape is the enterprise shape of the samples (scripts/orgshape.py), split into
business units above 6,000 people; seeded, so every machine gets the same files.

The columns are a Workday report-as-a-service export with both a manager id and a
manager name, which is what large HR files look like and makes the reader choose.
The XLSX is written as Excel writes it (shared strings table, numbers as numbers,
dates as serials with a date format); openpyxl would write inline strings instead.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

from orgshape import OrgShape, build_enterprise  # noqa: E402
from xlsxout import write_xlsx  # noqa: E402

OUT = HERE / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
HEADER = [
    "Employee ID",
    "Full Name",
    "Business Title",
    "Manager ID",
    "Manager Name",
    "Department",
    "Location",
    "Hire Date",
    "Work Email",
    "Employment Status",
]


def parse_sizes(text: str) -> list[str]:
    """``"10k,100k"`` -> ``["10k", "100k"]``, rejecting sizes the generator does not make."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        raise SystemExit(f"unknown size(s) {unknown}; choose from {', '.join(SIZES)}")
    return names


def paths(size: str) -> tuple[Path, Path]:
    return OUT / f"org_{size}.csv", OUT / f"org_{size}.xlsx"


def rows(n: int, seed: int = 7) -> list[list]:
    """The people of an ``n``-person company as export rows (typed: ints and dates)."""
    shape = OrgShape(seed=seed, rich_names=True, start=date(2004, 1, 1))
    build_enterprise(shape, n)
    shape.retire(0.02)
    shape.number(first_id=1_000_001)
    emails = shape.emails("acme-corp.example")
    out = []
    for p in shape.people:
        boss = p.manager
        out.append(
            [
                p.pid,
                p.name,
                p.title,
                boss.pid if boss else None,
                boss.name if boss else None,
                p.dept,
                p.location,
                p.hired,
                emails[id(p)],
                "Active" if p.active else "Terminated",
            ]
        )
    return out


def write_csv(path: Path, data: list[list]) -> None:
    """UTF-8 CSV with ISO dates and empty cells for the top's manager."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in data:
            writer.writerow(["" if v is None else v for v in row])
    tmp.replace(path)


def generate(size: str, force: bool = False) -> tuple[Path, Path]:
    """Write both files for ``size`` unless they exist; return their paths."""
    csv_path, xlsx_path = paths(size)
    if not force and csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    data = rows(SIZES[size])
    t1 = time.perf_counter()
    write_csv(csv_path, data)
    t2 = time.perf_counter()
    write_xlsx(xlsx_path, [("Workers", [HEADER, *data])])
    t3 = time.perf_counter()
    print(
        f"{size}: {len(data):,} rows; shape {t1 - t0:.1f} s, csv {t2 - t1:.1f} s, "
        f"xlsx {t3 - t2:.1f} s",
        file=sys.stderr,
    )
    return csv_path, xlsx_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="e.g. 10k,100k")
    parser.add_argument("--force", action="store_true", help="regenerate existing files")
    args = parser.parse_args(argv)
    for size in parse_sizes(args.sizes):
        for path in generate(size, args.force):
            print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
