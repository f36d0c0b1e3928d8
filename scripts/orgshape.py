"""Shape of a realistic company, shared by the sample files and the benchmark generator.

One seeded ``random.Random`` drives everything, so a given (size, seed) always yields
the same people in the same order. The shape follows published norms (see
/work/shared/NORMS.md): spans of 5-9 for first-line managers, product managers at
about 1 per 8 engineers, a VP per product line under a CPO, and business units under
a CEO once a company is too big for one functional tree. Stories (the deliberate
problems a sample demonstrates) are applied by the callers, not here.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta


def _words(text: str) -> list[str]:
    """Space-separated words; an underscore stands for a space inside one entry."""
    return [word.replace("_", " ") for word in text.split()]


FIRST_NAMES = _words(
    "Aaliyah Aarav Abigail Adebayo Aiko Alejandro Alex Alice Amara Amir Ana Andrei Anika "
    "Anna Antoine Arjun Astrid Ayesha Beatriz Ben Bianca Björn Bruno Camille Carlos "
    "Carmen Charlotte Chen Chiara Chloe Chris Daniel Daria David Deepa Diego Dmitri "
    "Elena Eli Elif Emeka Emily Emma Ethan Fatima Felix Fernanda Finn Francesca Gabriel "
    "Grace Hana Hannah Hassan Henrik Hiroshi Ibrahim Ines Ingrid Isaac Isabel Ivan Jack "
    "Jamal James Jana Javier Jin Joanna Jonas José Julia Kai Kamala Karim Katarzyna "
    "Kenji Kofi Laila Lars Laura Leah Leila Leo Lina Lucas Lucía Luis Maja Malik "
    "Marco Maria Marta Mateo Maya Mei Mia Michael Miguel Mohammed Nadia Naomi Nikhil "
    "Nina Noah Nora Olga Oliver Olivia Omar Oscar Pablo Paolo Patrick Pedro Priya Rafael "
    "Rahul Ravi Rebecca Renée Rosa Ryan Sakura Samuel Sara Sebastian Sergei Shreya Simone "
    "Sofia Sophie Stefan Sven Tariq Thomas Tomás Valentina Victor Wei Yara Yusuf Zara Zoë"
)

LAST_NAMES = _words(
    "Abe Adeyemi Ahmed Alvarez Andersen Bauer Becker Bergström Bianchi Brown Campbell "
    "Castillo Chen Costa Dubois Dvořák Eriksson Evans Fernández Fischer Garcia Gomez "
    "González Gupta Haddad Hansen Hernández Hoffmann Horvath Huang Ivanova Jansen Johnson "
    "Jones Kaur Kim Kowalski Kumar Larsen Laurent Lee Lopez Martin Martínez Meyer Mishra "
    "Moreau Müller Murphy Nakamura Nguyen Nielsen Novak O'Brien Okafor Okonkwo Olsen "
    "Park Patel Pereira Petrov Popescu Rahman Ramírez Reddy Richter Rodríguez Romano Rossi "
    "Sánchez Santos Sato Schmidt Schneider Shah Silva Singh Smith Sørensen Suzuki Tanaka "
    "Taylor Thompson Torres van_den_Berg Wagner Walker Wang Weber Williams Wilson Wójcik "
    "Wright Wu Yamamoto Yılmaz Zhang Zhou"
)

LOCATIONS = (
    ("New York, NY", 5),
    ("San Francisco, CA", 4),
    ("Austin, TX", 3),
    ("London", 3),
    ("Berlin", 2),
    ("Toronto", 2),
    ("Bengaluru", 3),
    ("Remote - US", 3),
    ("Dublin", 1),
    ("Singapore", 1),
    ("São Paulo", 1),
)

PRODUCT_LINES = _words(
    "Payments Checkout Marketplace Search Identity Mobile Platform Growth Messaging "
    "Logistics Pricing Loyalty Merchant_Tools Analytics Billing Onboarding Ads Risk "
    "Insurance Lending Catalog Fulfilment Subscriptions Partner_APIs Trust_&_Safety "
    "Notifications Reporting Travel Rewards Data_Platform"
)

BUSINESS_UNITS = _words(
    "Retail Wholesale Financial_Services Logistics Healthcare Media Travel Energy "
    "Industrial Consumer Enterprise_Software Public_Sector Insurance Automotive Telecom"
)


def weighted(*pairs: tuple[str, int]) -> tuple[str, ...]:
    """A title pool where each title appears as often as its weight (fast ``rng.choice``)."""
    return tuple(title for title, weight in pairs for _ in range(weight))


ENGINEER_TITLES = weighted(
    ("Software Engineer", 6),
    ("Software Engineer II", 5),
    ("Senior Software Engineer", 7),
    ("Sr. Software Engineer", 2),
    ("Staff Software Engineer", 2),
    ("Principal Engineer", 1),
    ("Frontend Engineer", 2),
    ("Backend Engineer", 2),
    ("iOS Engineer", 1),
    ("Android Engineer", 1),
    ("QA Engineer", 2),
    ("Site Reliability Engineer", 1),
    ("DevOps Engineer", 1),
    ("Data Engineer", 1),
    ("Machine Learning Engineer", 1),
    ("Software Development Engineer in Test", 1),
)
PM_TITLES = weighted(
    ("Associate Product Manager", 2),
    ("APM", 1),
    ("Product Manager", 5),
    ("Product Manager II", 3),
    ("Product Manager, {line}", 2),
    ("Technical Product Manager", 1),
    ("Senior Product Manager", 4),
    ("Sr. PM, {line}", 2),
    ("Sr. Product Manager - {line}", 1),
    ("Principal Product Manager", 1),
)
GPM_TITLES = weighted(
    ("Group Product Manager", 3), ("Lead Product Manager, {line}", 1), ("Group PM", 1)
)
PRODUCT_DIRECTOR_TITLES = weighted(
    ("Director, Product Management – {line}", 2),
    ("Director of Product, {line}", 2),
    ("Product Director", 1),
)
DESIGN_TITLES = weighted(
    ("Product Designer", 5),
    ("Senior Product Designer", 3),
    ("UX Designer", 2),
    ("UX Researcher", 1),
    ("Content Designer", 1),
    ("Visual Designer", 1),
)
DATA_TITLES = weighted(
    ("Data Analyst", 4),
    ("Senior Data Analyst", 2),
    ("Data Scientist", 3),
    ("Senior Data Scientist", 2),
    ("Analytics Engineer", 1),
    ("BI Developer", 1),
)
MARKETING_TITLES = weighted(
    ("Marketing Manager", 3),
    ("Product Marketing Manager", 3),
    ("Senior Product Marketing Manager", 1),
    ("Content Marketing Specialist", 2),
    ("Growth Marketing Manager", 1),
    ("Brand Designer", 1),
    ("Marketing Coordinator", 2),
    ("SEO Specialist", 1),
)
SALES_TITLES = weighted(
    ("Account Executive", 5),
    ("Senior Account Executive", 2),
    ("Sales Development Representative", 4),
    ("Account Manager", 3),
    ("Solutions Engineer", 1),
    ("Sales Operations Analyst", 1),
)
SUPPORT_TITLES = weighted(
    ("Customer Support Specialist", 6),
    ("Customer Support Specialist II", 3),
    ("Technical Support Engineer", 2),
    ("Customer Success Manager", 3),
    ("Support Operations Analyst", 1),
)
OPS_TITLES = weighted(
    ("Operations Associate", 4),
    ("Operations Analyst", 3),
    ("Warehouse Associate", 3),
    ("Logistics Coordinator", 2),
    ("Vendor Manager", 1),
)
FINANCE_TITLES = weighted(
    ("Financial Analyst", 3), ("Senior Accountant", 2), ("Accountant", 2), ("FP&A Analyst", 1)
)
PEOPLE_TITLES = weighted(
    ("HR Business Partner", 2),
    ("Recruiter", 3),
    ("Technical Recruiter", 2),
    ("People Operations Specialist", 2),
    ("Payroll Specialist", 1),
)
LEGAL_TITLES = weighted(("Corporate Counsel", 2), ("Paralegal", 1), ("Compliance Analyst", 1))
IT_TITLES = weighted(
    ("IT Support Specialist", 3), ("Systems Administrator", 2), ("Security Engineer", 2)
)


@dataclass(slots=True, eq=False)
class Person:
    """One row of the export before it is formatted for a particular HR system."""

    first: str
    last: str
    title: str
    manager: Person | None
    dept: str
    location: str
    hired: date
    function: str
    active: bool = True
    matrix: Person | None = None
    pid: int = 0  # employee number, assigned by ``OrgShape.number``

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def ascii_fold(text: str) -> str:
    """Names without accents, as mail systems spell them in addresses."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Layer:
    """One management layer of a pyramid: who manages, and how many reports each gets."""

    titles: Sequence[str]
    span: tuple[int, int]


