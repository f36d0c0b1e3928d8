"""Span and layer rules: how many people each manager has, and how tall the org is.

Thresholds rest on published org-design norms (see each rule's documentation): span
bands of 1 / 2-3 / 4-7 / 8-12 / 13-16 / 17+, with 8-12 "on target", and layer counts
that grow with headcount.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from orgcheck.rules._arrays import plural
from orgcheck.rules.base import MAX_PEOPLE, Option, Rule
from orgcheck.rules.ladder import by_priority

SCOPE_DOC = (
    'Which managers are judged: "product" (product people, and anyone managing a '
    'product person) or "all" (every manager in the file).'
)


def in_scope(a: Any, scope: str) -> np.ndarray:
    """Managers a span rule judges: product people and managers of product people."""
    if scope == "all":
        return np.ones(a.n, dtype=bool)
    product = a.is_product
    manages_product = np.zeros(a.n, dtype=bool)
    manages_product[a.parent[product & a.has_parent]] = True
    return product | manages_product


class WideSpan(Rule):
    """A manager with more direct reports than one person can coach.

    What it checks
    --------------
    Managers with more than ``max_span`` direct reports. Every manager in the file is
    judged by default, engineering and sales managers included, because an overloaded
    manager anywhere slows the teams product works with; set ``scope`` to judge only
    managers in or over product. A leader already named by missing-director-layer is
    not reported again for the same team.

    Why it matters on the ladder
    ----------------------------
    Coaching is most of a product leader's job on every rung from Senior PM up. Span
    benchmarks put 8-12 direct reports on target and 13 or more above it (Orgvue's
    bands; McKinsey's "facilitator" archetype tops out around 15 and warns that only
    very routine work supports more). Beyond that, one-to-ones and reviews crowd out
    the strategy work the upper rungs exist for.

    Example
    -------
    Director of Product Ravi Shah has 15 direct reports.

    What to do
    ----------
    Split the team under a new first-line leader (a Director or a Senior PM who leads
    part of it), or move people who do not need this manager's coaching.
    """

    name = "wide-span"
    code = "OC401"
    severity = "warning"
    noun = "managers"
    defers_to = ("missing-director-layer",)
    options = (
        Option(
            "max_span",
            12,
            "Most direct reports before a manager counts as overloaded (8-12 is on target).",
            minimum=1,
        ),
        Option("scope", "all", SCOPE_DOC, choices=("product", "all")),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "{who} has {count} direct reports (more than {limit})",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Split {who}'s team under a new first-line leader, aiming for 8-12 "
        "direct reports each.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        spans = a.direct_reports.astype(np.int64)
        hits = np.flatnonzero(
            (spans > options["max_span"]) & a.valid & in_scope(a, options["scope"])
        )
        namer = a.namer(org)
        ordered = by_priority(hits, spans)

        def one(pos: int) -> Any:
            return self.finding(
                "default",
                namer.ids([pos]),
                who=namer.label(pos),
                count=int(spans[pos]),
                limit=options["max_span"],
            )

        yield from self.capped(ordered, namer.ids, one)


class NarrowSpan(Rule):
    """A manager of one person who in turn manages others (a one-over-one layer).

    What it checks
    --------------
    Managers with exactly one direct report, where that report has reports of their
    own. A manager of one individual contributor (often a new team being hired) is
    not flagged. Judged within ``scope`` like wide-span. A pair already named by
    inverted-reporting (a report above their manager) is not reported twice.

    Why it matters on the ladder
    ----------------------------
    A one-over-one adds a layer without adding span: two rungs for one team, decisions
    passing through an extra person, and two leaders whose scopes overlap. It is the
    first band ("1") that span analyses separate out. It is often temporary (a vacancy
    in the middle), so it is reported as information.

    Example
    -------
    VP of Product Kai Moss manages only Director Ana Lin, who manages six PMs.

    What to do
    ----------
    Merge the two roles, give the upper manager a wider remit, or record the vacancy
    that explains the shape.
    """

    name = "narrow-span"
    code = "OC402"
    severity = "info"
    noun = "managers"
    defers_to = ("inverted-reporting",)
    options = (Option("scope", "all", SCOPE_DOC, choices=("product", "all")),)
    messages: ClassVar[dict[str, str]] = {
        "default": "{who} manages only {report}, who manages {count} in turn",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Merge the two layers or widen {who}'s remit; if a hire is planned "
        "under {who}, this resolves itself.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        managers_below = a.has_parent & (a.direct_reports > 0)
        one = a.direct_reports == 1
        # For a manager of exactly one, that one report is the child whose parent it is.
        child = np.full(a.n, -1, dtype=np.int64)
        kids = np.flatnonzero(a.has_parent & one[np.maximum(a.parent, 0)])
        child[a.parent[kids]] = kids
        hits = np.flatnonzero(
            one & a.valid & in_scope(a, options["scope"]) & managers_below[np.maximum(child, 0)]
        )
        hits = hits[child[hits] >= 0]
        namer = a.namer(org)
        ordered = by_priority(hits, a.org_size.astype(np.int64))

        def one(pos: int) -> Any:
            pos, kid = int(pos), int(child[pos])
            return self.finding(
                "default",
                namer.ids([pos, kid]),
                who=namer.label(pos),
                report=namer.label(kid),
                count=plural(int(a.direct_reports[kid]), "person", "people"),
            )

        yield from self.capped(ordered, namer.ids, one)


class DeepHierarchy(Rule):
    """More management layers than the company's headcount needs.

    What it checks
    --------------
    The number of layers (people from the top of the tree to the deepest person,
    counting both) against a limit that grows with the company size assumed: at most
    ``max_layers_small`` under ``medium_from`` people, ``max_layers_medium`` up to
    ``large_from``, and ``max_layers_large`` above. One layer too many is information;
    two or more is a warning.

    Why it matters on the ladder
    ----------------------------
    Every layer between a PM and the product leader slows decisions and filters what
    reaches the top. Published norms: about 4-5 layers under 500 people, 5-7 for
    500-5,000 and 6-9 above that, with more than 8-10 a sign of inefficiency;
    GitLab caps itself at 8. The full product ladder plus a CEO already makes seven
    rungs, so a small company that uses every rung as a layer is usually too tall.
    The norms are ranges, so a single extra layer is noted rather than alarmed about.

    Example
    -------
    A 120-person company whose deepest chain runs CEO, CPO, VP, Director, Senior PM,
    PM, APM: 7 layers where 5 would do.

    What to do
    ----------
    Remove one-over-one layers first (see narrow-span), then let Senior PMs and
    Directors share a layer where their teams are small.
    """

    name = "deep-hierarchy"
    code = "OC403"
    severity = "warning"
    options = (
        Option(
            "max_layers_small", 5, "Most layers for a company under medium_from people.", minimum=1
        ),
        Option(
            "max_layers_medium",
            7,
            "Most layers from medium_from up to large_from people.",
            minimum=1,
        ),
        Option("max_layers_large", 9, "Most layers above large_from people.", minimum=1),
        Option("medium_from", 500, "Headcount from which the medium limit applies.", minimum=1),
        Option("large_from", 5000, "Headcount above which the large limit applies.", minimum=1),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "The org has {layers} layers, from {top} down to {bottom}; a company of "
        "{company} needs at most {limit} ({deeper} below layer {limit})",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Flatten the deepest chains: remove one-over-one layers and merge small "
        "teams so that no one is more than {limit} layers from the top.",
    }

    def limit(self, company: int, options: dict[str, Any]) -> int:
        if company > options["large_from"]:
            return options["max_layers_large"]
        if company >= options["medium_from"]:
            return options["max_layers_medium"]
        return options["max_layers_small"]

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        limit = self.limit(metrics.company_size, options)
        if metrics.layers <= limit:
            return
        depth = np.where(a.valid, a.depth, -1)
        bottom = int(np.argmax(depth))
        top = int(a.nearest("root", a.parent < 0)[bottom])
        chain = [bottom]
        while len(chain) < MAX_PEOPLE and a.parent[chain[-1]] >= 0:
            chain.append(int(a.parent[chain[-1]]))
        namer = a.namer(org)
        yield self.finding(
            "default",
            namer.ids(chain),
            severity="info" if metrics.layers == limit + 1 else None,
            layers=metrics.layers,
            top=namer.label(top if top >= 0 else chain[-1]),
            bottom=namer.label(bottom),
            company=plural(metrics.company_size, "person", "people"),
            limit=limit,
            deeper=plural(int((depth >= limit).sum()), "person", "people"),
        )


RULES: tuple[Rule, ...] = (WideSpan(), NarrowSpan(), DeepHierarchy())
