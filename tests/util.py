"""Small orgs and file writers shared by several test modules."""

from __future__ import annotations

import csv
from pathlib import Path

SMALL_ORG = [
    ("1", "Maya Chen", "Chief Executive Officer", ""),
    ("2", "Ravi Patel", "Chief Product Officer", "1"),
    ("3", "Lena Vogel", "VP of Product", "2"),
    ("4", "Tom Okafor", "Director of Product", "3"),
    ("5", "Ana Silva", "Senior Product Manager", "4"),
    ("6", "Ben Adler", "Product Manager", "4"),
    ("7", "Chloe Martin", "Associate Product Manager", "5"),
    ("8", "Dev Rao", "VP of Engineering", "1"),
    ("9", "Eli Brooks", "Software Engineer", "8"),
    ("10", "Fay Lund", "Senior Software Engineer", "8"),
]


def write_csv(
    path: Path,
    rows: list[tuple[str, ...]],
    header=("Employee ID", "Name", "Job Title", "Manager ID"),
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path
