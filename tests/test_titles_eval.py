"""Accuracy on real titles (tests/data/title_eval.csv, sources in its README).

Bars from issue 3: at least 97 % of product titles on an accepted rung, at most 2 % of
look-alikes placed on the ladder. The figures are printed (pytest -s) so the README can
quote them.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from orgcheck.titles import Classifier

EVAL = Path(__file__).parent / "data" / "title_eval.csv"
MIN_ACCURACY = 0.97
MAX_FALSE_POSITIVES = 0.02


def load() -> list[dict[str, str]]:
    with EVAL.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def placed(level: int | None) -> str:
    return str(level) if level else "none"


def test_the_set_is_big_and_real_enough() -> None:
    rows = load()
    kinds = [r["kind"] for r in rows]
    assert len(rows) >= 400
    assert kinds.count("lookalike") >= 150
    assert set(kinds) == {"product", "lookalike"}
    assert all(r["source"] for r in rows)
    assert len({r["title"] for r in rows}) == len(rows)
    for r in rows:
        accepted = set(r["accepted"].split("|"))
        assert accepted <= {"1", "2", "3", "4", "5", "6", "none"}, r
        assert (r["kind"] == "lookalike") == (accepted == {"none"}), r


def test_accuracy_and_false_positives() -> None:
    clf = Classifier()
    rows = load()
    product = [r for r in rows if r["kind"] == "product"]
    lookalike = [r for r in rows if r["kind"] == "lookalike"]
    misses = [
        (r["title"], r["accepted"], clf.classify(r["title"]).reason)
        for r in product
        if placed(clf.classify(r["title"]).level) not in r["accepted"].split("|")
    ]
    false_pos = [
        (r["title"], clf.classify(r["title"]).reason)
        for r in lookalike
        if clf.classify(r["title"]).level is not None
    ]
    accuracy = 1 - len(misses) / len(product)
    fp_rate = len(false_pos) / len(lookalike)
    print(
        f"\ntitle eval: {len(product)} product titles, accuracy {accuracy:.1%}; "
        f"{len(lookalike)} look-alikes, false positives {fp_rate:.1%}"
    )
    for miss in misses + false_pos:
        print("  wrong:", miss)
    assert accuracy >= MIN_ACCURACY, misses
    assert fp_rate <= MAX_FALSE_POSITIVES, false_pos


@pytest.mark.slow
def test_ten_thousand_distinct_titles_classify() -> None:
    """Not a timing test: it shows 10,000 distinct titles go through and prints the time."""
    base = [r["title"] for r in load()]
    teams = ["Growth", "Payments", "Platform", "Search", "Ads", "Core", "Mobile", "Risk"]
    titles = [f"{t} - {teams[i % 8]} {i}" for i, t in enumerate(base * 16)][:10_000]
    assert len(set(titles)) == 10_000
    clf = Classifier()
    start = time.perf_counter()
    placements = clf.classify_many(titles)
    elapsed = time.perf_counter() - start
    print(f"\n10,000 distinct titles classified in {elapsed:.2f} s")
    assert len(placements) == 10_000
    assert sum(p.level is not None for p in placements) > 4_000