@dataclass
class OrgShape:
    """A growing list of people plus the seeded randomness that shapes them."""

    seed: int
    unique_names: bool = False
    rich_names: bool = False  # middle initials and double surnames, for very large orgs
    start: date = date(2008, 1, 1)
    end: date = date(2026, 10, 1)
    people: list[Person] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self._names: set[str] = set()
        self._locations = weighted(*LOCATIONS)
        self._days = (self.end - self.start).days

    # -- single people -------------------------------------------------------------------
    def name(self) -> tuple[str, str]:
        """A first and last name; unique within the org when ``unique_names`` is set."""
        rng = self.rng
        while True:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            if self.rich_names:
                if rng.random() < 0.5:
                    first = f"{first} {chr(65 + rng.randrange(26))}."
                if rng.random() < 0.3:
                    last = f"{last}-{rng.choice(LAST_NAMES)}"
            if not self.unique_names:
                return first, last
            if f"{first} {last}" not in self._names:
                self._names.add(f"{first} {last}")
                return first, last

    def add(
        self,
        title: str,
        manager: Person | None,
        dept: str,
        function: str,
        location: str | None = None,
        name: tuple[str, str] | None = None,
    ) -> Person:
        first, last = name or self.name()
        if location is None:
            if manager is not None and self.rng.random() < 0.7:
                location = manager.location
            else:
                location = self.rng.choice(self._locations)
        hired = self.start + timedelta(days=self.rng.randrange(self._days))
        person = Person(first, last, title, manager, dept, location, hired, function)
        self.people.append(person)
        return person

    # -- teams ---------------------------------------------------------------------------
    def pyramid(
        self,
        top: Person,
        n_ic: int,
        ic_titles: Sequence[str],
        layers: Sequence[Layer],
        dept: str,
        function: str,
        top_span: int = 8,
        min_layers: int = 0,
        fmt: dict[str, str] | None = None,
    ) -> list[Person]:
        """``n_ic`` individual contributors under ``top`` with managers layered above them.

        Managers are added bottom-up: the ICs are cut into teams of a span drawn from
        the layer's range, each team gets a manager, and so on until the top layer is
        small enough for ``top`` (or ``min_layers`` is reached). The last layer's titles
        repeat if more layers are needed. Returns the ICs.
        """
        fmt = fmt or {}
        rng = self.rng
        ics = [
            self.add(rng.choice(ic_titles).format(**fmt), None, dept, function) for _ in range(n_ic)
        ]
        level = ics
        depth = 0
        while layers and (len(level) > top_span or depth < min_layers) and len(level) > 1:
            layer = layers[min(depth, len(layers) - 1)]
            managers = []
            i = 0
            while i < len(level):
                size = rng.randint(*layer.span)
                team = level[i : i + size]
                boss = self.add(rng.choice(layer.titles).format(**fmt), None, dept, function)
                for member in team:
                    member.manager = boss
                    if rng.random() < 0.7:
                        member.location = boss.location
                managers.append(boss)
                i += size
            level = managers
            depth += 1
        for member in level:
            member.manager = top
        return ics

    # -- finishing -----------------------------------------------------------------------
    def number(self, first_id: int = 100001) -> None:
        """Employee numbers in hire order (as HR systems hand them out), then shuffle rows."""
        order = sorted(self.people, key=lambda p: (p.hired, p.first, p.last))
        for offset, person in enumerate(order):
            person.pid = first_id + offset
        self.rng.shuffle(self.people)

    def emails(self, domain: str) -> dict[int, str]:
        """first.last@domain, with a number added on a clash, keyed by ``id(person)``."""
        seen: dict[str, int] = {}
        out: dict[int, str] = {}
        for p in sorted(self.people, key=lambda p: p.pid):
            local = ascii_fold(f"{p.first}.{p.last}").lower().replace(" ", "").replace("'", "")
            n = seen.get(local, 0)
            seen[local] = n + 1
            out[id(p)] = f"{local}{n + 1 if n else ''}@{domain}"
        return out

    def retire(self, share: float) -> None:
        """Mark a share of people who manage nobody as inactive (left but still exported)."""
        managers = {id(p.manager) for p in self.people if p.manager is not None}
        for p in self.people:
            if id(p) not in managers and p.manager is not None and self.rng.random() < share:
                p.active = False


