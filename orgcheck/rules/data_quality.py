"""Data-quality rules: problems in the file itself, before the ladder can be judged.

All but ``unmapped-title`` are found while the org is built (``orgcheck.build``), where
the rows are at hand; the classes here carry their code, default severity and
documentation so that select/ignore, severities and the rule reference treat them like
every other rule. ``run_rules`` re-stamps the builder's findings from this registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from orgcheck.rules.base import MAX_PEOPLE, Option, Rule


class UnknownManager(Rule):
    """A manager reference matches nobody in the file.

    What it checks
    --------------
    Rows whose manager cell (an id, email or name) matches no person in the file. The
    person is treated as a top of the tree, so the report still covers them.

    Why it matters on the ladder
    ----------------------------
    Every ladder rule reads reporting lines. A broken reference cuts a person (and
    everyone under them) off from their real manager, which can hide a missing
    Director layer or invent an extra top of the org.

    Example
    -------
    Row 14, Sam Ortiz, Product Manager, manager "E-1093": no employee has id E-1093
    (often a leaver, or a manager outside the exported team).

    What to do
    ----------
    Fix the manager cell, include the missing manager in the export, or, when the file
    holds only part of the company, accept the finding for the people at its top.
    """

    name = "unknown-manager"
    needs_tree = False
    code = "OC101"
    severity = "warning"
    from_builder = True


class AmbiguousManager(Rule):
    """A manager reference matches more than one person.

    What it checks
    --------------
    Manager cells that match two or more people, typically a name shared by two
    employees when the manager column holds names instead of ids. Names are matched
    without case, accents, punctuation, courtesy titles, suffixes, bracketed notes and
    middle initials; a cell written exactly like one of the people that share its
    name, and carrying a middle initial the match leaves out ("Aarav M. Müller" beside
    "Aarav Q. Müller"), is not ambiguous and goes to that person.

    Why it matters on the ladder
    ----------------------------
    orgcheck will not guess who someone reports to: a guess could put a PM under the
    wrong leader and turn a healthy team into a false finding. The person is left
    without a manager instead, and this finding says so.

    Example
    -------
    Row 31 reports to "Alex Chen", and two people in the file are called Alex Chen.

    What to do
    ----------
    Export the manager's id or email instead of the name, or map the manager column
    to a unique key with ``--column manager=HEADER``.
    """

    name = "ambiguous-manager"
    needs_tree = False
    code = "OC102"
    severity = "warning"
    from_builder = True


class ReportingCycle(Rule):
    """People whose reporting lines go round in a circle.

    What it checks
    --------------
    Chains of managers that return to where they started (A reports to B, B reports
    to A), and the people who report into such a loop.

    Why it matters on the ladder
    ----------------------------
    A cycle has no top, so layers, rungs above and below, and org sizes cannot be
    measured for the people in or under it; they are left out of the ladder rules.
    No real org chart has a cycle, so it is always a data error.

    Example
    -------
    Director Kim Park reports to VP Lee Ford, and Lee Ford's manager cell names Kim
    Park.

    What to do
    ----------
    Correct the manager cell of one person on the loop (usually the most senior).
    """

    name = "reporting-cycle"
    needs_tree = False
    code = "OC103"
    severity = "error"
    from_builder = True


class DuplicatePerson(Rule):
    """The same person id appears on more than one row.

    What it checks
    --------------
    Ids (or, without an id column, emails) shared by several rows.

    Why it matters on the ladder
    ----------------------------
    Two rows for one person double-count a rung and make every reference to that id
    ambiguous, which distorts spans and the pyramid of rungs.

    Example
    -------
    Employee id 1042 appears on rows 12 and 240 (a transfer exported twice).

    What to do
    ----------
    Remove the stale row, or export one row per person.
    """

    name = "duplicate-person"
    needs_tree = False
    code = "OC104"
    severity = "warning"
    from_builder = True


class MultipleRoots(Rule):
    """The org has more than one top.

    What it checks
    --------------
    People with no manager in the file, when there is more than one of them. Tops
    that exist only because a manager reference matched nobody or several people, or
    because a reporting cycle was cut open, are left to unknown-manager,
    ambiguous-manager and reporting-cycle, which already name them.

    Why it matters on the ladder
    ----------------------------
    A company has one top; several usually mean broken manager references or a file
    that holds only part of the company. Layers and org sizes are then measured from
    each top separately, and a team cut off from its leader can hide a missing
    Director layer. A warning rather than an error: contractors and board members
    often have no manager in an export.

    Example
    -------
    The CEO and three contractors have an empty manager cell.

    What to do
    ----------
    Fill in the missing managers, or ignore this rule for partial exports.
    """

    name = "multiple-roots"
    code = "OC105"
    severity = "warning"
    from_builder = True
    defers_to = ("unknown-manager", "ambiguous-manager", "reporting-cycle")

    def settle(self, findings: list[Any], explained: set[str]) -> list[Any]:
        """Quiet when the extra tops are all explained elsewhere.

        A person whose manager cell matched nobody (or several people), or the person
        where a reporting cycle was cut, becomes a top of the tree; those findings
        already name them, so a second finding saying the org has several tops would
        repeat the same cause. It stays when at least two tops remain unexplained, or
        when the finding lists too many people to tell.
        """
        out = []
        for f in findings:
            unexplained = [p for p in f.people if p not in explained]
            if len(unexplained) <= 1 and len(f.people) < MAX_PEOPLE:
                continue
            out.append(f)
        return out


class MissingTitle(Rule):
    """People with an empty job title.

    What it checks
    --------------
    Rows whose title cell is empty.

    Why it matters on the ladder
    ----------------------------
    The rung comes from the title; without one a person cannot be placed on the ladder
    and drops out of every ladder rule and of the pyramid.

    Example
    -------
    Row 57, Jo Rivera, no title, reports to the Director of Product.

    What to do
    ----------
    Fill in the title in the HR system, or map the person with ``--title-map``.
    """

    name = "missing-title"
    needs_tree = False
    code = "OC106"
    severity = "warning"
    from_builder = True


class UnmappedTitle(Rule):
    """Job titles orgcheck cannot place on the ladder or in a function.

    What it checks
    --------------
    Distinct titles the classifier marked ``unknown``, with how many people hold each,
    in one finding (most common first).

    Why it matters on the ladder
    ----------------------------
    People with an unreadable title are invisible to the ladder rules: a Director with
    an unusual title may look missing, and a team may look smaller than it is. The
    finding says how much of the org the verdict does not cover.

    Example
    -------
    "Ninja, Growth Loops" (3 people) and "Chapter Lead" (2 people) are not recognised.

    What to do
    ----------
    Add the titles to a title map (``--title-map titles.csv`` or ``title_map`` in
    ``orgcheck.toml``) with the rung each one means; ``orgcheck classify TITLE`` shows
    how a title is read.
    """

    name = "unmapped-title"
    needs_tree = False
    code = "OC107"
    severity = "info"
    noun = "titles"
    options = (
        Option(
            "max_titles", 20, "Most titles listed in the finding (most common first).", minimum=1
        ),
    )
    messages: ClassVar[dict[str, str]] = {
        "default": "{count} in {titles} have a title orgcheck cannot place: {listed}",
    }
    suggestions: ClassVar[dict[str, str]] = {
        "default": "Map these titles to rungs or functions with --title-map (title,level) "
        "or title_map in orgcheck.toml; `orgcheck classify TITLE` shows how a title reads.",
    }

    def check(self, org: Any, metrics: Any, options: dict[str, Any]) -> Iterable[Any]:
        from orgcheck.rules._arrays import plural

        titles = org.titles
        if titles is None or not len(titles) or "function" not in titles.columns:
            return
        unknown = titles[titles["function"] == "unknown"]
        unknown = unknown[unknown["title"].fillna("").astype(str).str.strip() != ""]
        if not len(unknown):
            return
        unknown = unknown.sort_values(["count", "title"], ascending=[False, True])
        cap = options["max_titles"]
        shown = [
            f'"{t}" ({int(c)})'
            for t, c in zip(unknown["title"][:cap], unknown["count"][:cap], strict=True)
        ]
        listed = ", ".join(shown)
        if len(unknown) > cap:
            listed += f" and {len(unknown) - cap:,} more"
        people = _people_with_titles(org, set(unknown["title"][:cap]))
        yield self.finding(
            "default",
            people,
            count=plural(int(unknown["count"].sum()), "person", "people"),
            titles=plural(len(unknown), "title"),
            listed=listed,
        )


def _people_with_titles(org: Any, titles: set[str]) -> list[str]:
    """Ids of people holding the given titles (at most the finding's cap)."""
    from orgcheck.rules.base import MAX_PEOPLE

    hit = org.people["title"].isin(titles).to_numpy()
    positions = hit.nonzero()[0][:MAX_PEOPLE]
    return [str(v) for v in org.people["id"].iloc[positions].tolist()]


RULES: tuple[Rule, ...] = (
    UnknownManager(),
    AmbiguousManager(),
    ReportingCycle(),
    DuplicatePerson(),
    MultipleRoots(),
    MissingTitle(),
    UnmappedTitle(),
)
