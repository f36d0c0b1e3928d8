"""orgcheck: audit how a product-management team is built, from an HR export.

Library use::

    import orgcheck
    result = orgcheck.analyze("team.xlsx")
    for finding in result.findings:
        print(finding.severity, finding.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from orgcheck.analysis import Result


def analyze(path: Any, **options: Any) -> Result:
    """Analyse one HR export; see ``orgcheck.analysis.analyze`` for the options."""
    from orgcheck.analysis import analyze as _analyze

    return _analyze(path, **options)


__all__ = ["__version__", "analyze"]