# -- a whole company -----------------------------------------------------------------------

#: Share of the non-executive headcount in each function (sums to 1).
MIX = {
    "engineering": 0.38,
    "product": 0.045,
    "design": 0.02,
    "data": 0.035,
    "marketing": 0.07,
    "sales": 0.18,
    "support": 0.14,
    "operations": 0.05,
    "finance": 0.03,
    "people": 0.025,
    "legal": 0.01,
    "it": 0.015,
}

#: People per individual contributor once managers are added above them.
MANAGER_OVERHEAD = 1.2

#: A branch grown with narrow spans and a distinct title on every layer (deep hierarchy).
DEEP_LADDER = [
    Layer((title,), span)
    for title, span in (
        ("Shift Lead", (3, 5)),
        ("Operations Supervisor", (2, 2)),
        ("Operations Manager", (2, 2)),
        ("Senior Operations Manager", (2, 2)),
        ("Director of Operations", (2, 2)),
        ("Senior Director, Operations", (2, 2)),
        ("Head of Regional Operations", (2, 2)),
        ("Vice President, Field Operations", (2, 2)),
    )
]

#: Above this size the company is split into business units of about this size.
BU_SIZE = 6000


@dataclass
class Company:
    """Handles on the key people of one company or business unit, for stories to edit."""

    root: Person
    execs: dict[str, Person]
    product_vps: dict[str, Person]
    eng_vps: dict[str, Person]
    branch_tops: dict[str, Person]


