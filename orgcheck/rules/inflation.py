"""Title rules: leaders' titles measured against the teams they actually lead.

Startups use big titles for small jobs (a "VP of Product" leading one PM); at real
scale the same title is normal. These rules read the company size the metrics settled
on (``--company-size`` or the file's headcount), never the file's row count directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from orgcheck.rules._arrays import nearest_marked_ancestor, plural
from orgcheck.rules.base import MAX_PEOPLE, Option, Rule
from orgcheck.rules.ladder import by_priority, rung_count

RUNG_ONE = {4: "Director", 5: "VP", 6: "CPO"}


class TitleInflation(Rule):
    """Leader titles bigger than the teams behind them, at startup size or top-heavy.

    What it checks
    --------------
    At startup size (company headcount at most ``startup_headcount``, 50 by default,
    or the ``--company-size`` given): a Director whose whole org is under
    ``director_min_org`` people, a VP under ``vp_min_org``, a CPO under
    ``cpo_min_org``, or a CPO with no VP beneath them (``cpo_needs_vp``). At any size:
    a product org where more than ``max_leader_share`` of the people on the ladder are
    Directors or above. Leaders with no reports at all are left to
    leader-without-team. At startup size a finding here speaks for the leader's whole
    team: layer-skip, ladder-gap and no-successor stay quiet about it, since their
    advice (add a Director under the leader) would contradict this one (a title that
    fits today's scope).

    Why it matters on the ladder
    ----------------------------
    Each leadership rung is defined by the team it leads: a Director leads PMs, a VP
    owns a product set through Directors, a CPO oversees VPs or a portfolio. Startups
    have fluid titles, and one person often does every rung's work; but a title that
    runs ahead of the org makes later hiring awkward (nobody senior can be hired above
    or beside them) and misleads candidates and the board.

    Example
    -------
    At a 24-person company, VP of Product Sam Lee leads one PM, and the CPO has no
    VP below.

    What to do
    ----------
    Keep titles for the scope people have now (Head of Product, Lead PM), or write
    down the growth that will give the title its team; trim leadership titles so that
    most of the ladder does product work.
    """

    name = "title-inflation"
    code = "OC301"
    severity = "warning"
    noun = "leaders"
    defers_to = ("leader-without-team",)
    options_note = (
        "Startup size is the company headcount: the file's, or the larger "
        "`--company-size N` (or `company_size` in `orgcheck.toml`) when the file holds only "
        "part of the company. The threshold is `startup_headcount` (default 50) at the top "
        "of `orgcheck.toml`. The report states which size it assumed and why."
    )
    options = (
        Option(
            "director_min_org",
            3,
            "At startup size, a Director should lead an org of at least this many.",
            minimum=0,
        ),
        Option(
            "vp_min_org",
            6,
            "At startup size, a VP should lead an org of at least this many.",
            minimum=0,
        ),
        Option(
            "cpo_min_org",
            10,
            "At startup size, a CPO should lead an org of at least this many.",
            minimum=0,
        ),
        Option(
            "cpo_needs_vp", True, "At startup size, flag a CPO with no VP anywhere beneath them."
        ),
        Option(
            "max_leader_share",
            0.3,
            "Flag the product org when more than this share of its ladder is Director or above.",
            minimum=0.0,
        ),
        Option(
            "min_product_people",
            5,
            "Only judge the leader share when at least this many people are on the ladder.",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "small": "{who} leads an org of {size}; at a company of {company} a {rung} "
        "usually leads at least {minimum}",
        "no_vp": "{who} has no VP beneath them at a company of {company}",
        "small_no_vp": "{who} leads an org of {size} with no VP beneath them; at a company "
        "of {company} a CPO usually leads at least {minimum}",
        "top_heavy": "{leaders} of the {ladder} on the product ladder are Directors or "
        "above ({share:.1%}; more than {limit:.0%})",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Match the title to today's scope (Head of Product, Lead PM, Senior PM) "
        "or plan the team that will make it true.",
        "top_heavy": "Keep leadership titles for people who lead teams; most of a healthy "
        "ladder is APMs, PMs and Senior PMs doing product work.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        if metrics.is_startup:
            yield from self._small_leaders(org, metrics, options)
        yield from self._top_heavy(org, metrics, options)

    def _small_leaders(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        minimum = np.zeros(7, dtype=np.int64)
        minimum[4:7] = [options["director_min_org"], options["vp_min_org"], options["cpo_min_org"]]
        leader = (a.level >= 4) & a.valid
        small = leader & (a.org_size < minimum[a.level.clip(0, 6)])
        no_vp = np.zeros(a.n, dtype=bool)
        if options["cpo_needs_vp"]:
            # A CPO has a VP beneath them when some VP's nearest CPO ancestor is them.
            nearest_cpo = a.nearest("above_cpo", a.level == 6)
            vps = np.flatnonzero((a.level == 5) & (nearest_cpo >= 0))
            no_vp = (a.level == 6) & a.valid
            no_vp[nearest_cpo[vps]] = False
        hits = np.flatnonzero(small | no_vp)
        namer = a.namer(org)
        ordered = by_priority(hits, a.level.astype(np.int64))
        company = plural(metrics.company_size, "person", "people")

        def one(pos: int) -> Any:
            rung = int(a.level[pos])
            key = "small_no_vp" if small[pos] and no_vp[pos] else "small" if small[pos] else "no_vp"
            return self.finding(
                key,
                namer.ids([pos]),
                who=namer.label(pos),
                size=plural(int(a.org_size[pos]), "person", "people"),
                company=company,
                rung=RUNG_ONE[rung],
                minimum=int(minimum[rung]),
            )

        yield from self.capped(ordered, namer.ids, one)

    def explains(self, findings: Any, org: Any, metrics: Any) -> set[str]:
        """At startup size, the named leaders and everyone in their orgs.

        The small-team findings say the title runs ahead of the team; the shape under
        that leader (a VP over PMs, no Director rung, no deputy) is the same cause.
        Above startup size only the people named are covered.
        """
        named = super().explains(findings, org, metrics)
        if not metrics.is_startup or not named:
            return named
        a = metrics.arrays
        ids = np.asarray(a.namer(org).ids(np.arange(a.n)), dtype=object)
        leader = np.isin(ids, list(named)) & (a.level >= 4)
        under = nearest_marked_ancestor(a.parent, leader) >= 0
        return named | set(ids[under].tolist())

    def _top_heavy(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        on = (a.level > 0) & a.valid
        ladder = int(on.sum())
        leaders = np.flatnonzero(on & (a.level >= 4))
        if ladder < options["min_product_people"] or not len(leaders):
            return
        share = len(leaders) / ladder
        if share <= options["max_leader_share"]:
            return
        leaders = leaders[np.lexsort((leaders, -a.level[leaders]))]
        counts = np.bincount(a.level[leaders], minlength=7)
        parts = ", ".join(rung_count(int(counts[r]), r) for r in (6, 5, 4) if counts[r])
        yield self.finding(
            "top_heavy",
            a.namer(org).ids(leaders[:MAX_PEOPLE]),
            leaders=f"{len(leaders)} ({parts})",
            ladder=plural(ladder, "person", "people"),
            share=share,
            limit=options["max_leader_share"],
        )


class LeaderWithoutTeam(Rule):
    """A Director, VP or CPO with no direct reports.

    What it checks
    --------------
    People on rungs 4-6 with nobody reporting to them. A warning at startup size,
    information in larger companies, where senior individual contributors
    (IC Directors, product strategists) are a deliberate career track.

    Why it matters on the ladder
    ----------------------------
    The leadership rungs are defined by leading: a Director leads PMs, a VP leads
    Directors. Without a team the title either describes an individual-contributor
    role (fine, if the company has that track) or promises something the org does not
    provide. At a startup it usually means the title came before the team.

    Example
    -------
    Director of Product Eli Stone has no one reporting to him.

    What to do
    ----------
    If the role is an IC track, give it a title that says so (Principal PM); if a team
    is planned, note the plan; otherwise align the title with the role.
    """

    name = "leader-without-team"
    code = "OC302"
    severity = "warning"
    noun = "leaders"
    messages: ClassVar[dict[str, str]] = {
        "default": "{who} has no direct reports",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Use an individual-contributor title (e.g. Principal PM) if that is the "
        "role, or give the leader the team the title promises.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        hits = np.flatnonzero((a.level >= 4) & a.valid & (a.direct_reports == 0))
        severity = None if metrics.is_startup else "info"
        namer = a.namer(org)
        ordered = by_priority(hits, a.level.astype(np.int64))

        def one(pos: int) -> Any:
            return self.finding(
                "default", namer.ids([int(pos)]), severity=severity, who=namer.label(int(pos))
            )

        yield from self.capped(ordered, namer.ids, one, severity)


RULES: tuple[Rule, ...] = (TitleInflation(), LeaderWithoutTeam())
