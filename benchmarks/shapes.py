"""The benchmark's people (100k, or 1m) written as other exports write them.

    python benchmarks/shapes.py [--size 1m] [--force]

Issue 6's ratios are also measured on orgs the benchmark does not have. The benchmark
file's managers are numeric ids that all resolve, which is the cheapest shape to read;
these workbooks hold the same people with managers given the other ways real exports
give them (``run.py --shapes`` times each against fastexcel):

- ``by-email``: a manager email column (Okta, Google Workspace);
- ``by-name``: only the manager's name (BambooHR's "Reporting to", Personio);
- ``last-first``: no ids at all, people and managers as "Tanaka-Wu, Björn H.";
- ``string-ids``: ids as text with leading zeros ("E00012345");
- ``dangling``: every 20th person left out, so about 5 % of manager ids and names
  point outside the file (an export filtered by division, or with leavers removed).

Files go to benchmarks/out/ as ``shape_<name>_<size>.xlsx`` (Excel-style, shared
strings) and are reused when they exist (``--force`` writes them again, as after a
change to ``generate.py``). The 100k shapes take half a minute to write, the 1m ones
(``--size 1m``, for the 1.5x goal at a million people) about five minutes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scripts"))

import generate  # noqa: E402
from xlsxout import write_xlsx  # noqa: E402

SIZE = "100k"
STATUS = ["Employment Status"]


def _last_first(name: str | None) -> str | None:
    """ "Björn H. Tanaka-Wu" -> "Tanaka-Wu, Björn H."."""
    if not name:
        return name
    *first, last = name.split(" ")
    return f"{last}, {' '.join(first)}" if first else last


def variants(rows: list[list]) -> dict[str, tuple[list[str], list[list]]]:
    """Each shape's header and rows, from the benchmark's typed rows."""
    email = {r[0]: r[8] for r in rows}
    out = {
        "by-email": (
            ["Employee ID", "Full Name", "Business Title", "Manager Email", "Department",
             "Location", "Hire Date", "Work Email", *STATUS],
            [[r[0], r[1], r[2], email.get(r[3]), r[5], r[6], r[7], r[8], r[9]] for r in rows],
        ),
        "by-name": (
            ["Employee ID", "Full Name", "Business Title", "Manager Name", "Department",
             "Location", "Hire Date", "Work Email", *STATUS],
            [[r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9]] for r in rows],
        ),
        "last-first": (
            ["Employee Name", "Position", "Supervisor", "Department", "Office",
             "Email Address", "Employee Status"],
            [[_last_first(r[1]), r[2], _last_first(r[4]), r[5], r[6], r[8], r[9]]
             for r in rows],
        ),
        "string-ids": (
            ["Worker ID", "Name", "Job Title", "Manager Worker ID", "Org Unit", "Location",
             "Start Date", "Email", "Status"],
            [[f"E{r[0]:08d}", r[1], r[2], f"E{r[3]:08d}" if r[3] else None,
              r[5], r[6], r[7], r[8], r[9]] for r in rows],
        ),
        "dangling": (  # every 20th person left out: their reports' managers are absent
            generate.HEADER,
            [r for i, r in enumerate(rows) if i % 20 != 7 or not r[3]],
        ),
    }  # fmt: skip
    return out


def path(name: str, size: str = SIZE) -> Path:
    return generate.OUT / f"shape_{name}_{size}.xlsx"


def generate_shapes(force: bool = False, size: str = SIZE) -> dict[str, Path]:
    """Write the shapes' workbooks unless they exist; return their paths by name."""
    paths = {name: path(name, size) for name in ("by-email", "by-name", "last-first",
                                                 "string-ids", "dangling")}  # fmt: skip
    if force or not all(p.exists() for p in paths.values()):
        generate.OUT.mkdir(parents=True, exist_ok=True)
        for name, (header, rows) in variants(generate.rows(generate.SIZES[size])).items():
            write_xlsx(paths[name], [("Sheet1", [header, *rows])])
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="regenerate existing files")
    parser.add_argument("--size", default=SIZE, choices=sorted(generate.SIZES), help="people")
    args = parser.parse_args(argv)
    for p in generate_shapes(args.force, args.size).values():
        print(f"{p} ({p.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