def build_company(
    shape: OrgShape,
    n: int,
    root: Person,
    prefix: str = "",
    lines: Sequence[str] | None = None,
    flat_lines: frozenset[str] = frozenset(),
    deep_branch: str | None = None,
) -> Company:
    """Fill one company (or business unit) of about ``n`` people under ``root``.

    ``flat_lines``: product lines whose director leads PMs directly, with nobody on the
    senior rung (a line with no successor). ``deep_branch``: a function built with
    narrow spans and many management layers.
    """
    rng = shape.rng
    start = len(shape.people)
    execs_spec = {
        "product": "Chief Product Officer",
        "engineering": "Chief Technology Officer",
        "marketing": "Chief Marketing Officer",
        "sales": "Chief Revenue Officer",
        "operations": "Chief Operating Officer",
        "finance": "Chief Financial Officer",
        "people": "Chief People Officer",
        "legal": "General Counsel",
    }
    if prefix:  # a business unit has SVPs where a company has chiefs
        execs_spec = {
            "product": "SVP Product",
            "engineering": "SVP Engineering",
            "marketing": "VP Marketing",
            "sales": "SVP Sales",
            "operations": "SVP Operations",
            "finance": "VP Finance",
            "people": "VP People",
            "legal": "Associate General Counsel",
        }
    unit = f"{prefix} " if prefix else ""
    fn_of_exec = {"product": "product", "engineering": "engineering", "legal": "executive"}
    execs = {
        key: shape.add(
            f"{title}, {prefix}" if prefix else title,
            root,
            f"{unit}{key.title()}".strip(),
            fn_of_exec.get(key, "executive" if not prefix else key),
        )
        for key, title in execs_spec.items()
    }
    rest = max(0, n - 1 - len(execs)) / MANAGER_OVERHEAD
    counts = {fn: round(rest * share) for fn, share in MIX.items()}
    n_lines = max(2, min(8, round(counts["product"] / 25)))
    lines = list(lines or PRODUCT_LINES[:n_lines])
    product_vps: dict[str, Person] = {}
    eng_vps: dict[str, Person] = {}

    pm_split = _split(rng, counts["product"] - 2 * len(lines), len(lines))
    eng_split = _split(rng, counts["engineering"] - len(lines), len(lines))
    for line, n_pm, n_eng in zip(lines, pm_split, eng_split, strict=True):
        fmt = {"line": line}
        vp = shape.add(
            rng.choice(("VP, Product – {line}", "Vice President of Product, {line}")).format(**fmt),
            execs["product"],
            f"{unit}Product Management – {line}",
            "product",
        )
        product_vps[line] = vp
        if line in flat_lines:
            flat_ic = weighted(
                ("Product Manager", 3), ("Product Manager II", 2), ("Associate Product Manager", 2)
            )
            director = shape.add(f"Director, Product Management – {line}", vp, vp.dept, "product")
            shape.pyramid(director, min(n_pm, 9), flat_ic, [], vp.dept, "product", 10**9)
        else:
            shape.pyramid(
                vp,
                n_pm,
                PM_TITLES,
                [Layer(GPM_TITLES, (3, 6)), Layer(PRODUCT_DIRECTOR_TITLES, (2, 3))],
                vp.dept,
                "product",
                top_span=6,
                min_layers=2,
                fmt=fmt,
            )
        evp = shape.add(
            f"VP Engineering, {line}",
            execs["engineering"],
            f"{unit}{line} Engineering",
            "engineering",
        )
        eng_vps[line] = evp
        shape.pyramid(
            evp,
            n_eng,
            ENGINEER_TITLES,
            [
                Layer(("Engineering Manager", "Software Engineering Manager"), (5, 9)),
                Layer(("Director of Engineering", "Engineering Director"), (3, 6)),
                Layer(("Senior Director of Engineering",), (2, 5)),
            ],
            evp.dept,
            "engineering",
            min_layers=1,
        )

    branch_tops: dict[str, Person] = {}

    def branch(key, head_title, exec_key, n_ic, ic_titles, layers, dept, function):
        """A function under its executive; ``head_title`` None puts it straight under them."""
        head = execs[exec_key]
        if head_title:
            head = shape.add(head_title, head, f"{unit}{dept}", function)
        branch_tops[key] = head
        if key == deep_branch:
            shape.pyramid(head, n_ic, ic_titles, DEEP_LADDER, f"{unit}{dept}", function, 2, 7)
        else:
            shape.pyramid(head, n_ic, ic_titles, layers, f"{unit}{dept}", function)

    branch(
        "design", "VP of Design", "product", counts["design"], DESIGN_TITLES,
        [Layer(("Design Manager", "Product Design Manager"), (4, 8)),
         Layer(("Director of Design",), (2, 5))],
        "Design", "design",
    )  # fmt: skip
    branch(
        "data", "VP, Data & Analytics", "engineering", counts["data"], DATA_TITLES,
        [Layer(("Analytics Manager", "Data Science Manager"), (4, 8)),
         Layer(("Director of Data Science",), (2, 5))],
        "Data & Analytics", "data",
    )  # fmt: skip
    branch(
        "marketing", None, "marketing", counts["marketing"], MARKETING_TITLES,
        [Layer(("Marketing Team Lead", "Senior Marketing Manager"), (4, 8)),
         Layer(("Director of Marketing", "Director, Product Marketing"), (3, 6))],
        "Marketing", "marketing",
    )  # fmt: skip
    branch(
        "sales", None, "sales", counts["sales"], SALES_TITLES,
        [Layer(("Sales Manager", "Regional Sales Manager"), (6, 10)),
         Layer(("Regional Sales Director",), (3, 6)),
         Layer(("Area Vice President, Sales",), (2, 5))],
        "Sales", "sales",
    )  # fmt: skip
    branch(
        "support", "VP Customer Support", "operations", counts["support"], SUPPORT_TITLES,
        [Layer(("Support Team Lead", "Customer Support Supervisor"), (7, 12)),
         Layer(("Support Manager",), (3, 6)),
         Layer(("Director of Customer Support",), (2, 5))],
        "Customer Support", "other",
    )  # fmt: skip
    branch(
        "operations", "VP Operations", "operations", counts["operations"], OPS_TITLES,
        [Layer(("Operations Supervisor", "Shift Lead"), (5, 9)),
         Layer(("Operations Manager", "Senior Operations Manager"), (3, 6)),
         Layer(("Director of Operations", "Senior Director, Operations"), (2, 5)),
         Layer(("Head of Regional Operations",), (2, 4))],
        "Operations", "other",
    )  # fmt: skip
    branch(
        "finance", "VP Finance", "finance", counts["finance"], FINANCE_TITLES,
        [Layer(("Finance Manager", "Accounting Manager"), (4, 8))], "Finance", "other",
    )  # fmt: skip
    branch(
        "people", None, "people", counts["people"], PEOPLE_TITLES,
        [Layer(("People Partner Lead", "Recruiting Manager"), (4, 8))], "People", "other",
    )  # fmt: skip
    branch(
        "legal", None, "legal", counts["legal"], LEGAL_TITLES,
        [Layer(("Senior Counsel",), (3, 6))], "Legal", "other",
    )  # fmt: skip
    branch(
        "it", "Director of IT", "finance", counts["it"], IT_TITLES,
        [Layer(("IT Manager",), (4, 8))], "IT", "other",
    )  # fmt: skip
    for person in shape.people[start:]:  # designers pair with their product line on a dotted line
        if person.function == "design" and person.manager and rng.random() < 0.6:
            person.matrix = product_vps[rng.choice(lines)]
    return Company(root, execs, product_vps, eng_vps, branch_tops)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` uneven but non-empty pieces."""
    total = max(total, parts)
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    pieces = [max(1, int(w * scale)) for w in weights]
    pieces[0] += total - sum(pieces)
    return pieces


def build_enterprise(shape: OrgShape, n: int) -> Person:
    """A company of about ``n`` people: one tree up to ``BU_SIZE``, business units beyond."""
    ceo = shape.add("Chief Executive Officer", None, "Office of the CEO", "executive")
    if n <= BU_SIZE:
        build_company(shape, n, ceo)
        return ceo
    n_units = -(-n // BU_SIZE)
    sizes = _split(shape.rng, n - 1, n_units)
    presidents = []
    for i, size in enumerate(sizes):
        bu = BUSINESS_UNITS[i % len(BUSINESS_UNITS)]
        if i >= len(BUSINESS_UNITS):
            bu = f"{bu} {i // len(BUSINESS_UNITS) + 1}"
        president = shape.add(f"President, {bu}", None, bu, "executive")
        presidents.append(president)
        build_company(shape, size - 1, president, prefix=bu)
    _group(shape, presidents, ceo)
    return ceo


def _group(shape: OrgShape, leaders: list[Person], top: Person) -> None:
    """Put business-unit presidents under group presidents when the CEO would have too many."""
    level = leaders
    while len(level) > 10:
        n_groups = -(-len(level) // 8)
        groups = []
        for i in range(n_groups):
            head = shape.add("Group President", None, "Office of the CEO", "executive")
            for member in level[i::n_groups]:  # even groups of 7-8
                member.manager = head
            groups.append(head)
        level = groups
    for member in level:
        member.manager = top


def walk_up(person: Person) -> Iterator[Person]:
    """The person's managers, nearest first (stories use this to find a line's VP)."""
    seen: set[int] = set()
    boss = person.manager
    while boss is not None and id(boss) not in seen:
        seen.add(id(boss))
        yield boss
        boss = boss.manager
