"""Ladder-shape rules: who reports to whom, judged by rung (SPEC §6 "Ladder shape").

Rungs (1 APM .. 6 CPO) come from the title classifier; people off the ladder have
rung 0 and are ignored here except where an executive acts as head of product.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from orgcheck.rules._arrays import Namer, groups, name_list, plural
from orgcheck.rules.base import MAX_FINDINGS, MAX_PEOPLE, Option, Rule

RUNG_PLURALS = {
    1: "Associate PMs",
    2: "PMs",
    3: "Senior PMs",
    4: "Directors",
    5: "VPs",
    6: "CPOs",
}


RUNG_SINGULAR = {r: name[:-1] for r, name in RUNG_PLURALS.items()}


def rung_count(count: int, rung: int) -> str:
    """``"1 Associate PM"``, ``"8 PMs"``."""
    return plural(count, RUNG_SINGULAR[rung], RUNG_PLURALS[rung])


def by_priority(positions: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Positions ordered by descending score, then by position (stable output)."""
    order = np.lexsort((positions, -score[positions]))
    return positions[order]


class MissingDirectorLayer(Rule):
    """A VP or CPO leads many PMs directly, with no Director between them.

    What it checks
    --------------
    A VP of Product, a CPO, or an executive acting as head of product (a CEO, GM or
    COO with PMs under them) who either manages at least ``min_direct`` people on
    rungs 1-3 directly, or leads at least ``min_org`` of them through nobody but other
    rung 1-3 people (no Director of Product anywhere between). At startup size it is
    information, with advice for the next hires: a founder or head of product leading
    every PM is how small companies work, and other startup rules (no-product-leader,
    product-reports-outside-product) treat the same situation the same way.

    Why it matters on the ladder
    ----------------------------
    The Director rung exists to run a team of PMs: coaching, process, owning and
    presenting the roadmap. A VP's job is the product set, its budget and its fit with
    the business, not day-to-day coaching. Practice puts 3 to 6 PMs under a first-line
    product leader and lets a VP lead 10 to 50 through Directors; a VP with eight
    direct PMs is doing a Director's job and nobody is doing the VP's. One finding per
    leader: their direct reports are not also reported as layer skips.

    Example
    -------
    VP of Product Dana Kim manages 10 PMs and APMs directly; no Director between them.

    What to do
    ----------
    Group the PMs into teams of 3 to 6 under a Director of Product (hire one, or
    promote a Senior PM who already mentors the others).
    """

    name = "missing-director-layer"
    code = "OC201"
    severity = "warning"
    noun = "leaders"
    options = (
        Option(
            "min_direct",
            6,
            "Fire when a VP/CPO/executive manages at least this many rung 1-3 people "
            "directly (first-line product leaders do well with 3-6).",
            minimum=1,
        ),
        Option(
            "min_org",
            8,
            "Fire when at least this many rung 1-3 people sit under them with no "
            "Director between, directly or under Senior PMs.",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "direct": "{who} manages {direct} directly; no Director between them",
        "org": "{who} leads {total} with no Director between them; "
        "{direct} {verb} to them directly",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Put a Director of Product between {first} and these PMs, in teams "
        "of 3-6 PMs each: hire one or promote a Senior PM who already mentors others.",
        "startup": "Normal at this size; as the team grows, plan first-line leads (a "
        "Senior PM who mentors others, later a Director of Product) so each leads 3-6 PMs.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        junior = a.is_junior & a.valid
        # The first person up the chain who is not rung 1-3: the one the juniors' line
        # reaches first outside the PM ranks (a Director, VP, executive, or anyone else).
        owner = a.nearest("above_juniors", ~a.is_junior)
        head = (a.level >= 5) | a.is_function("executive")
        direct = _direct_juniors(a, junior)
        unled = np.bincount(owner[junior & (owner >= 0)], minlength=a.n)
        hits = np.flatnonzero(
            head & a.valid & ((direct >= options["min_direct"]) | (unled >= options["min_org"]))
        )
        namer = a.namer(org)
        members = groups(owner, np.flatnonzero(junior & (owner >= 0) & np.isin(owner, hits)))
        ordered = by_priority(hits, unled)

        def one(pos: int) -> Any:
            team = members.get(pos, np.array([], dtype=np.int64))
            team = team[np.lexsort((team, -a.level[team], a.parent[team] != pos))]
            key = "direct" if direct[pos] >= options["min_direct"] else "org"
            who = namer.label(pos)
            own = team[a.parent[team] == pos]
            return self.finding(
                key,
                namer.ids([pos, *team[:MAX_PEOPLE].tolist()]),
                severity=severity,
                suggestion=startup_advice,
                who=who,
                first=who,
                direct=_junior_words(a, own),
                verb="reports" if len(own) == 1 else "report",
                total=_junior_words(a, team),
            )

        severity = "info" if metrics.is_startup else None
        startup_advice = self.suggestions["startup"] if metrics.is_startup else None
        yield from self.capped(ordered, namer.ids, one, severity)


def _direct_juniors(a: Any, junior: np.ndarray) -> np.ndarray:
    """How many rung 1-3 people each person manages directly."""
    return np.bincount(a.parent[junior & a.has_parent], minlength=a.n)


def _junior_words(a: Any, team: np.ndarray) -> str:
    """``"10 product managers (2 Senior PMs, 6 PMs, 2 Associate PMs)"``."""
    counts = np.bincount(a.level[team], minlength=7)
    parts = [rung_count(int(counts[r]), r) for r in (3, 2, 1) if counts[r]]
    if len(parts) == 1:
        return parts[0]
    return f"{plural(len(team), 'product manager')} ({', '.join(parts)})"


class LayerSkip(Rule):
    """Someone reports to a manager three or more rungs above them.

    What it checks
    --------------
    People on the ladder whose manager is on the ladder at least ``min_gap`` rungs
    higher and at least on rung ``min_manager_rung``: an APM or PM reporting to a VP,
    a PM or Senior PM reporting to the CPO. One finding per manager, naming the
    reports concerned. People already named by a missing-director-layer finding are
    not reported again, nor, at startup size, a team whose leader has a
    title-inflation finding: there the title is the problem, not a missing rung.

    Why it matters on the ladder
    ----------------------------
    Each rung coaches the one below: a Senior PM or Director grows a PM, a VP grows
    Directors. An APM under a VP gets strategy but no day-to-day product mentoring,
    and the VP spends time on work two rungs below their own. Directors are not
    judged by default: mentoring the whole PM team is part of the Director's job, and
    APM programmes commonly report to a Director.

    Example
    -------
    APM Lee Wong reports to VP of Product Dana Kim, four rungs above.

    What to do
    ----------
    Move the person under a Director or Senior PM in the same product area, or, if
    nobody fits, make that the next hire.
    """

    name = "layer-skip"
    code = "OC202"
    severity = "warning"
    noun = "managers"
    defers_to = ("missing-director-layer", "title-inflation")
    options = (
        Option(
            "min_gap",
            3,
            "Rungs between a person and their manager that count as a skip.",
            minimum=2,
        ),
        Option(
            "min_manager_rung",
            5,
            "Only managers on this rung or above are judged (5 = VP; 4 includes Directors).",
            minimum=2,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "one": "{reports} reports to {who}, {gap} rungs above",
        "many": "{count} report to {who}, {gap} or more rungs above: {reports}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Give {them} a manager one or two rungs above (a Senior PM or Director "
        "in the same area), so {who} is not coaching work several rungs below their own.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        on = (a.level > 0) & a.valid & (a.manager_level >= options["min_manager_rung"])
        gap = a.manager_level.astype(np.int16) - a.level
        skip = np.flatnonzero(on & (gap >= options["min_gap"]))
        yield from per_manager(self, org, a, skip, _skip_values)


def _skip_values(a: Any, namer: Namer, manager: int, reports: np.ndarray) -> dict[str, Any]:
    gaps = a.level[manager] - a.level[reports]
    labels = namer.labels(reports[:4])
    return {
        "key": "one" if len(reports) == 1 else "many",
        "count": plural(len(reports), "person", "people"),
        "gap": int(gaps.min()),
        "reports": name_list(labels, len(reports)),
        "them": "this person" if len(reports) == 1 else "them",
    }


def per_manager(rule: Rule, org: Any, a: Any, people: np.ndarray, values: Any) -> Iterator[Any]:
    """One finding per manager of ``people`` (busiest first), capped at MAX_FINDINGS.

    ``values(a, namer, manager, reports)`` returns the message values, including
    ``key`` (message key) and optionally ``severity``.
    """
    counts = np.bincount(a.parent[people], minlength=a.n)
    ordered = by_priority(np.flatnonzero(counts), counts)
    top = ordered[:MAX_FINDINGS]
    by_mgr = groups(a.parent, people[np.isin(a.parent[people], top)])
    namer = a.namer(org)

    def one(m: int) -> Any:
        reports = by_mgr[int(m)]
        reports = reports[np.lexsort((reports, -a.level[reports]))]
        vals = values(a, namer, int(m), reports)
        who = namer.label(int(m))
        return rule.finding(
            vals.pop("key"),
            namer.ids([int(m), *reports[:MAX_PEOPLE].tolist()]),
            severity=vals.pop("severity", None),
            who=who,
            **vals,
        )

    yield from rule.capped(ordered, namer.ids, one)


class InvertedReporting(Rule):
    """A manager on a lower rung than someone who reports to them.

    What it checks
    --------------
    Pairs where both people are on the ladder and the report's rung is above the
    manager's (a PM managing a Senior PM): one finding per manager. Reports on the
    manager's own rung (a Director under a Director) are gathered into a single
    information finding for the whole org when ``same_rung`` is on.

    Why it matters on the ladder
    ----------------------------
    A rung is a scope of responsibility; the person setting direction and reviewing
    performance should hold the wider scope. A report above their manager is either a
    title error or a reporting line that undermines both people. Same-rung reporting
    ("grade compression"; GitLab's handbook rules it out) usually means a rung the
    canonical ladder does not name, such as Group PM or Senior Director: worth
    knowing, not an alarm, so it is one note rather than one per manager.

    Example
    -------
    Senior PM Ana Ruiz reports to PM Tom Berg.

    What to do
    ----------
    Check both titles first (one of them is often out of date); otherwise move the
    report to a manager on a higher rung, or recognise the manager's real scope. For
    same-rung lines, name the hidden rung in titles or pin it in a title map.
    """

    name = "inverted-reporting"
    code = "OC203"
    severity = "error"
    noun = "managers"
    options = (Option("same_rung", True, "Also note (as info) reports on the manager's own rung."),)
    messages: ClassVar[dict[str, str]] = {
        "above": "{who} manages {reports}, on a higher rung than their manager",
        "same": "{count} {verb} people on their own rung: {managers}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "above": "Check both titles; if they are right, move the report under someone on "
        "a higher rung or recognise {who}'s real scope with a matching title.",
        "same": "Usually a rung the ladder does not name (Group PM, Senior Director): make "
        "it visible in titles or pin those titles in a title map; otherwise move the "
        "reports under someone a rung higher.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        on = (a.level > 0) & a.valid & (a.manager_level > 0)
        above = np.flatnonzero(on & (a.level > a.manager_level))
        yield from per_manager(self, org, a, above, _inverted_values)
        if options["same_rung"]:
            same = np.flatnonzero(on & (a.level == a.manager_level))
            if len(same):
                yield self._same_rung(org, a, same)

    def _same_rung(self, org: Any, a: Any, same: np.ndarray) -> Any:
        counts = np.bincount(a.parent[same], minlength=a.n)
        managers = by_priority(np.flatnonzero(counts), counts)
        namer = a.namer(org)
        shown = [
            f"{label} ({plural(int(counts[m]), 'report')})"
            for label, m in zip(namer.labels(managers[:4]), managers[:4], strict=True)
        ]
        people = [*managers[:MAX_PEOPLE].tolist(), *same[: MAX_PEOPLE - len(managers)].tolist()]
        return self.finding(
            "same",
            namer.ids(people[:MAX_PEOPLE]),
            severity="info",
            count=plural(len(managers), "manager"),
            verb="manages" if len(managers) == 1 else "manage",
            managers=name_list(shown, len(managers)),
        )


def _inverted_values(a: Any, namer: Namer, manager: int, reports: np.ndarray) -> dict[str, Any]:
    return {"key": "above", "reports": name_list(namer.labels(reports[:4]), len(reports))}


class LadderGap(Rule):
    """A rung in the middle of the product ladder has nobody on it.

    What it checks
    --------------
    In the product org as a whole, a rung listed in ``rungs`` that lies between the
    lowest and the highest rung present and holds nobody, e.g. APMs and Senior PMs
    but no PMs. Product orgs smaller than ``min_people`` are not judged.

    Why it matters on the ladder
    ----------------------------
    The ladder is a career path: each rung is the next step for the one below and the
    bench for the one above. A hole means APMs have no visible next step, or the next
    Director has to come from outside. The VP rung is left out by default: a CPO who
    leads Directors directly is the "expanded VP" form of the role. When a
    missing-director-layer finding already names everyone around the gap, or at
    startup size everyone around it sits in the team of a leader with a
    title-inflation finding (the empty rung is the inflated title's), this rule
    stays quiet (same cause).

    Example
    -------
    A product org with 3 APMs, 4 Senior PMs and a Director, but no PMs.

    What to do
    ----------
    Promote into the empty rung where people are ready, or hire into it next; check
    the titles too, since a level-less title ("Product Owner") can hide the rung.
    """

    name = "ladder-gap"
    needs_tree = False
    code = "OC204"
    severity = "warning"
    defers_to = ("missing-director-layer", "title-inflation")
    options = (
        Option(
            "rungs",
            [2, 3, 4],
            "Rungs (2-5) that count as a gap when empty (1 and 6 cannot lie between others).",
            choices=(2, 3, 4, 5),
        ),
        Option(
            "min_people",
            6,
            "Only judge product orgs with at least this many people on the ladder.",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "The product ladder has {gaps}",
        "gap": "no {missing} between {below} and {above}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Fill the empty rung by promotion or hiring, so the people below have a "
        "next step and the people above a bench; check the titles of the people near it.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        on = (a.level > 0) & a.valid
        if on.sum() < options["min_people"]:
            return
        counts = np.bincount(a.level[on], minlength=7)
        present = [r for r in range(1, 7) if counts[r]]
        gaps = []  # (rung below, empty rungs, rung above) for each judged hole
        for lower, upper in itertools.pairwise(present):
            empty = [r for r in range(lower + 1, upper) if r in options["rungs"]]
            if empty:
                gaps.append((lower, empty, upper))
        if not gaps:
            return
        edges = {r for lower, _, upper in gaps for r in (lower, upper)}
        near = np.flatnonzero(on & np.isin(a.level, list(edges)))
        near = near[np.lexsort((near, -a.level[near]))]
        words = [
            self.messages["gap"].format(
                missing=" or ".join(RUNG_PLURALS[r] for r in empty),
                below=rung_count(int(counts[lower]), lower),
                above=rung_count(int(counts[upper]), upper),
            )
            for lower, empty, upper in gaps
        ]
        yield self.finding("default", a.namer(org).ids(near[:MAX_PEOPLE]), gaps="; ".join(words))


class NoSuccessor(Rule):
    """A product leader with nobody on the rung just below among their reports.

    What it checks
    --------------
    Directors, VPs and CPOs with at least ``min_reports`` direct reports on the ladder
    but none on the rung just below their own (a Director without a Senior PM, a VP
    without a Director). Reports on the leader's own rung count as a bench too (a
    Senior Director leading Directors), and a CPO's bench may also be a Director,
    since a CPO can be an expanded VP role. Leaders already named by
    missing-director-layer are skipped, and so, at startup size, are leaders named by
    title-inflation (the advice there is a smaller title, not a deputy).

    Why it matters on the ladder
    ----------------------------
    Bench strength: the rung below is where a leader's successor and deputy come from.
    Without one, every absence or departure of the leader lands two rungs down, and
    promotions into the rung have nobody ready.

    Example
    -------
    Director of Product Mia Hall manages four PMs and no Senior PM.

    What to do
    ----------
    Develop or hire someone on the rung below who can stand in for the leader; a
    Senior PM who mentors the others is the usual Director's deputy.
    """

    name = "no-successor"
    code = "OC205"
    severity = "info"
    noun = "leaders"
    defers_to = ("missing-director-layer", "title-inflation")
    options = (
        Option(
            "min_reports",
            3,
            "Only judge leaders with at least this many direct reports on the ladder "
            "(a leader of one or two is not expected to have a bench yet).",
            minimum=1,
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "{who} has {reports} reporting directly and no {below} among them",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Grow or hire a {below_one} under {who} who could stand in for them.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterator[Any]:
        a = metrics.arrays
        on = (a.level > 0) & a.has_parent & a.valid
        ladder_reports = np.bincount(a.parent[on], minlength=a.n)
        # A report on the rung just below or on the leader's own rung (for a CPO,
        # rung 4 counts as well).
        successor = on & (
            (a.level == a.manager_level - 1)
            | (a.level == a.manager_level)
            | ((a.manager_level == 6) & (a.level == 4))
        )
        has_successor = np.bincount(a.parent[successor], minlength=a.n) > 0
        hits = np.flatnonzero(
            (a.level >= 4) & a.valid & (ladder_reports >= options["min_reports"]) & ~has_successor
        )
        namer = a.namer(org)
        ordered = by_priority(hits, ladder_reports)

        def one(pos: int) -> Any:
            below = RUNG_PLURALS[a.level[pos] - 1]
            return self.finding(
                "default",
                namer.ids([pos]),
                who=namer.label(pos),
                reports=plural(int(ladder_reports[pos]), "product person", "product people"),
                below=below if a.level[pos] < 6 else "VPs or Directors",
                below_one=RUNG_SINGULAR[a.level[pos] - 1] if a.level[pos] < 6 else "VP or Director",
            )

        yield from self.capped(ordered, namer.ids, one)


RULES: tuple[Rule, ...] = (
    MissingDirectorLayer(),
    LayerSkip(),
    InvertedReporting(),
    LadderGap(),
    NoSuccessor(),
)
