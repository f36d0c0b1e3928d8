"""A realistic, healthy ~130-person product company raises no ladder-shape finding.

The org is generated from a small plan (so it reads like an org chart, not a wall of
rows): CEO; a CPO with two VPs, each with Directors who lead Senior PMs, PMs and an
APM; engineering (a CTO over engineering managers) and design around them, staffed
per product area.
"""

from __future__ import annotations

from orgcheck.config import Config
from orgcheck.metrics import compute_metrics
from orgcheck.rules import run_rules
from tests.rule_cases import build

AREAS = {  # VP -> (area, PMs under its Director, engineering teams of the area)
    "vpa": [("payments", 3, (10, 10)), ("checkout", 2, (8, 8)), ("risk", 1, (12,))],
    "vpb": [("growth", 3, (10, 10)), ("platform", 2, (8, 8))],
}


def healthy_outline() -> str:
    lines = [
        "ceo: Chief Executive Officer = Maya Chen",
        "  cpo: Chief Product Officer = Ravi Patel",
    ]
    for vp, areas in AREAS.items():
        lines.append(f"    {vp}: VP of Product = VP {vp}")
        for area, pms, _ in areas:
            dept = f"@ {area.title()}"
            lines += [
                f"      d{area}: Director of Product {dept}",
                f"        s{area}: Senior Product Manager {dept}",
                f"        p{area}*{pms}: Product Manager {dept}",
                f"        a{area}: Associate Product Manager {dept}",
            ]
    lines += [
        "  cto: Chief Technology Officer",
    ]
    for areas in AREAS.values():
        for area, _, teams in areas:
            dept = f"@ {area.title()}"
            for t, engineers in enumerate(teams):
                lines += [
                    f"    em{area}{t}: Engineering Manager {dept}",
                    f"      e{area}{t}x*{engineers}: Software Engineer {dept}",
                ]
    lines += [
        "  hod: Head of Design",
        "    des*8: Product Designer",
        "  cfo: Chief Financial Officer",
        "    fin*3: Financial Analyst",
    ]
    return "\n".join(lines)


def test_healthy_org_is_healthy_sized() -> None:
    org = build(healthy_outline())
    metrics = compute_metrics(org, Config())
    assert 80 <= metrics.headcount <= 150
    assert all(metrics.levels[str(r)] for r in range(1, 7)), metrics.levels
    assert metrics.layers == 5


def test_healthy_org_raises_no_ladder_findings() -> None:
    org = build(healthy_outline())
    cfg = Config()
    findings = run_rules(org, compute_metrics(org, cfg), cfg)
    shown = "\n".join(f"{f.code} {f.severity} {f.message}" for f in findings)
    assert findings == [], shown


def test_healthy_org_stays_quiet_when_told_it_is_part_of_a_big_company() -> None:
    org = build(healthy_outline())
    cfg = Config().with_overrides(company_size=3000)
    findings = run_rules(org, compute_metrics(org, cfg), cfg)
    assert findings == [], [f.message for f in findings]


def test_sick_variant_of_the_healthy_org_is_caught() -> None:
    """Remove the Directors of one VP: the VP now leads their PMs directly."""
    outline = healthy_outline()
    sick = []
    for line in outline.splitlines():
        if line.strip().startswith(("dgrowth:", "dplatform:")):
            continue
        sick.append(line[2:] if line.startswith("        ") and _in_vpb(line) else line)
    org = build("\n".join(sick))
    findings = run_rules(org, compute_metrics(org, Config()), Config())
    codes = [f.code for f in findings]
    assert codes.count("OC201") == 1, codes
    mdl = next(f for f in findings if f.code == "OC201")
    assert mdl.people[0] == "vpb"
    assert "OC202" not in codes  # the layer skips are the same cause


def _in_vpb(line: str) -> bool:
    return any(f" {p}{a}" in line for a in ("growth", "platform") for p in ("s", "p", "a"))
