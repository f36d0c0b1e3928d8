"""Write small HR-export fixtures: one small org in the shape of each real export.

Every file holds the SAME 15 active people (plus, where the export has a status column,
two people who left), so tests can assert one headcount and one tree across shapes.
The quirks each file carries are the ones public documentation describes for that
system (see /shared EXPORTS.md facts, restated in tests/fixtures/exports/README.md).

Deterministic: no clock, no randomness. Run from the repository root:

    python scripts/make_export_fixtures.py            # writes tests/fixtures/exports/
    python scripts/make_export_fixtures.py --check    # fails if a fixture would change

Writing the .xls fixture needs ``xlwt`` (only this script needs it; the committed file
is read by calamine at test time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "exports"


@dataclass(frozen=True)
class Person:
    id: int
    first: str
    last: str
    title: str
    dept: str
    location: str
    start: dt.date
    manager: int | None
    active: bool = True
    userid: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def last_first(self) -> str:
        return f"{self.last}, {self.first}"

    @property
    def email(self) -> str:
        first = self.first.lower().replace("é", "e").replace("í", "i").replace("ü", "u")
        last = self.last.lower().replace("'", "").replace("ü", "u").replace("í", "i")
        return f"{first}.{last}@example.com"

    @property
    def login(self) -> str:
        return self.email.split("@")[0].replace(".", "")[:8]


D = dt.date
PEOPLE: tuple[Person, ...] = (
    Person(
        1001, "Alice", "Chen", "Chief Executive Officer", "Executive", "London", D(2015, 3, 2), None
    ),
    Person(
        1002, "Bruno", "Díaz", "Chief Product Officer", "Product", "Madrid", D(2016, 5, 9), 1001
    ),
    Person(
        1003, "Chloé", "Martin", "VP of Engineering", "Engineering", "Paris", D(2016, 1, 11), 1001
    ),
    Person(
        1004, "Dmitri", "Ivanov", "Director of Product", "Product", "London", D(2018, 7, 1), 1002
    ),
    Person(
        1005, "Eva", "Müller", "Senior Product Manager", "Product", "Berlin", D(2019, 2, 4), 1004
    ),
    Person(1006, "Farah", "Khan", "Product Manager", "Product", "London", D(2021, 9, 13), 1004),
    Person(
        1007,
        "George",
        "O'Neil",
        "Associate Product Manager",
        "Product",
        "Dublin",
        D(2023, 6, 5),
        1005,
    ),
    Person(
        1008, "Hana", "Sato", "Engineering Manager", "Engineering", "Paris", D(2019, 10, 1), 1003
    ),
    Person(
        1009,
        "Ivan",
        "Petrov",
        "Senior Software Engineer",
        "Engineering",
        "Berlin",
        D(2020, 1, 6),
        1008,
    ),
    Person(
        1010, "Julia", "Rossi", "Software Engineer", "Engineering", "Paris", D(2022, 4, 19), 1008
    ),
    Person(1011, "Kofi", "Mensah", "Product Designer", "Design", "London", D(2021, 3, 15), 1002),
    Person(1012, "Lena", "Schmidt", "Data Analyst", "Data", "Berlin", D(2022, 8, 22), 1003),
    Person(
        1013, "Marta", "Nowak", "Head of Marketing", "Marketing", "Madrid", D(2017, 11, 6), 1001
    ),
    Person(1014, "Noah", "Smith", "Marketing Manager", "Marketing", "London", D(2020, 5, 18), 1013),
    Person(
        1015,
        "Olivia",
        "Brown",
        "Technical Program Manager",
        "Engineering",
        "Dublin",
        D(2021, 12, 1),
        1003,
    ),
    Person(
        1016, "Peter", "Jones", "Product Manager", "Product", "London", D(2020, 2, 3), 1004, False
    ),
    Person(
        1017,
        "Quinn",
        "Taylor",
        "Software Engineer",
        "Engineering",
        "Paris",
        D(2021, 7, 12),
        1008,
        False,
    ),
)
ACTIVE = tuple(p for p in PEOPLE if p.active)
BY_ID = {p.id: p for p in PEOPLE}
DOTTED = {1011: 1003}  # the designer has a dotted line to engineering

#: What each fixture should read to: data rows, active people, field -> header.
EXPECTED: dict[str, dict] = {}


def mgr(p: Person) -> Person | None:
    return BY_ID[p.manager] if p.manager else None


def expect(name: str, people: tuple[Person, ...], columns: dict[str, str], **extra) -> None:
    EXPECTED[name] = {
        "rows": len(people),
        "headcount": sum(p.active for p in people),
        "columns": columns,
        **extra,
    }


def csv_text(rows: list[list[str]], sep: str = ",", eol: str = "\r\n") -> str:
    """Quote like Excel does: only cells holding the separator, a quote or a line break."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            text = str(cell)
            if any(ch in text for ch in (sep, '"', "\n", "\r")):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        out.append(sep.join(cells))
    return eol.join(out) + eol


