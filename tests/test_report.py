"""The report's structure and its three formats, on hand-made Results."""

from __future__ import annotations

import html as htmllib
import itertools
import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcheck.analysis import Result
from orgcheck.errors import UsageError
from orgcheck.report import render, structure
from orgcheck.report.html import script_json, template_dirs
from orgcheck.report.treedata import unpack
from tests.report_orgs import make_result, synthetic_result


@pytest.fixture(scope="module")
def small():
    return make_result()


def test_summary_counts_and_top_findings(small):
    rep = structure.build(small)
    assert dict(rep.headline)["People"] == "12"
    assert dict(rep.headline)["Product people"] == "7"
    assert rep.counts == {"error": 1, "warning": 1, "info": 1}
    assert [f.severity for f in rep.top] == ["error", "warning", "info"]


def test_findings_grouped_by_severity_name_people_with_positions(small):
    rep = structure.build(small)
    warn = next(g for g in rep.severities if g.severity == "warning")
    (group,) = warn.rules
    people = group.findings[0].people
    assert [(p.name, p.title, p.pos) for p in people] == [
        ("Lena Vogel", "VP of Product", 2),
        ("Gus Moreau", "Product Owner", 10),
    ]
    assert group.fix.startswith("Put a Director")


def test_ladder_counts_and_healthy_ranges(small):
    rows = {r.rung: r for r in structure.build(small).ladder}
    assert [rows[k].count for k in range(1, 7)] == [1, 2, 1, 1, 1, 1]
    # 4 people on rungs 1-3 -> 1 to 2 Directors at 3-6 PMs each
    assert rows[4].healthy == "1–2" and rows[4].status == "in range"
    assert rows[6].healthy == "0–1"


def test_span_bands_are_shares_of_managers(small):
    rep = structure.build(small)
    counts = {band: n for band, n, _ in rep.span_rows}
    managers = int((small.org.direct_reports > 0).sum())
    assert sum(counts.values()) == managers
    assert counts["1 (one-to-one)"] == int((small.org.direct_reports == 1).sum())


def test_title_table_puts_unmapped_then_low_confidence_first(small):
    table = structure.build(small).titles
    assert table.rows[0][0] == "Chief Vibes Officer" and table.marks[0] == "unmapped"
    assert table.rows[1][0] == "Product Owner" and table.marks[1] == "low"
    assert set(table.marks[2:]) == {""}


def test_print_tree_is_depth_first_and_capped():
    rep = structure.build(synthetic_result(5000, span=20))
    assert len(rep.tree_lines) == structure.PRINT_TREE_NODES
    assert rep.tree_more == 5000 - structure.PRINT_TREE_NODES
    depths = [line.depth for line in rep.tree_lines]
    assert depths[0] == 0 and max(depths) == structure.PRINT_TREE_DEPTH - 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(depths))


def test_long_lists_are_capped_with_counts():
    result = synthetic_result(20_000, span=20)
    rep = structure.build(result)
    (group,) = next(g for g in rep.severities if g.severity == "warning").rules
    assert len(group.findings) == structure.FINDINGS_PER_RULE
    assert group.more == len(result.findings) - structure.FINDINGS_PER_RULE
    big = max(group.findings, key=lambda f: f.more_people + len(f.people))
    assert len(big.people) <= structure.PEOPLE_PER_FINDING


def test_tree_data_is_compact_columns():
    result = synthetic_result(1000)
    tree = structure.build(result).tree
    names = tree["n"].split(tree["ns"])
    assert len(unpack(tree["p"])) == len(names) == len(unpack(tree["l"])) == 1000
    assert unpack(tree["p"]).tolist() == result.org.parent.tolist()
    assert names == result.org.people["name"].tolist()
    titles = [tree["T"][c] for c in unpack(tree["t"])]
    assert titles == result.org.people["title"].tolist()
    assert unpack(tree["s"]).tolist() == result.org.org_size.tolist()


def test_a_reporting_cycle_is_a_forest_in_the_page_tree():
    from orgcheck.build import org_from_records
    from orgcheck.tree import cycle_members

    org = org_from_records(
        [
            {"id": "1", "name": "Ann Top", "title": "CEO", "manager": ""},
            {"id": "2", "name": "Bo Loop", "title": "Product Manager", "manager": "3"},
            {"id": "3", "name": "Cy Loop", "title": "Product Manager", "manager": "2"},
        ]
    )
    tree = structure.build(Result(org=org, metrics=None, findings=[], config=None)).tree
    on_cycle, _ = cycle_members(unpack(tree["p"]))
    assert not on_cycle.any()
    assert all(unpack(tree["f"])[i] & structure.CYCLE_BIT for i in (1, 2))


