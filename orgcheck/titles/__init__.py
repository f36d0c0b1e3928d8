"""Job titles -> rungs of the product ladder (SPEC §2), with a reason for each.

``Classifier`` reads one title at a time from the ladder data in ``ladder.toml``;
``classify_org`` applies it to every distinct title of an org and lets the tree
refine the titles that are ambiguous on their own (Head of Product, Product Lead).
"""

from __future__ import annotations

from typing import Any

from orgcheck.titles.classifier import Classifier, Placement
from orgcheck.titles.title_map import load_title_map


def classify_org(org: Any, classifier: Classifier) -> None:
    """See ``orgcheck.titles.context.classify_org`` (imported here lazily: it needs numpy
    and pandas, which ``orgcheck classify`` must not pay for at start-up)."""
    from orgcheck.titles.context import classify_org as run

    run(org, classifier)


__all__ = ["Classifier", "Placement", "classify_org", "load_title_map"]