def bamboohr(files: dict[str, bytes]) -> None:
    """BambooHR custom report: 'Last, First' names, supervisor given by name."""
    head = [
        "Employee #",
        "Name",
        "Job Title",
        "Department",
        "Division",
        "Location",
        "Work Email",
        "Hire Date",
        "Reports To",
    ]
    rows = [head]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [
                str(p.id),
                p.last_first,
                p.title,
                p.dept,
                "Company",
                p.location,
                p.email,
                p.start.isoformat(),
                m.last_first if m else "",
            ]
        )
    files["bamboohr.csv"] = csv_text(rows).encode("utf-8")
    expect(
        "bamboohr.csv",
        ACTIVE,
        {
            "id": "Employee #",
            "name": "Name",
            "title": "Job Title",
            "manager": "Reports To",
            "email": "Work Email",
            "department": "Department",
            "location": "Location",
            "start_date": "Hire Date",
        },
        manager_key="name",
    )


def workday(files: dict[str, bytes]) -> None:
    """Workday custom report saved as xlsx: title and date rows above the header."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Worker Roster"
    ws.append(["Worker Roster - All Active Workers"])
    ws.append(["Effective as of 01/31/2026"])
    ws.append([])
    ws.append(
        [
            "Worker",
            "Employee ID",
            "Business Title",
            "Current Job Profile",
            "Manager",
            "Supervisory Organization",
            "Location",
            "Hire Date",
            "Grade",
            "Cost Center",
        ]
    )
    for p in ACTIVE:
        m = mgr(p)
        cost = "CC100 Product\nCC200 Shared" if p.id == 1011 else "CC100 " + p.dept
        ws.append(
            [
                p.name,
                str(p.id),
                p.title,
                p.title.replace("Senior ", ""),
                m.name if m else "",
                f"{p.dept} ({m.name if m else p.name})",
                p.location,
                dt.datetime.combine(p.start, dt.time()),
                "G" + str(len(p.title) % 5 + 3),
                cost,
            ]
        )
    files["workday.xlsx"] = save_openpyxl(wb)
    expect(
        "workday.xlsx",
        ACTIVE,
        {
            "id": "Employee ID",
            "name": "Worker",
            "title": "Business Title",
            "manager": "Manager",
            "department": "Supervisory Organization",
            "location": "Location",
            "start_date": "Hire Date",
            "level_code": "Grade",
        },
        header_row=4,
        first_data_row=5,
        manager_key="name",
    )


def workday_raas(files: dict[str, bytes]) -> None:
    """Workday report-as-a-service CSV: ids Excel/pandas turned into floats (1001.0)."""
    rows = [
        [
            "Full_Name",
            "Employee_ID",
            "Business_Title",
            "Manager_Name",
            "Manager_ID",
            "Hire_Date",
            "Worker_Status",
        ]
    ]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [
                p.name,
                f"{p.id}.0",
                p.title,
                m.name if m else "",
                f"{m.id}.0" if m else "",
                p.start.isoformat(),
                "Active",
            ]
        )
    files["workday_raas.csv"] = csv_text(rows, eol="\n").encode("utf-8")
    expect(
        "workday_raas.csv",
        ACTIVE,
        {
            "id": "Employee_ID",
            "name": "Full_Name",
            "title": "Business_Title",
            "manager": "Manager_ID",
            "start_date": "Hire_Date",
            "status": "Worker_Status",
        },
        manager_key="id",
    )


def workday_raas_xlsx(files: dict[str, bytes]) -> None:
    """The same RaaS report as xlsx, ids stored as numbers (calamine hands back 1001.0)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Report"
    ws.append(["Full_Name", "Employee_ID", "Business_Title", "Manager_Name", "Manager_ID"])
    for p in ACTIVE:
        m = mgr(p)
        ws.append([p.name, float(p.id), p.title, m.name if m else "", float(m.id) if m else None])
    files["workday_raas.xlsx"] = save_openpyxl(wb)
    expect(
        "workday_raas.xlsx",
        ACTIVE,
        {
            "id": "Employee_ID",
            "name": "Full_Name",
            "title": "Business_Title",
            "manager": "Manager_ID",
        },
        manager_key="id",
    )


