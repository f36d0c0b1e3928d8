"""Write the sample orgs in sample_data/, exactly as three HR systems would export them.

Run ``python scripts/make_samples.py [OUT_DIR]`` (default: sample_data/ next to this
script's folder). The output is byte-for-byte the same on every run: one fixed seed
per file, no timestamps. sample_data/README.md tells each org's story and the findings
the story should produce; change the story there when you change it here.
"""

from __future__ import annotations

import csv
import io
import sys
import zlib
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from orgshape import (
    DATA_TITLES,
    ENGINEER_TITLES,
    GPM_TITLES,
    MARKETING_TITLES,
    PEOPLE_TITLES,
    SALES_TITLES,
    SUPPORT_TITLES,
    Layer,
    OrgShape,
    Person,
    ascii_fold,
    build_company,
    walk_up,
    weighted,
)
from xlsxout import write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def _csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    """CSV as spreadsheet programs write it: CRLF line ends, quotes only where needed."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


# -- 1. startup: BambooHR custom report, CSV -------------------------------------------------

# (employee #, first, last, title, department, reports to (first last), location,
#  hire date, employment status). "Reports To" names the manager as BambooHR shows it.
STARTUP = [
    (1, "Maya", "Okafor", "CEO & Co-Founder", "", "", "New York, NY", "03/01/2021"),
    (2, "Daniel", "Reyes", "Chief Product Officer & Co-Founder", "Product", "Maya Okafor",
     "New York, NY", "03/01/2021"),
    (3, "Priya", "Natarajan", "CTO & Co-Founder", "Engineering", "Maya Okafor", "Remote",
     "03/01/2021"),
    (4, "Lucas", "Moreau", "Tech Lead, Platform", "Engineering", "Priya Natarajan", "Remote",
     "06/14/2021"),
    (5, "Ben", "Walker", "Senior Software Engineer", "Engineering", "Lucas Moreau ",
     "New York, NY", "07/05/2021"),
    (6, "Ines", "Costa", "Backend Engineer", "Engineering", "Lucas Moreau ", "Remote",
     "09/20/2021"),
    (7, "Jonas", "Becker", "Software Engineer", "Engineering", "Lucas Moreau", "Remote",
     "10/04/2021"),
    (8, "Sofia", "Lindqvist", "VP of Product", "Product", "Maya Okafor", "New York, NY",
     "01/10/2022"),
    (9, "Ayesha", "Rahman", "Engineering Lead, Mobile", "Engineering", "Priya Natarajan",
     "New York, NY", "02/07/2022"),
    (10, "Zoë", "Müller", "Lead Product Designer", "Design", "Sofia Lindqvist", "Remote",
     "02/21/2022"),
    (11, "Kenji", "Sato", "Full Stack Engineer", "Engineering", "Lucas Moreau", "Remote",
     "04/11/2022"),
    (12, "Mei", "Zhang", "iOS Engineer", "Engineering", "Ayesha Rahman", "New York, NY",
     "05/02/2022"),
    (13, "Jack", "Murphy", "Head of Growth", "Marketing", "Maya Okafor", "New York, NY",
     "06/06/2022"),
    (14, "Tomás", "Herrera", "Senior Product Manager", "Product", "Sofia Lindqvist",
     "New York, NY", "07/18/2022"),
    (15, "Rahul", "Mishra", "Android Engineer", "Engineering", "Ayesha Rahman", "Remote",
     "08/29/2022"),
    (16, "Nora", "Jansen", "Operations & People Lead", "Operations", "Maya Okafor",
     "New York, NY", "09/12/2022"),
    (17, "Sara", "Rossi", "Growth Marketer", "Marketing", "Jack Murphy", "Remote",
     "11/07/2022"),
    (18, "Stefan", "Novak", "DevOps Engineer", "Engineering", "Lucas Moreau", "Remote",
     "01/09/2023"),
    (19, "Hana", "Kim", "Product Manager", "Product", "Sofia Lindqvist", "New York, NY",
     "03/13/2023"),
    (20, "Chloe", "Martin", "Frontend Engineer", "Engineering", "Ayesha Rahman",
     "New York, NY", "04/24/2023"),
    (21, "Carlos", "Santos", "Customer Success Manager", "Operations", "Nora Jansen",
     "Remote", "06/05/2023"),
    (22, "Omar", "Haddad", "Product Designer", "Design", "Zoë Müller", "Remote",
     "08/14/2023"),
    (23, "Emeka", "Adeyemi", "QA Engineer", "Engineering", "Ayesha Rahman", "Remote",
     "10/02/2023"),
    (24, "Leila", "Nasser", "Data Analyst", "Engineering", "Priya Natarajan", "New York, NY",
     "01/16/2024"),
    (25, "Yusuf", "Yılmaz", "Content Marketing Manager", "Marketing", "Jack Murphy",
     "Remote", "03/04/2024"),
    (26, "Grace", "O'Brien", "Office & Finance Coordinator", "Operations", "Nora Jansen",
     "New York, NY", "05/20/2024"),
]  # fmt: skip
STARTUP_TERMINATED = {7}  # Jonas Becker left in 2024; BambooHR keeps the row


def startup_rows() -> list[list[str]]:
    header = [
        "Employee #", "Last Name, First Name", "Job Title", "Department", "Division",
        "Location", "Work Email", "Reports To", "Hire Date", "Employment Status",
    ]  # fmt: skip
    rows = [header]
    for num, first, last, title, dept, boss, loc, hired in STARTUP:
        email = ascii_fold(f"{first}.{last}").lower().replace("'", "") + "@loopwise.io"
        status = "Terminated" if num in STARTUP_TERMINATED else "Full-Time"
        if num in (17, 26):
            status = "Part-Time"
        rows.append(
            [str(num), f"{last}, {first}", title, dept, "Loopwise Inc.", loc, email, boss,
             hired, status]
        )  # fmt: skip
    return rows


# -- 2. scale-up: Workday custom report, XLSX ------------------------------------------------


def scaleup_shape() -> tuple[OrgShape, dict[str, Person]]:
    """About 250 people; the product team has grown faster than its management."""
    s = OrgShape(seed=250, unique_names=True, start=date(2016, 1, 1))
    key: dict[str, Person] = {}
    add = s.add
    ceo = key["ceo"] = add("Chief Executive Officer", None, "Office of the CEO", "executive")
    cto = key["cto"] = add("Chief Technology Officer", ceo, "Engineering", "engineering")
    em = weighted(("Engineering Manager", 3), ("Software Engineering Manager", 1))
    for area, n in (("Core Platform", 37), ("Patient Apps", 39), ("Data Platform", 26)):
        director = add(f"Director of Engineering, {area}", cto, f"Engineering – {area}",
                       "engineering")  # fmt: skip
        key[area] = director
        s.pyramid(director, n, ENGINEER_TITLES, [Layer(em, (5, 8))],
                  director.dept, "engineering", min_layers=1)  # fmt: skip
    data = add("Head of Data", cto, "Data & Analytics", "data")
    s.pyramid(data, 6, DATA_TITLES, [], data.dept, "data")

    vp = key["vp_product"] = add("VP of Product", ceo, "Product Management", "product")
    pm_titles = [
        "Senior Product Manager, Growth", "Senior Product Manager", "Senior Product Manager",
        "Principal Product Manager", "Product Manager", "Product Manager", "Product Manager",
        "Product Manager II", "Associate Product Manager",
    ]  # fmt: skip
    pms = [add(t, vp, "Product Management", "product") for t in pm_titles]
    key["growth_pm"] = pms[0]
    acquired = key["acquired_director"] = add(
        "Director of Product, Partnerships", pms[0], "Product Management", "product"
    )
    add("Product Manager, Partner Integrations", acquired, "Product Management", "product")
    data_area = key["Data Platform"]
    data_em = next(p for p in s.people if p.manager is data_area)
    key["data_em"] = data_em
    data_em.title = "Engineering Manager, Data Platform"
    key["pm_under_em"] = add(
        "Product Manager, Data Platform", data_em, "Engineering – Data Platform", "product"
    )
    design = add("Design Manager", vp, "Product Design", "design")
    for t in ("Senior Product Designer", "Product Designer", "Product Designer",
              "Product Designer", "UX Researcher", "Content Designer"):  # fmt: skip
        add(t, design, "Product Design", "design")

    sales = add("VP Sales", ceo, "Sales", "sales")
    s.pyramid(sales, 28, SALES_TITLES, [Layer(("Sales Manager",), (7, 10))], "Sales", "sales")
    mkt = add("VP Marketing", ceo, "Marketing", "marketing")
    s.pyramid(mkt, 12, MARKETING_TITLES, [Layer(("Marketing Manager",), (5, 7))],
              "Marketing", "marketing")  # fmt: skip
    cs = add("VP Customer Success", ceo, "Customer Success", "other")
    s.pyramid(cs, 31, SUPPORT_TITLES, [Layer(("Support Team Lead",), (8, 12))],
              "Customer Success", "other")  # fmt: skip
    cfo = add("Chief Financial Officer", ceo, "Finance", "executive")
    for t in (
        "Controller",
        "Financial Analyst",
        "Senior Accountant",
        "Accountant",
        "FP&A Analyst",
        "IT Manager",
        "IT Support Specialist",
        "Systems Administrator",
    ):
        add(t, cfo, "Finance", "other")  # fmt: skip
    ppl = add("VP People", ceo, "People", "other")
    s.pyramid(ppl, 7, PEOPLE_TITLES, [], "People", "other")
    s.number(first_id=21001)
    return s, key


def _sup_org(p: Person) -> str:
    """Workday names a supervisory organization after its area and its manager."""
    boss = p.manager or p
    return f"{boss.dept} ({boss.name})"


def scaleup_rows() -> list[list]:
    s, _ = scaleup_shape()
    rows: list[list] = [
        ["Brightpath Health – All Active Workers"],
        ["Generated on 11/02/2026 08:14 AM by ISU_Reporting"],
        ["Worker", "Employee ID", "Business Title", "Manager", "Supervisory Organization",
         "Location", "Hire Date"],
    ]  # fmt: skip
    for i, p in enumerate(sorted(s.people, key=lambda p: (p.last, p.first))):
        location = p.location
        if i == 17:  # Workday puts several values in one cell, split by a line break
            location = f"{p.location}\nRemote - US"
        rows.append(
            [p.name, str(p.pid), p.title, p.manager.name if p.manager else "",
             _sup_org(p), location, p.hired]
        )  # fmt: skip
    return rows


# -- 3. enterprise: SAP SuccessFactors user data file, CSV -----------------------------------


def enterprise_shape() -> tuple[OrgShape, dict[str, Person]]:
    """About 3,000 people in five product lines, mostly healthy."""
    s = OrgShape(seed=3000, unique_names=True, start=date(2006, 1, 1))
    ceo = s.add("Chief Executive Officer", None, "Office of the CEO", "executive")
    company = build_company(s, 3000, ceo, flat_lines=frozenset({"Marketplace"}),
                            deep_branch="operations")  # fmt: skip
    key = {"ceo": ceo, **{f"vp {k}": v for k, v in company.product_vps.items()}}
    key.update(company.execs)
    key["ops"] = company.branch_tops["operations"]
    _fold_team(s, company.product_vps["Payments"], key)
    s.retire(0.015)
    s.number(first_id=100001)
    return s, key


def _fold_team(s: OrgShape, vp: Person, key: dict[str, Person]) -> None:
    """A reorg: two Group PMs became individual contributors and their teams moved
    under a third Group PM, who now has far more direct reports than one can coach."""
    gpms = [p for p in s.people if p.title in GPM_TITLES and vp in walk_up(p)]
    keep, gone = gpms[0], gpms[1:3]
    for p in s.people:
        if p.manager in gone:
            p.manager = keep
    for p in gone:
        p.title = "Senior Product Manager"
        p.manager = keep
    key["wide_gpm"] = keep


SF_KEYS = [
    "STATUS", "USERID", "USERNAME", "FIRSTNAME", "LASTNAME", "EMAIL", "MANAGER", "HR",
    "DEPARTMENT", "JOBCODE", "DIVISION", "LOCATION", "HIREDATE", "TITLE", "MATRIX_MANAGER",
]  # fmt: skip
SF_LABELS = [
    "Status", "User ID", "Username", "First Name", "Last Name", "Email", "Manager",
    "Human Resource", "Department", "Job Code", "Division", "Location", "Hire Date", "Title",
    "Matrix Manager",
]  # fmt: skip
DIVISIONS = {
    "engineering": "Technology", "product": "Technology", "design": "Technology",
    "data": "Technology", "marketing": "Go-To-Market", "sales": "Go-To-Market",
    "executive": "Corporate", "legal": "Corporate", "other": "Operations & Corporate",
}  # fmt: skip


def enterprise_rows() -> list[list[str]]:
    s, _ = enterprise_shape()
    emails = s.emails("northwind-commerce.com")
    hrbps = sorted((p for p in s.people if p.title == "HR Business Partner"), key=lambda p: p.pid)
    usernames: dict[str, int] = {}
    rows = [SF_KEYS, SF_LABELS]
    for p in sorted(s.people, key=lambda p: p.pid):
        user = ascii_fold(p.first[0] + p.last).lower().replace(" ", "").replace("'", "")
        usernames[user] = usernames.get(user, 0) + 1
        if usernames[user] > 1:
            user += str(usernames[user])
        hr = str(hrbps[p.pid % len(hrbps)].pid) if hrbps and p.manager else "NO_HR"
        code = f"{p.function[:3].upper()}{zlib.crc32(p.title.encode()) % 900 + 100}"
        rows.append(
            ["active" if p.active else "inactive", str(p.pid), user, p.first, p.last,
             emails[id(p)], str(p.manager.pid) if p.manager else "NO_MANAGER", hr, p.dept,
             code, DIVISIONS.get(p.function, "Operations & Corporate"), p.location,
             p.hired.strftime("%m/%d/%Y"), p.title, str(p.matrix.pid) if p.matrix else ""]
        )  # fmt: skip
    return rows


# -- 4. the enterprise's product & design org alone: Rippling export, CSV -----------------


def product_only_rows() -> list[list[str]]:
    """The CPO's organisation from the enterprise, as its head of product would export it.

    The CPO's manager (the CEO) is not in the file: a partial export, to be analysed with
    ``--company-size`` so that size-dependent norms use the whole company.
    """
    s, key = enterprise_shape()
    emails = s.emails("northwind-commerce.com")
    cpo = key["product"]
    team = [p for p in s.people if p is cpo or cpo in walk_up(p)]
    rows = [
        ["Employee name", "Legal first name", "Legal last name", "Work email", "Title",
         "Department", "Manager - Work email", "Start date", "Employment status"],
    ]  # fmt: skip
    for p in sorted(team, key=lambda p: (p.dept, p.last, p.first)):
        rows.append(
            [p.name, p.first, p.last, emails[id(p)], p.title, p.dept,
             emails[id(p.manager)] if p.manager else "", p.hired.strftime("%-m/%-d/%Y"),
             "Active" if p.active else "Terminated"]
        )  # fmt: skip
    return rows


def write_all(out: Path) -> list[Path]:
    """Write every sample into ``out`` and return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    startup = out / "startup_bamboohr.csv"
    startup.write_bytes(_csv_bytes(startup_rows(), "utf-8-sig"))
    scaleup = out / "scaleup_workday.xlsx"
    write_xlsx(scaleup, [("Workers", scaleup_rows())])
    enterprise = out / "enterprise_successfactors.csv"
    enterprise.write_bytes(_csv_bytes(enterprise_rows()))
    product = out / "product_org_rippling.csv"
    product.write_bytes(_csv_bytes(product_only_rows()))
    return [startup, scaleup, enterprise, product]


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "sample_data"
    for path in write_all(out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv)