def test_three_formats_say_the_same_things(small):
    outs = {fmt: render(small, fmt) for fmt in ("html", "md", "text")}
    for fmt, out in outs.items():
        text = htmllib.unescape(out) if fmt == "html" else out.replace("\\", "")
        for needle in (
            "OC201",
            "missing-director-layer",
            "Lena Vogel",
            "Chief Vibes Officer",
            "Employee ID",
            "status says terminated",
            "Director of Product",
        ):
            assert needle in text, (fmt, needle)


def test_unknown_format_is_a_usage_error(small):
    with pytest.raises(UsageError):
        render(small, "pdf")


@pytest.mark.parametrize(
    "value", ["</script><script>alert(1)</script>", "<!--", "a&b", "\u2028", "{{ 7*7 }}"]
)
def test_script_json_cannot_break_out_and_round_trips(value):
    text = str(script_json({"n": [value]}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"n": [value]}


_JSON_TEXT = st.text(alphabet='<>&\u2028\u2029aé"\\/ \n\x00', max_size=8)
_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _JSON_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_JSON_TEXT, _JSON_VALUE, max_size=5) | _JSON_VALUE)
def test_script_json_is_the_escaped_json_dumps_text(data):
    """Encoded key by key, it is still exactly json.dumps with the five escapes applied."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw in "<>&\u2028\u2029":
        text = text.replace(raw, f"\\u{ord(raw):04x}")
    assert str(script_json(data)) == text


@pytest.mark.parametrize("extra", ["", '"', "\\", "\x00", "\x1f", "\n", "é", "Ω", "<&>", "\ud800"])
def test_script_json_of_a_long_string_is_the_escaped_json_dumps_text(extra):
    """Long strings (the page's names) skip the encoder when nothing needs escaping."""
    data = {"n": "Ann Lee|Bo Park|" * 1000 + extra + "|Cy"}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw in "<>&\u2028\u2029":
        text = text.replace(raw, f"\\u{ord(raw):04x}")
    assert str(script_json(data)) == text


def test_html_is_self_contained_with_hash_based_csp(small):
    page = render(small, "html")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    csp = htmllib.unescape(found.group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "url(http" not in page


def test_markdown_escapes_table_breakers():
    result = make_result()
    result.org.people.loc[0, "title"] = "A | B <b>x</b>"
    result.org.titles.loc[0, "title"] = "A | B <b>x</b>"
    md = render(result, "md")
    assert "A \\| B &lt;b&gt;x&lt;/b&gt;" in md
    assert "<b>" not in md


def test_text_strips_terminal_control_characters():
    result = make_result()
    result.org.people.loc[0, "name"] = "Evil\x1b[31mRed"
    out = render(result, "text")
    assert "\x1b" not in out and "Evil?[31mRed" in out


def test_templates_found_from_source_checkout():
    assert any((d / "report.html.j2").is_file() for d in template_dirs())


def test_empty_org_renders():
    from tests.report_orgs import SMALL

    result = make_result(SMALL[:1], findings=[])
    for fmt in ("html", "md", "text"):
        assert "Org check" in render(result, fmt)


def test_big_org_html_stays_small_and_fast():
    import time

    result = synthetic_result(100_000)
    start = time.perf_counter()
    page = render(result, "html")
    elapsed = time.perf_counter() - start
    assert len(page.encode()) < 10_000_000
    assert elapsed < 3.0  # typically ~0.1 s; generous for slow CI machines
    assert np.asarray(result.org.parent).size == 100_000


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("# Head", "\\# Head"),
        ("1. one", "1\\. one"),
        ("- item", "\\- item"),
        ("a*b*_c_", "a\\*b\\*\\_c\\_"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<img src=x>", "&lt;img src=x&gt;"),
        ("Ana (PM)", "Ana (PM)"),
    ],
)
def test_markdown_escape(value, expected):
    from orgcheck.report.markdown import esc

    assert esc(value) == expected