def rippling(files: dict[str, bytes]) -> None:
    """Rippling people export: manager by email, terminated staff still listed."""
    rows = [
        [
            "Employee name",
            "Legal first name",
            "Legal last name",
            "Work email",
            "Title",
            "Department",
            "Manager - Work email",
            "Employment status",
            "Start date",
        ]
    ]
    for p in PEOPLE:
        m = mgr(p)
        status = "Active" if p.active else "Terminated"
        if p.id == 1007:
            status = "Accepted"
        rows.append(
            [
                p.name,
                p.first,
                p.last,
                p.email,
                p.title,
                p.dept,
                m.email if m else "",
                status,
                p.start.strftime("%m/%d/%Y"),
            ]
        )
    files["rippling.csv"] = csv_text(rows).encode("utf-8")
    expect(
        "rippling.csv",
        PEOPLE,
        {
            "name": "Employee name",
            "first_name": "Legal first name",
            "last_name": "Legal last name",
            "email": "Work email",
            "title": "Title",
            "department": "Department",
            "manager": "Manager - Work email",
            "status": "Employment status",
            "start_date": "Start date",
        },
        manager_key="email",
    )


def personio(files: dict[str, bytes]) -> None:
    """Personio CSV from European Excel: ';', cp1252, dd.mm.yyyy, supervisor full name."""
    rows = [
        [
            "First name",
            "Last name",
            "Email",
            "Gender",
            "Position",
            "Department",
            "Office",
            "Status",
            "Hire date",
            "Supervisor",
            "Employment type",
        ]
    ]
    for p in PEOPLE:
        m = mgr(p)
        rows.append(
            [
                p.first,
                p.last,
                p.email,
                "",
                p.title,
                p.dept,
                p.location,
                "active" if p.active else "inactive",
                p.start.strftime("%d.%m.%Y"),
                m.name if m else "",
                "internal",
            ]
        )
    files["personio.csv"] = csv_text(rows, sep=";").encode("cp1252")
    expect(
        "personio.csv",
        PEOPLE,
        {
            "first_name": "First name",
            "last_name": "Last name",
            "email": "Email",
            "title": "Position",
            "department": "Department",
            "location": "Office",
            "status": "Status",
            "start_date": "Hire date",
            "manager": "Supervisor",
        },
        manager_key="name",
        encoding="cp1252",
        delimiter=";",
    )


