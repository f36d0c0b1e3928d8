"""Reporting-line rules: does product have a leader, and is it staffed in proportion?

Product often sits under a CEO, GM, CTO or CMO instead of a product leader; these
rules say when that leaves PMs without product leadership or mentoring.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from orgcheck.rules._arrays import Namer, groups, name_list, plural
from orgcheck.rules.base import MAX_FINDINGS, MAX_PEOPLE, Option, Rule
from orgcheck.rules.ladder import _junior_words, by_priority, per_manager


class NoProductLeader(Rule):
    """Product managers with no Director, VP or CPO of Product above them.

    What it checks
    --------------
    People on rungs 1-3 with nobody on rungs 4-6 anywhere up their reporting chain,
    when there are at least ``min_pms`` of them. One finding for the whole org,
    naming them and the people they report into. A warning, or information at
    startup size, where a founder often leads product.

    Why it matters on the ladder
    ----------------------------
    Somebody has to own the roadmap, connect the team's KPIs to the business and grow
    the PMs: the Director rung and above. When PMs sit under a GM, CTO or CMO with no
    product leader, strategy is set by whoever they report to and the PMs have no
    career path in sight. Below three PMs a dedicated leader is not yet expected
    (practice puts 3-6 PMs under a first-line product leader).

    Example
    -------
    Five PMs report to Engineering Managers and the CTO; no one in the company is a
    Director of Product or above.

    What to do
    ----------
    Appoint a product leader (a Director of Product, or a Head of Product at a small
    company) for these PMs, or make an existing senior PM their lead.
    """

    name = "no-product-leader"
    code = "OC501"
    severity = "warning"
    defers_to = ("missing-director-layer",)
    options = (
        Option(
            "min_pms",
            3,
            "Only fire when at least this many rung 1-3 people lack a product leader.",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "{count} have no Director, VP or CPO of Product above them; "
        "they report into {owners}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Give these PMs a product leader (a Director or Head of Product) who owns "
        "the roadmap and their growth.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        lead = a.nearest("above_leader", a.level >= 4)
        unled = np.flatnonzero(a.is_junior & a.valid & (lead < 0))
        if len(unled) < options["min_pms"]:
            return
        owner = a.nearest("above_juniors", ~a.is_junior)
        by_owner = groups(owner, unled[owner[unled] >= 0])
        owners = np.array(sorted(by_owner), dtype=np.int64)
        sizes = np.zeros(a.n, dtype=np.int64)
        sizes[owners] = [len(by_owner[int(o)]) for o in owners]
        owners = by_priority(owners, sizes)
        namer = a.namer(org)
        described = [
            f"{lab} ({'all' if sizes[o] == len(unled) else sizes[o]} of them)"
            if len(owners) > 1 or sizes[o] < len(unled)
            else lab
            for lab, o in zip(namer.labels(owners[:3]), owners[:3], strict=True)
        ]
        top = unled[np.lexsort((unled, -a.level[unled]))]
        yield self.finding(
            "default",
            namer.ids([*top[:90].tolist(), *owners[:10].tolist()]),
            severity="info" if metrics.is_startup else None,
            count=_junior_words(a, unled),
            owners=name_list(described, len(owners), most=3)
            if len(owners)
            else "nobody (they are at the top)",
        )


APM_ADVICE = (
    "Give {apm_noun} a product manager as line manager (a Senior PM or Director); keep "
    "{who} as a dotted line if useful."
)


class ProductReportsOutsideProduct(Rule):
    """A PM whose manager works outside product.

    What it checks
    --------------
    People on rungs 1-3 whose direct manager is neither on the ladder nor in the
    product function (an engineering manager, a designer, a marketer, an executive).
    One finding per manager: a warning when an Associate PM is among the reports,
    information otherwise. Managers whose title could not be read are skipped. At
    startup size a PM or Senior PM reporting to an executive (the CEO or a founder
    acting as head of product) is normal and not flagged (``startup_founders_lead``).

    Why it matters on the ladder
    ----------------------------
    Each rung learns the craft from the one above. An APM is still learning to scope
    and prioritise and needs a product mentor; an experienced PM under an engineering
    or marketing manager can thrive, but their priorities and reviews come from
    outside the discipline, so it is worth knowing where it happens.

    Example
    -------
    Associate PM Noor Ali reports to Engineering Manager Ben Cho.

    What to do
    ----------
    Give the APM a product manager (a Senior PM or Director) as line manager, keeping
    the current manager as a dotted line if the team works closely together.
    """

    name = "product-reports-outside-product"
    code = "OC502"
    severity = "info"
    noun = "managers"
    defers_to = ("missing-director-layer", "no-product-leader")
    options = (
        Option(
            "startup_founders_lead",
            True,
            "At startup size, PMs and Senior PMs reporting to an executive are not flagged.",
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "apm": "{reports} {verb} to {who}, outside product ({apms} among them)",
        "apm_only": "{reports} {verb} to {who}, outside product",
        "default": "{reports} {verb} to {who}, outside product",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "apm": APM_ADVICE,
        "apm_only": APM_ADVICE,
        "default": "Check that these PMs have product mentoring (a dotted line to a product "
        "leader) and that their priorities are set with product leadership.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        mgr_fn = a.function[np.maximum(a.parent, 0)]
        outside = (
            a.has_parent
            & ~a.is_product[np.maximum(a.parent, 0)]
            & (mgr_fn != a.function_code("unknown"))
        )
        if metrics.is_startup and options["startup_founders_lead"]:
            # A founder or other executive leading product is how startups work; only
            # an APM (who needs a product mentor) is still worth a word there.
            outside &= (mgr_fn != a.function_code("executive")) | (a.level == 1)
        people = np.flatnonzero(a.is_junior & a.valid & outside)
        yield from per_manager(self, org, a, people, _outside_values)


def _outside_values(a: Any, namer: Namer, manager: int, reports: np.ndarray) -> dict[str, Any]:
    apms = int((a.level[reports] == 1).sum())
    labels = namer.labels(reports[:4])
    key = "default" if not apms else "apm_only" if apms == len(reports) else "apm"
    return {
        "key": key,
        "severity": "warning" if apms else None,
        "reports": name_list(labels, len(reports)),
        "verb": "reports" if len(reports) == 1 else "report",
        "apms": plural(apms, "Associate PM"),
        "apm_noun": "the Associate PM" if apms == 1 else "the Associate PMs",
    }


class PmEngineerRatio(Rule):
    """Engineers per PM outside the usual range, overall and per department.

    What it checks
    --------------
    When both PMs (rungs 1-3) and engineers (engineering people who manage nobody)
    are in the file, the number of engineers per PM, overall and in each department
    that holds both, against
    ``min_engineers_per_pm`` .. ``max_engineers_per_pm``. Groups with fewer than
    ``min_people`` PMs and engineers together are not judged (a ratio of two
    numbers that small is noise). Departments holding only PMs or only engineers
    are functional units and are not judged on their own, and neither is a
    department with fewer than ``min_department_pms`` PMs or
    ``min_department_engineers`` engineers: one PM embedded in "Engineering" says
    nothing about how product teams are staffed.

    Why it matters on the ladder
    ----------------------------
    A PM is the go-to person for a product and the point person for the team that
    builds it. Common practice is about 5 to 10 engineers per PM (one PM to ten
    engineers is common; surveys range from 8 in Silicon Valley to over 20 in European
    startups). Far more engineers per PM and PMs cannot keep up with decisions; far
    fewer and PMs drift into project management. Ratios vary with the product, so
    this is information.

    Example
    -------
    Department "Payments" has 2 PMs and 31 engineers: one PM per 15.5 engineers.

    What to do
    ----------
    Too many engineers per PM: hire PMs or narrow each PM's scope. Too few: give PMs
    broader areas or move a PM to a team that needs one.
    """

    name = "pm-engineer-ratio"
    needs_tree = False
    code = "OC503"
    severity = "info"
    noun = "departments"
    options = (
        Option(
            "min_engineers_per_pm",
            4.0,
            "Fewest engineers per PM before PMs count as too many.",
            minimum=0.0,
        ),
        Option(
            "max_engineers_per_pm",
            12.0,
            "Most engineers per PM before PMs count as stretched.",
            minimum=0.0,
        ),
        Option(
            "min_people",
            10,
            "Only judge a group with at least this many PMs and engineers together.",
            minimum=1,
        ),
        Option(
            "min_department_pms",
            2,
            "Only judge a department with at least this many PMs (one PM is not a ratio).",
            minimum=1,
        ),
        Option(
            "min_department_engineers",
            4,
            "Only judge a department with at least this many engineers.",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "overall": "The org has {pms} and {engineers}: one PM per {ratio:.1f} engineers, "
        "outside {low:g}-{high:g}",
        "department": 'Department "{department}" has {pms} and {engineers}: one PM per '
        "{ratio:.1f} engineers, outside {low:g}-{high:g}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "high": "PMs are stretched: hire PMs or narrow each PM's scope.",
        "low": "More PMs than the engineering capacity needs: widen PMs' areas or move a PM "
        "where engineers lack one.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        groups_ = [("overall", "", metrics.pms, metrics.engineers)]
        groups_ += [
            ("department", name, d["pms"], d["engineers"])
            for name, d in metrics.departments.items()
            if d["pms"] >= options["min_department_pms"]
            and d["engineers"] >= options["min_department_engineers"]
        ]
        low, high = options["min_engineers_per_pm"], options["max_engineers_per_pm"]
        hits = []
        for key, dept, pms, eng in groups_:
            if not pms or not eng or pms + eng < options["min_people"]:
                continue
            ratio = eng / pms
            if low <= ratio <= high:
                continue
            hits.append((key, dept, pms, eng, ratio))
        members = _pms_by_department(org, metrics, {h[1] for h in hits if h[0] == "department"})
        for key, dept, pms, eng, ratio in hits[: MAX_FINDINGS + 1]:
            yield self.finding(
                key,
                members.get(dept, []),
                suggestion=self.suggestions["high" if ratio > high else "low"],
                department=dept,
                pms=plural(pms, "PM"),
                engineers=plural(eng, "engineer"),
                ratio=ratio,
                low=low,
                high=high,
            )


def _pms_by_department(org: Any, metrics: Any, departments: set[str]) -> dict[str, list[str]]:
    """Ids of the first PMs in each named department (for the findings' people lists)."""
    if not departments or "department" not in org.people.columns:
        return {}
    a = metrics.arrays
    pms = np.flatnonzero(a.is_junior)
    codes, names = org.people["department"].iloc[pms].factorize()
    wanted = {str(n).strip(): i for i, n in enumerate(names) if str(n).strip() in departments}
    namer = a.namer(org)
    return {d: namer.ids(pms[codes == i][:MAX_PEOPLE]) for d, i in wanted.items()}


RULES: tuple[Rule, ...] = (NoProductLeader(), ProductReportsOutsideProduct(), PmEngineerRatio())
