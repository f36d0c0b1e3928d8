"""The report's fixed prose, in one place so HTML, Markdown and text say the same thing.

The ladder summaries restate the career-path seed's facts in the project's own words;
the healthy-shape text rests on the published norms the rules cite (NORMS.md).
"""

from __future__ import annotations

#: Rung -> (short badge, one-sentence summary of what the rung is for).
RUNGS: dict[int, tuple[str, str]] = {
    1: (
        "APM",
        "The entry rung. Works inside limits someone else sets: decides the order of "
        "their own tasks, reports status to peers and manager, and owns neither the "
        "strategy nor the roadmap.",
    ),
    2: (
        "PM",
        "Owns one product day to day. Other teams and the product team itself turn to "
        "this person first about it, and their calls lean on data.",
    ),
    3: (
        "Sr PM",
        "Runs bigger, more visible products, may guide less experienced PMs and helps "
        "shape the product strategy; speaks for the product team.",
    ),
    4: (
        "Dir",
        "The first rung that manages PMs rather than doing the work alone: owns and "
        "presents the roadmap, builds the team's process, links team KPIs to company "
        "results and coaches the PMs.",
    ),
    5: (
        "VP",
        "Answers for a whole product set, including its budget; strategic rather than "
        "hands-on. Large companies may have one per product line.",
    ),
    6: (
        "CPO",
        "Either a broadened VP role or the leader above several VPs; manages a "
        "portfolio on a three-to-five-year horizon.",
    ),
}

BEYOND_LADDER = (
    "Above the ladder sit general managers, COOs, CEOs and other executives. People "
    "outside product management keep their function (engineering, design, marketing, "
    "data, program, other) and no rung; a title that cannot be read is marked unknown."
)

CONTEXT = (
    "Company size changes what a healthy ladder looks like: at a startup one PM often "
    "covers several rungs' work under a single title, and product may report to a "
    "general manager or CTO rather than to a product leader. orgcheck therefore reads "
    "titles, not job descriptions, and states every assumption it made."
)

HEALTHY_SHAPE = (
    "A healthy product ladder narrows as it rises. The hands-on rungs (APM, PM, Senior "
    "PM) hold most people; each first-line product leader (a Director) has about 3 to "
    "6 PMs, because below that the role is a player-coach job with a leader's title "
    "and above it coaching and roadmap ownership thin out. A VP leads a few Directors "
    "(about 2 to 6), and there is at most one CPO. The healthy range given for each "
    "leadership rung is worked out from the number of people on the rung below."
)

SPAN_BANDS: tuple[tuple[int, int | None, str, bool], ...] = (
    # (low, high or None, label, on target)
    (1, 1, "one-to-one", False),
    (2, 3, "micro team", False),
    (4, 7, "below target", False),
    (8, 12, "on target", True),
    (13, 16, "above target", False),
    (17, None, "excessive", False),
)

SPAN_NOTE = (
    "Direct reports per manager, as a share of all managers. Org-design practice "
    "treats 8 to 12 direct reports as on target for most managers; one-to-one and "
    "micro teams add layers, 17 or more leaves too little time per report. The share "
    "in each band says more than an average would."
)

LAYERS_NOTE = (
    "People at each layer of the reporting tree (layer 1 is the top). Published norms "
    "suggest at most 5 layers under 500 people, 7 up to 5,000 and 9 beyond."
)

SEVERITY_LABELS: dict[str, str] = {"error": "Errors", "warning": "Warnings", "info": "Notes"}

MANAGER_KEYS: dict[str, str] = {
    "id": "Managers were matched by employee id.",
    "email": "Managers were matched by email address.",
    "name": (
        "Managers were matched by name, the least reliable key: two people with the "
        "same name, or a name spelt differently, leave a reporting line unresolved."
    ),
}
NO_MANAGER_COLUMN = (
    "The file has no manager column, so there is no reporting tree: spans, layers and "
    "reporting-line rules could not be checked."
)