def personio_de(files: dict[str, bytes]) -> None:
    """A German Personio account: German attribute names; Titel is an academic title."""
    rows = [
        [
            "Vorname",
            "Nachname",
            "E-Mail",
            "Titel",
            "Position",
            "Abteilung",
            "Standort",
            "Status",
            "Eintrittsdatum",
            "Vorgesetzter",
        ]
    ]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [
                p.first,
                p.last,
                p.email,
                "Dr." if p.id in (1003, 1012) else "",
                p.title,
                p.dept,
                p.location,
                "aktiv",
                p.start.strftime("%d.%m.%Y"),
                m.name if m else "",
            ]
        )
    files["personio_de.csv"] = csv_text(rows, sep=";").encode("cp1252")
    expect(
        "personio_de.csv",
        ACTIVE,
        {
            "first_name": "Vorname",
            "last_name": "Nachname",
            "email": "E-Mail",
            "title": "Position",
            "department": "Abteilung",
            "location": "Standort",
            "status": "Status",
            "start_date": "Eintrittsdatum",
            "manager": "Vorgesetzter",
        },
        manager_key="name",
        encoding="cp1252",
        delimiter=";",
    )


SF_KEYS = [
    "STATUS",
    "USERID",
    "USERNAME",
    "FIRSTNAME",
    "LASTNAME",
    "MI",
    "GENDER",
    "EMAIL",
    "MANAGER",
    "HR",
    "DEPARTMENT",
    "JOBCODE",
    "DIVISION",
    "LOCATION",
    "TIMEZONE",
    "HIREDATE",
    "EMPID",
    "TITLE",
    "MATRIX_MANAGER",
]
SF_LABELS = [
    "Status",
    "User ID",
    "Username",
    "First Name",
    "Last Name",
    "Middle Initial",
    "Gender",
    "Email",
    "Manager",
    "Human Resource",
    "Department",
    "Job Code",
    "Division",
    "Location",
    "Time Zone",
    "Hire Date",
    "Employee Id",
    "Title",
    "Matrix Manager",
]


def successfactors(files: dict[str, bytes]) -> None:
    """SAP SuccessFactors user data file: keys row, display-label row, NO_MANAGER."""
    rows = [SF_KEYS, SF_LABELS]
    for p in PEOPLE:
        m = mgr(p)
        dotted = BY_ID[DOTTED[p.id]].login if p.id in DOTTED else ""
        rows.append(
            [
                "active" if p.active else "inactive",
                p.login,
                p.login,
                p.first,
                p.last,
                "",
                "",
                p.email,
                m.login if m else "NO_MANAGER",
                "NO_HR",
                p.dept,
                "",
                "",
                p.location,
                "Europe/London",
                p.start.strftime("%m/%d/%Y"),
                str(p.id),
                p.title,
                dotted,
            ]
        )
    files["successfactors.csv"] = csv_text(rows).encode("utf-8")
    expect(
        "successfactors.csv",
        PEOPLE,
        {
            "id": "USERID",
            "first_name": "FIRSTNAME",
            "last_name": "LASTNAME",
            "email": "EMAIL",
            "manager": "MANAGER",
            "department": "DEPARTMENT",
            "location": "LOCATION",
            "start_date": "HIREDATE",
            "title": "TITLE",
            "status": "STATUS",
            "dotted_manager": "MATRIX_MANAGER",
        },
        header_row=2,
        first_data_row=3,
        manager_key="id",
    )


def okta(files: dict[str, bytes]) -> None:
    """Okta user export re-saved by Excel as 'Unicode Text': UTF-16 LE BOM, tabs."""
    rows = [
        [
            "login",
            "firstName",
            "lastName",
            "displayName",
            "email",
            "title",
            "employeeNumber",
            "department",
            "managerId",
            "manager",
            "status",
        ]
    ]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [
                p.email,
                p.first,
                p.last,
                p.name,
                p.email,
                p.title,
                str(p.id),
                p.dept,
                str(m.id) if m else "",
                m.name if m else "",
                "ACTIVE",
            ]
        )
    files["okta.txt"] = b"\xff\xfe" + csv_text(rows, sep="\t").encode("utf-16-le")
    expect(
        "okta.txt",
        ACTIVE,
        {
            "id": "employeeNumber",
            "name": "displayName",
            "first_name": "firstName",
            "last_name": "lastName",
            "email": "email",
            "title": "title",
            "department": "department",
            "manager": "managerId",
            "status": "status",
        },
        manager_key="id",
        encoding="utf-16",
        delimiter="\t",
    )


