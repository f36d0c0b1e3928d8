"""Reports for people: a self-contained HTML page, Markdown and plain text.

All three are laid out from one structure (``structure.build``), so they always say
the same thing; ``anonymize=True`` swaps names and emails for stable pseudonyms in
every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgcheck.errors import UsageError
from orgcheck.pandas_mode import python_strings

if TYPE_CHECKING:
    from orgcheck.analysis import Result

FORMATS = ("html", "md", "text")


@python_strings
def render(result: Result, fmt: str, *, anonymize: bool = False) -> str:
    """The report for one analysis as text in ``fmt`` (html, md or text)."""
    from orgcheck.report import structure

    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    report = structure.build(result, anonymize=anonymize, with_tree=fmt == "html")
    if fmt == "html":
        from orgcheck.report.html import render_html

        return render_html(report)
    if fmt == "md":
        from orgcheck.report.markdown import render_markdown

        return render_markdown(report)
    from orgcheck.report.text import render_text

    return render_text(report)


__all__ = ["FORMATS", "render"]