def google_workspace(files: dict[str, bytes]) -> None:
    """Google Workspace bulk user download: UTF-8 BOM, bracketed headers, Manager Email."""
    rows = [
        [
            "First Name [Required]",
            "Last Name [Required]",
            "Email Address [Required]",
            "Password [Required]",
            "Org Unit Path [Required]",
            "Employee ID",
            "Employee Title",
            "Manager Email",
            "Department",
            "Status [READ ONLY]",
            "New Primary Email [UPLOAD ONLY]",
        ]
    ]
    for p in PEOPLE:
        m = mgr(p)
        rows.append(
            [
                p.first,
                p.last,
                p.email,
                "****",
                "/" + p.dept,
                str(p.id),
                p.title,
                m.email if m else "",
                p.dept,
                "Active" if p.active else "Suspended",
                "",
            ]
        )
    files["google_workspace.csv"] = b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8")
    expect(
        "google_workspace.csv",
        PEOPLE,
        {
            "first_name": "First Name [Required]",
            "last_name": "Last Name [Required]",
            "email": "Email Address [Required]",
            "id": "Employee ID",
            "title": "Employee Title",
            "manager": "Manager Email",
            "department": "Department",
            "status": "Status [READ ONLY]",
        },
        manager_key="email",
    )


def visio_rows() -> list[list]:
    rows: list[list] = [["Name", "Reports_To", "Title", "Department", "Telephone"]]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [p.name, m.name if m else "", p.title, p.dept, f"+44 20 7946 0{p.id % 1000:03d}"]
        )
    return rows


VISIO_COLUMNS = {
    "name": "Name",
    "manager": "Reports_To",
    "title": "Title",
    "department": "Department",
}


def visio_xlsx(files: dict[str, bytes]) -> None:
    """Visio Org Chart Wizard source: two blank rows and a blank column before the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for i, row in enumerate(visio_rows()):
        for j, value in enumerate(row):
            ws.cell(row=3 + i, column=2 + j, value=value)
    files["visio.xlsx"] = save_openpyxl(wb)
    expect("visio.xlsx", ACTIVE, VISIO_COLUMNS, header_row=3, first_data_row=4, manager_key="name")


def visio_xls(files: dict[str, bytes]) -> None:
    """The same Visio source as a real BIFF8 .xls (Excel 97-2003), written by xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for i, row in enumerate(visio_rows()):
        for j, value in enumerate(row):
            sheet.write(i, j, value)
    buf = io.BytesIO()
    book.save(buf)
    files["visio.xls"] = buf.getvalue()
    expect("visio.xls", ACTIVE, VISIO_COLUMNS, manager_key="name")


def hrdataset(files: dict[str, bytes]) -> None:
    """HRDataset_v14 shape: ManagerID is not an EmpID; ManagerName resolves; ragged names."""
    rows = [
        [
            "Employee_Name",
            "EmpID",
            "MarriedID",
            "Position",
            "State",
            "DateofHire",
            "DateofTermination",
            "EmploymentStatus",
            "Department",
            "ManagerName",
            "ManagerID",
            "PerformanceScore",
        ]
    ]
    managers = sorted({p.manager for p in PEOPLE if p.manager})
    manager_number = {m: i + 1 for i, m in enumerate(managers)}  # 1, 2, ... not EmpIDs
    for n, p in enumerate(PEOPLE):
        m = mgr(p)
        name = f"{p.last},{' ' * (1 + n % 3)}{p.first}" + (" " if n % 2 else "")
        rows.append(
            [
                name,
                str(10000 + p.id),
                str(n % 2),
                p.title,
                "MA",
                p.start.strftime("%-m/%-d/%Y"),
                "" if p.active else "3/1/2024",
                "Active" if p.active else "Voluntarily Terminated",
                p.dept + " " * (n % 4),
                m.name if m else "",
                str(manager_number[m.id]) if m else "",
                "Fully Meets",
            ]
        )
    files["hrdataset.csv"] = csv_text(rows, eol="\n").encode("utf-8")
    expect(
        "hrdataset.csv",
        PEOPLE,
        {
            "name": "Employee_Name",
            "id": "EmpID",
            "title": "Position",
            "status": "EmploymentStatus",
            "department": "Department",
            "manager": "ManagerName",
            "start_date": "DateofHire",
        },
        manager_key="name",
        manager_candidates=["ManagerName", "ManagerID"],
    )


def cover_sheet(files: dict[str, bytes]) -> None:
    """A hand-made workbook: cover sheet first, blank rows and columns, HTML entities."""
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "About"
    cover.append(["Headcount report"])
    cover.append(["Prepared by People Ops for the leadership offsite"])
    cover.append(["Confidential"])
    ws = wb.create_sheet("People")
    ws.append(["ID", "", "Name", "Job Title", "Manager ID", "Email", "Department"])
    for n, p in enumerate(ACTIVE):
        if n in (4, 9):
            ws.append([])
        dept = "R&amp;D" if p.dept == "Engineering" else p.dept
        ws.append([p.id, None, f"  {p.name} ", p.title, p.manager, p.email, dept])
    summary = wb.create_sheet("Summary")
    summary.append(["Department", "Headcount"])
    for dept in sorted({p.dept for p in ACTIVE}):
        summary.append([dept, sum(p.dept == dept for p in ACTIVE)])
    files["cover_sheet.xlsx"] = save_openpyxl(wb)
    expect(
        "cover_sheet.xlsx",
        ACTIVE,
        {
            "id": "ID",
            "name": "Name",
            "title": "Job Title",
            "manager": "Manager ID",
            "email": "Email",
            "department": "Department",
        },
        sheet="People",
        blank_rows=2,
        manager_key="id",
    )


def orgchart_now_ods(files: dict[str, bytes]) -> None:
    """OrgChart Now import as OpenDocument: the top person reports to themself."""
    rows: list[list] = [
        [
            "PersonID",
            "SupervisorID",
            "Name",
            "Title",
            "Department",
            "First Name",
            "Last Name",
            "IsAssistant",
        ]
    ]
    for p in ACTIVE:
        rows.append([p.id, p.manager or p.id, p.name, p.title, p.dept, p.first, p.last, "FALSE"])
    files["orgchart_now.ods"] = write_ods("People", rows)
    expect(
        "orgchart_now.ods",
        ACTIVE,
        {
            "id": "PersonID",
            "manager": "SupervisorID",
            "name": "Name",
            "title": "Title",
            "department": "Department",
            "first_name": "First Name",
            "last_name": "Last Name",
        },
        manager_key="id",
    )


def hibob_html_xls(files: dict[str, bytes]) -> None:
    """A web app's 'Excel export': an HTML table saved with an .xls name (HiBob fields)."""
    head = ["Display name", "work.title", "work.department", "work.site", "work.reportsTo", "Email"]
    parts = [
        "<html><head><meta charset='utf-8'></head><body><table border='1'>",
        "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>",
    ]
    for p in ACTIVE:
        m = mgr(p)
        cells = [
            p.name,
            p.title,
            "R&D" if p.dept == "Engineering" else p.dept,
            p.location,
            m.name if m else "",
            p.email,
        ]
        parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    parts.append("</table></body></html>")
    files["hibob_html.xls"] = "\n".join(parts).encode("utf-8")
    expect(
        "hibob_html.xls",
        ACTIVE,
        {
            "name": "Display name",
            "title": "work.title",
            "department": "work.department",
            "location": "work.site",
            "manager": "work.reportsTo",
            "email": "Email",
        },
        manager_key="name",
    )


def gusto_named_xlsx(files: dict[str, bytes]) -> None:
    """A Gusto CSV that someone renamed to .xlsx: the bytes, not the name, decide."""
    rows = [
        [
            "first_name",
            "last_name",
            "title",
            "gusto_employee_id",
            "manager_id",
            "department",
            "work_email",
        ]
    ]
    for p in ACTIVE:
        rows.append([p.first, p.last, p.title, str(p.id), str(p.manager or ""), p.dept, p.email])
    files["gusto_renamed.xlsx"] = csv_text(rows).encode("utf-8")
    expect(
        "gusto_renamed.xlsx",
        ACTIVE,
        {
            "first_name": "first_name",
            "last_name": "last_name",
            "title": "title",
            "id": "gusto_employee_id",
            "manager": "manager_id",
            "department": "department",
            "email": "work_email",
        },
        manager_key="id",
    )


def entra(files: dict[str, bytes]) -> None:
    """Microsoft Entra ID user download: no manager column at all."""
    rows = [
        [
            "userPrincipalName",
            "displayName",
            "surname",
            "mail",
            "givenName",
            "objectId",
            "userType",
            "jobTitle",
            "department",
            "accountEnabled",
        ]
    ]
    for p in PEOPLE:
        rows.append(
            [
                p.email,
                p.name,
                p.last,
                p.email,
                p.first,
                f"00000000-0000-4000-8000-{p.id:012d}",
                "Member",
                p.title,
                p.dept,
                "True" if p.active else "False",
            ]
        )
    files["entra.csv"] = b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8")
    expect(
        "entra.csv",
        PEOPLE,
        {
            "email": "mail",
            "name": "displayName",
            "last_name": "surname",
            "first_name": "givenName",
            "title": "jobTitle",
            "department": "department",
            "status": "accountEnabled",
        },
        manager_key=None,
    )


def uk_organogram(files: dict[str, bytes]) -> None:
    """UK government senior organogram: post ids, 'XX' at the top, a blank header, £."""
    rows = [
        [
            "Post Unique Reference",
            "Name",
            "Grade (or equivalent)",
            "Job Title",
            "Job/Team Function",
            "Parent Department",
            "Organisation",
            "Unit",
            "Contact E-mail",
            "Reports to Senior Post",
            "",
            "Salary Cost of Reports (£)",
        ]
    ]
    for p in ACTIVE:
        rows.append(
            [
                f"P{p.id}",
                p.name,
                "SCS1",
                p.title,
                p.dept,
                "Department for Tests",
                "Example Agency",
                p.dept,
                p.email,
                f"P{p.manager}" if p.manager else "XX",
                "",
                "0",
            ]
        )
    files["uk_organogram.csv"] = csv_text(rows).encode("cp1252")
    expect(
        "uk_organogram.csv",
        ACTIVE,
        {
            "id": "Post Unique Reference",
            "name": "Name",
            "level_code": "Grade (or equivalent)",
            "title": "Job Title",
            "email": "Contact E-mail",
            "manager": "Reports to Senior Post",
            "department": "Unit",
        },
        manager_key="id",
        encoding="cp1252",
        note="the top post reports to 'XX' (no senior post)",
    )


def charthop(files: dict[str, bytes]) -> None:
    """ChartHop import: Work Email first, manager by email, US dates like 1/5/2022."""
    rows = [
        [
            "Work Email",
            "First Name",
            "Last Name",
            "Job Title",
            "Start Date",
            "Manager",
            "Department",
            "Location",
        ]
    ]
    for p in ACTIVE:
        m = mgr(p)
        rows.append(
            [
                p.email,
                p.first,
                p.last,
                p.title,
                p.start.strftime("%-m/%-d/%Y"),
                m.email if m else "",
                p.dept,
                p.location,
            ]
        )
    files["charthop.csv"] = csv_text(rows, eol="\n").encode("utf-8")
    expect(
        "charthop.csv",
        ACTIVE,
        {
            "email": "Work Email",
            "first_name": "First Name",
            "last_name": "Last Name",
            "title": "Job Title",
            "start_date": "Start Date",
            "manager": "Manager",
            "department": "Department",
            "location": "Location",
        },
        manager_key="email",
    )


def pingboard_mixed(files: dict[str, bytes]) -> None:
    """Pingboard-style pipe file, 'Overwrite' suffixes, cp1252 bytes inside UTF-8 text."""
    rows = [["Name", "Job Title Overwrite", "Reports To Overwrite", "Email", "Department"]]
    for p in ACTIVE:
        m = mgr(p)
        rows.append([p.name, p.title, m.email if m else "", p.email, p.dept])
    text = csv_text(rows, sep="|")
    # Most of the file is UTF-8 (Chloé, Müller) but one pasted line is Windows-1252.
    lines = text.split("\r\n")
    data = "\r\n".join(lines[:5]).encode("utf-8") + b"\r\n"
    data += lines[5].encode("cp1252") + b"\r\n" + "\r\n".join(lines[6:]).encode("utf-8")
    files["pingboard_mixed.txt"] = data
    expect(
        "pingboard_mixed.txt",
        ACTIVE,
        {
            "name": "Name",
            "title": "Job Title Overwrite",
            "manager": "Reports To Overwrite",
            "email": "Email",
            "department": "Department",
        },
        manager_key="email",
        delimiter="|",
    )


def save_openpyxl(wb) -> bytes:
    """Save with a fixed timestamp so the zip bytes are the same on every run."""
    fixed = dt.datetime(2026, 1, 31, 12, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member dates (openpyxl stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' on save
                body = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*<",
                    rb"<dcterms:modified\1>2026-01-31T12:00:00Z<",
                    body,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 31, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def write_ods(sheet: str, rows: list[list]) -> bytes:
    """A minimal valid OpenDocument spreadsheet (no odfpy needed)."""
    cells_xml = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, int):
                cells.append(
                    f'<table:table-cell office:value-type="float" '
                    f'office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
                )
            else:
                cells.append(
                    '<table:table-cell office:value-type="string"><text:p>'
                    f"{escape(str(value))}</text:p></table:table-cell>"
                )
        cells_xml.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        + "".join(cells_xml)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    stamp = (2026, 1, 31, 12, 0, 0)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            zipfile.ZipInfo("mimetype", stamp),
            "application/vnd.oasis.opendocument.spreadsheet",
            zipfile.ZIP_STORED,
        )
        for name, body in (("META-INF/manifest.xml", manifest), ("content.xml", content)):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, body)
    return out.getvalue()


MAKERS = (
    bamboohr,
    workday,
    workday_raas,
    workday_raas_xlsx,
    rippling,
    personio,
    personio_de,
    successfactors,
    okta,
    google_workspace,
    visio_xlsx,
    visio_xls,
    hrdataset,
    cover_sheet,
    orgchart_now_ods,
    hibob_html_xls,
    gusto_named_xlsx,
    entra,
    uk_organogram,
    charthop,
    pingboard_mixed,
)


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for make in MAKERS:
        make(files)
    org = {
        "active": [[p.id, p.name, p.title, p.manager] for p in ACTIVE],
        "left": [[p.id, p.name, p.title, p.manager] for p in PEOPLE if not p.active],
        "dotted": {str(k): v for k, v in DOTTED.items()},
    }
    expected = {"org": org, "files": EXPECTED}
    files["expected.json"] = (json.dumps(expected, indent=1, ensure_ascii=False) + "\n").encode()
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if any file would change")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    files = build()
    changed = []
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        target = args.out / name
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(name)
        if not args.check:
            target.write_bytes(data)
    if args.check and changed:
        print("would change: " + ", ".join(changed), file=sys.stderr)
        return 1
    print(f"{len(files)} files in {args.out}" + (f", {len(changed)} written" if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
