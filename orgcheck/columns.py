"""Which header holds which field: real HR-export header names -> orgcheck fields.

Headers are matched after normalising case, spacing, punctuation, camelCase and the
decorations exports add (``[Required]``, ``(USD)``, ``Overwrite``, ``work.`` prefixes).
All knowledge of export wording lives in ``ALIASES`` (exact matches, best first) and
``TOKEN_RULES`` (looser word rules, tried only when no exact alias fits), so adding an
export's headers is a data change, not a code change.

Where several headers fit a field (``ManagerID`` next to ``ManagerName``), candidates
are ranked by how many of their values point at a person in the file, then by alias
rank: the column that resolves most people wins.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd

from orgcheck.errors import InputError, UsageError
from orgcheck.model import FIELDS, RawTable

#: field -> header spellings (normalised with ``key()``), best first.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "employee id",
        "employee number",
        "employee no",
        "emp id",
        "empl id",
        "worker id",
        "employee code",
        "user id",
        "person id",
        "personid",
        "staff id",
        "staff number",
        "associate id",
        "gusto employee id",
        "payroll id",
        "personnel number",
        "personalnummer",
        "mitarbeiternummer",
        "mitarbeiter nr",
        "personal nr",
        "pers nr",
        "personalnr",
        "kurzel",
        "kuerzel",
        "mitarbeiterkurzel",
        "mitarbeiter id",
        "matricule",
        "numero de matricule",
        "numero d employe",
        "numero employe",
        "id employe",
        "numero de empleado",
        "numero empleado",
        "id empleado",
        "codigo de empleado",
        "id dipendente",
        "matricola",
        "codice dipendente",
        "numero de funcionario",
        "matricula",
        "personeelsnummer",
        "medewerkernummer",
        "post unique reference",
        "id",
        "number",
        "employee id number",
        "badge id",
        "file number",
        "emp no",
        "empid",
        "eid",
    ),
    "name": (
        "full name",
        "employee name",
        "name",
        "display name",
        "worker",
        "associate",
        "preferred name",
        "legal name",
        "employee full name",
        "worker name",
        "person",
        "person name",
        "staff name",
        "name of employee",
        "preferred full name",
        "full legal name",
        "mitarbeiter",
        "nom complet",
        "nom et prenom",
        "prenom nom",
        "nombre completo",
        "nome completo",
        "employee",
        "last name first name",
        "first name last name",
        "name last first",
    ),
    "first_name": (
        "first name",
        "preferred first name",
        "legal first name",
        "given name",
        "forename",
        "firstname",
        "vorname",
        "prenom",
        "first",
    ),
    "last_name": (
        "last name",
        "legal last name",
        "surname",
        "family name",
        "lastname",
        "nachname",
        "nom de famille",
        "nom",
        "apellidos",
        "cognome",
        "last",
    ),
    "title": (
        "business title",
        "job title",
        "title",
        "position title",
        "employee title",
        "work title",
        "position",
        "job profile",
        "current job profile",
        "job profile name",
        "role",
        "job role",
        "role name",
        "occupation",
        "job name",
        "designation",
        "job",
        "stellenbezeichnung",
        "jobbezeichnung",
        "berufsbezeichnung",
        "funktionsbezeichnung",
        "funktion",
        "jobtitel",
        "intitule du poste",
        "intitule de poste",
        "poste",
        "fonction",
        "titre du poste",
        "puesto",
        "cargo",
        "titulo del puesto",
        "nombre del puesto",
        "mansione",
        "qualifica",
        "ruolo",
        "functie",
        "functietitel",
        "job title overwrite",
        "job position",
    ),
    "manager": (
        "manager id",
        "manager employee id",
        "supervisor id",
        "supervisor eid",
        "reports to id",
        "boss id",
        "manager user id",
        "supervisor employee id",
        "reports to senior post",
        "parent id",
        "manager email",
        "manager work email",
        "supervisor email",
        "reports to email",
        "manager",
        "reports to",
        "reporting to",
        "supervisor",
        "line manager",
        "direct manager",
        "reporting manager",
        "work reports to",
        "manager name",
        "manager full name",
        "supervisor name",
        "boss",
        "reports to name",
        "vorgesetzter",
        "vorgesetzte",
        "fuhrungskraft",
        "fuehrungskraft",
        "vorgesetzte r",
        "vorgesetzter kurzel",
        "vorgesetzter id",
        "disziplinarischer vorgesetzter",
        "manager in",
        "responsable",
        "responsable hierarchique",
        "superieur hierarchique",
        "superieur",
        "manager n 1",
        "jefe",
        "jefe directo",
        "responsable directo",
        "supervisor directo",
        "responsabile",
        "gestor",
        "leidinggevende",
        "manager login",
        "solid line manager",
    ),
    "dotted_manager": (
        "matrix manager",
        "dotted line manager",
        "dotted manager",
        "second manager",
        "secondary manager",
        "functional manager",
        "indirect manager",
        "matrix manager id",
        "dotted line manager email",
        "dotted line",
        "matrix supervisor",
    ),
    "email": (
        "work email",
        "email",
        "email address",
        "business email",
        "company email",
        "primary email",
        "mail",
        "user principal name",
        "upn",
        "contact email",
        "login",
        "work email address",
        "personal email",
    ),
    "department": (
        "department",
        "dept",
        "department name",
        "work department",
        "abteilung",
        "team",
        "division",
        "supervisory organization",
        "business unit",
        "unit",
        "organization",
        "organisation",
        "group",
        "cost center",
        "cost centre",
        "org unit path",
        "org unit",
        "function",
    ),
    "location": (
        "location",
        "work location",
        "office",
        "site",
        "work site",
        "office location",
        "standort",
        "city",
        "work city",
        "country",
        "work country",
    ),
    "start_date": (
        "start date",
        "hire date",
        "date of hire",
        "dateofhire",
        "original hire date",
        "employment start date",
        "joining date",
        "date of joining",
        "work start date",
        "eintrittsdatum",
        "startdatum",
        "seniority date",
        "service date",
    ),
    "status": (
        "employment status",
        "employee status",
        "worker status",
        "status",
        "account enabled",
        "active",
        "is active",
        "enabled",
        "user status",
        "account status",
        "termd",
    ),
    "level_code": (
        "job level",
        "level",
        "grade",
        "job grade",
        "pay grade",
        "band",
        "career level",
        "job band",
        "management level",
        "level code",
        "grade level",
    ),
}

#: Looser rules when no exact alias fits: (field, required words, forbidden words).
TOKEN_RULES: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("dotted_manager", frozenset({"matrix"}), frozenset()),
    ("dotted_manager", frozenset({"dotted"}), frozenset()),
    (
        "manager",
        frozenset({"manager"}),
        frozenset(
            {
                "department",
                "dept",
                "hr",
                "matrix",
                "dotted",
                "second",
                "secondary",
                "project",
                "proj",
                "account",
                "acct",
                "prod",
                "program",
                "pgm",
                "start",
                "date",
                "is",
                "flag",
                "yn",
                "count",
                "level",
                "type",
                "of",
                "product",
                "hiring",
                "previous",
                "former",
                "skip",
                "functional",
                "indirect",
                "people",
            }
        ),
    ),
    ("manager", frozenset({"supervisor"}), frozenset({"is", "flag", "hr", "count", "of"})),
    ("manager", frozenset({"reports", "to"}), frozenset({"number", "count", "of"})),
    (  # Zoho People's "Reporting To"; not "Reporting Period To"
        "manager",
        frozenset({"reporting", "to"}),
        frozenset({"number", "count", "of", "period", "unit", "date", "data"}),
    ),
    (
        "email",
        frozenset({"email"}),
        frozenset({"manager", "supervisor", "reports", "reporting", "boss"}),
    ),
    (
        "id",
        frozenset({"employee", "id"}),
        frozenset({"manager", "supervisor", "reports", "reporting"}),
    ),
    ("title", frozenset({"title"}), frozenset({"manager", "supervisor", "reports", "reporting"})),
    ("title", frozenset({"position"}), frozenset({"manager", "supervisor", "id", "number"})),
    (
        "name",
        frozenset({"name"}),
        frozenset(
            {
                "first",
                "last",
                "user",
                "manager",
                "supervisor",
                "company",
                "department",
                "file",
                "middle",
                "legal",
                "preferred",
                "family",
                "given",
                "boss",
                "job",
                "position",
                "org",
                "unit",
                "cost",
                "location",
                "site",
                "reports",
                "reporting",
                "sur",
            }
        ),
    ),
    ("department", frozenset({"department"}), frozenset({"manager", "head", "id"})),
    ("start_date", frozenset({"hire"}), frozenset({"manager", "termination"})),
    ("start_date", frozenset({"start"}), frozenset({"manager"})),
    ("status", frozenset({"status"}), frozenset({"marital", "visa", "tax", "manager"})),
    ("level_code", frozenset({"grade"}), frozenset({"manager"})),
    ("location", frozenset({"location"}), frozenset({"manager", "id"})),
)

#: Fields tried in this order, so a header claimed by one is not offered to the next.
ORDER = (
    "manager",
    "dotted_manager",
    "email",
    "first_name",
    "last_name",
    "id",
    "name",
    "title",
    "department",
    "location",
    "start_date",
    "status",
    "level_code",
)

_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DROP_WORDS = ("overwrite", "required", "read only", "upload only", "optional")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_RANK: dict[str, dict[str, int]] = {
    fld: {alias: i for i, alias in enumerate(aliases)} for fld, aliases in ALIASES.items()
}
#: The same ranks keyed without spaces, so 'USERID' and 'DateofHire' match too.
_COMPACT: dict[str, dict[str, int]] = {
    fld: {a.replace(" ", ""): r for a, r in sorted(ranks.items(), key=lambda t: -t[1])}
    for fld, ranks in _RANK.items()
}


#: "Mgr ID", "Line Mgr", "Mngr Email": read as "manager" wherever the word stands (the
#: manager rule's exclusions then turn away "Acct Mgr" and "Mgr Start Date").
_MANAGER_SHORT = re.compile(r"\b(?:mgr|mngr)\b")


@functools.lru_cache(maxsize=8192)
def key(header: str) -> str:
    """A header as compared: 'First Name [Required]' and 'first_name' both -> 'first name'."""
    text = unicodedata.normalize("NFKD", str(header))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _BRACKETS.sub(" ", text)
    text = _CAMEL.sub(" ", text).replace("#", " number ").lower()
    text = _NON_ALNUM.sub(" ", text).strip()
    text = _MANAGER_SHORT.sub("manager", text)
    for word in _DROP_WORDS:
        text = re.sub(rf"(^|\s){word}$", "", text).strip()
    if text.startswith("work ") and text[5:] in ("reports to", "title", "site", "department"):
        return text  # HiBob's work.* names are listed as such
    return text


def _exact(field: str, header: str) -> int | None:
    k = key(header)
    rank = _RANK[field].get(k)
    if rank is None:
        rank = _COMPACT[field].get(k.replace(" ", ""))
    return rank


def _token(field: str, header: str) -> int | None:
    words = set(key(header).split())
    for i, (fld, need, forbid) in enumerate(TOKEN_RULES):
        if fld == field and need <= words and not (forbid & words):
            return 1000 + i
    return None


def header_field(header: str) -> str | None:
    """The field a header names by its wording alone (used to spot header rows)."""
    for fld in ORDER:
        if _exact(fld, header) is not None:
            return fld
    for fld in ORDER:
        if _token(fld, header) is not None:
            return fld
    return None


def _wording_candidates(headers: Iterable[str], field: str) -> list[tuple[int, str]]:
    found = []
    for h in headers:
        rank = _exact(field, h)
        if rank is None:
            rank = _token(field, h)
        if rank is not None:
            found.append((rank, h))
    return sorted(found, key=lambda t: t[0])


SAMPLE = 5000  # manager references looked at when ranking candidate columns
_FIRST_ROWS = 4096  # rows looked at first when only the first few distinct values matter


def _compact(value: str) -> str:
    """'Chen,  Alice' and 'chen, alice' -> 'chenalice': case, spaces and commas ignored."""
    return value.lower().replace(" ", "").replace(",", "").replace(".", "")


def _lower(value: str) -> str:
    return value.lower()


def _each(values: list[str], form) -> list[str]:
    """``form`` (``_compact`` or ``_lower``) of every value.

    ASCII text is joined on NUL, transformed once and split again, about twice as fast
    as a call per value (for other text it is slower, so the first values decide). That
    is exact: both forms work character by character except for the final-sigma rule of
    ``str.lower``, and NUL is neither cased nor case-ignorable, so it bounds that rule as
    a string end does. A value holding NUL itself falls back to one call per value.
    """
    if values and all(v.isascii() for v in values[:1000]):
        joined = "\x00".join(values)
        if joined.count("\x00") == len(values) - 1:
            return form(joined).split("\x00")
    return list(map(form, values))


def _ref_variants(ref: str) -> set[str]:
    """The forms a reference may take in a key column: id 1001/1001.0, email, either name order."""
    ref = ref.strip()
    out = {ref, ref.lower(), _compact(ref)}
    if ref.endswith(".0"):
        out.add(ref[:-2])
    else:
        out.add(ref + ".0")
    last, comma, first = ref.partition(",")
    words = ref.split()
    if comma:
        out.add(_compact(first + last))
    elif len(words) >= 2:
        out.add(_compact(words[-1] + "".join(words[:-1])))
    return out


def _first_distinct(values: np.ndarray, enough) -> np.ndarray:
    """``pd.unique(values)``, or a prefix of it once ``enough(prefix)`` says it will do.

    The distinct values of the first rows are the first distinct values of the column,
    in the same order, so a question about the first few thousand of them is answered
    from the first rows (read four times more each round) instead of the whole column.
    """
    n = _FIRST_ROWS
    while True:
        found = pd.unique(values[:n])
        if n >= len(values) or enough(found):
            return found
        n *= 4


class _Probe:
    """What column detection learns about a table's columns, each worked out once, lazily.

    ``detect_columns`` asks about the same manager and person columns several times
    (ranking manager columns, picking the id, looking for an unnamed id); at 1,000,000
    rows each full pass costs a noticeable fraction of a second, so the answers are kept
    for the length of one detection, and for the org builder's questions after it.
    """

    def __init__(self, raw: RawTable):
        self.raw = raw
        self.frame = raw.frame  # what the answers are about, should raw.frame be replaced
        self._variants: dict[str, list[set[str]]] = {}
        self._forms: dict[tuple, list[str]] = {}
        self._flags: dict[str, bool] = {}
        self._present: dict[str, tuple[set[str], set[str]]] = {}
        self._at: dict[str, bool] = {}

    def values(self, header: str) -> np.ndarray:
        return self.raw.frame[header].to_numpy(dtype=object)

    def present(self, header: str, wanted: set[str]) -> set[str]:
        """``wanted.intersection(values(header))``: the strings some cell holds.

        A column is read again only for strings not asked about before, so asking
        once about what every candidate will look for (see ``_candidates``) spares
        reading a million cells again for each candidate."""
        checked, hits = self._present.setdefault(header, (set(), set()))
        new = wanted - checked
        if new:
            hits |= new.intersection(self.values(header))
            checked |= new
        return wanted & hits

    def refs(self, header: str) -> list[str]:
        """The first ``SAMPLE`` filled references among the column's first distinct values."""
        values = _first_distinct(
            self.values(header),
            lambda found: len(found) >= 2 * SAMPLE or len(_filled_refs(found)) >= SAMPLE,
        )
        return _filled_refs(values)

    def variants(self, header: str) -> list[set[str]]:
        if header not in self._variants:
            refs = self.refs(header)
            self._variants[header] = [_ref_variants(r) for r in refs]
            self._at[header] = any("@" in r for r in refs)
        return self._variants[header]

    def mentions_at(self, header: str) -> bool:
        """Whether a sampled reference holds an "@" (its variants do when it does)."""
        self.variants(header)
        return self._at[header]

    def is_flag(self, header: str) -> bool:
        if header not in self._flags:
            self._flags[header] = _is_flag(self.values(header))
        return self._flags[header]

    def keys(self, headers: tuple[str, ...], form) -> list[str]:
        """Every person's key from ``headers`` (concatenated) in ``form``, row by row."""
        if (headers, form) not in self._forms:
            frame = self.raw.frame
            joined = frame[headers[0]]
            for h in headers[1:]:
                joined = joined + frame[h]
            self._forms[headers, form] = _each(joined.to_numpy(dtype=object).tolist(), form)
        return self._forms[headers, form]


def _filled_refs(values: np.ndarray) -> list[str]:
    return [v for v in values[: SAMPLE * 2] if v and v.strip()][:SAMPLE]


def _key_sources(mapping: dict[str, str]) -> list[tuple[tuple[str, ...], object]]:
    """(columns, form) pairs a person can be referred to by: id, email, name, first+last."""
    sources: list[tuple[tuple[str, ...], object]] = []
    if "id" in mapping:
        sources.append(((mapping["id"],), None))
    if "email" in mapping:
        sources.append(((mapping["email"],), _lower))
    if "name" in mapping:
        sources.append(((mapping["name"],), _compact))
    if "first_name" in mapping and "last_name" in mapping:
        sources.append(((mapping["first_name"], mapping["last_name"]), _compact))
    return sources


def _resolve_share(probe: _Probe, header: str, mapping: dict[str, str]) -> float:
    """Share of the column's sampled references that match a person's key.

    A reference matches when one of its variants is some person's id, lower-cased email
    or compacted name. Cheap checks come first: a variant found verbatim in a column
    whose form of it is again one of the variants is a match without transforming the
    column. Only references still unmatched after that make a whole column be lowered
    or compacted (once per detection, kept by ``probe``).
    """
    variants = probe.variants(header)
    if not variants:
        return 0.0
    sources = _key_sources(mapping)
    if not probe.mentions_at(header):  # which references match does not depend on the
        sources.sort(key=lambda source: source[1] is _lower)  # order: when names match
        # them all, a million emails need not be read
    pending = list(range(len(variants)))
    for cols, form in sources:
        if not pending or len(cols) > 1:
            continue
        found = probe.present(cols[0], set().union(*(variants[i] for i in pending)))
        found.discard("")
        if form is not None:
            found = {v for v in found if form(v)}
        pending = [i for i in pending if not _verbatim_hit(variants[i], found, form)]
    if not any("@" in v for i in pending for v in variants[i]):
        sources.sort(key=lambda source: source[1] is _lower)  # names before emails
    for cols, form in sources:
        if not pending or form is None:
            continue
        found = set().union(*(variants[i] for i in pending))
        found = found.intersection(probe.keys(cols, form))
        found.discard("")
        pending = [i for i in pending if variants[i].isdisjoint(found)]
    return (len(variants) - len(pending)) / len(variants)


def _verbatim_hit(variants: set[str], found: set[str], form) -> bool:
    """Whether a variant found verbatim in a key column shows the reference matches."""
    if form is None:
        return not variants.isdisjoint(found)
    return any(v in found and form(v) in variants for v in variants)


def candidate_headers(raw: RawTable, field: str) -> list[str]:
    """Headers that could hold ``field``, best first.

    For ``manager`` and ``dotted_manager`` a yes/no flag column ("Manager?") is left
    out, and the column whose distinct values match most people (by id, email or name)
    comes first, so a ``ManagerID`` that is not an employee id loses to a ``ManagerName``
    that resolves; columns within ``CLOSE`` percent of the best keep the order of their
    wording. The probe of a ``detect_columns`` of the same table is reused.
    """
    return _candidates(_probe(raw), field)


#: The probe of the last table detected (one per thread), for ``candidate_headers`` on
#: the same table (the org builder asks for other manager columns): at a million rows
#: it holds whole columns lowered or compacted, which took a second to make.
#: ``release`` drops it.
_LOCAL = threading.local()


def _probe(raw: RawTable) -> _Probe:
    probe = getattr(_LOCAL, "probe", None)
    if probe is None or probe.raw is not raw or probe.frame is not raw.frame:
        probe = _LOCAL.probe = _Probe(raw)
    return probe


def release() -> None:
    """Let go of the kept probe (the org builder calls this once managers are linked)."""
    _LOCAL.probe = None


def _candidates(probe: _Probe, field: str) -> list[str]:
    if field not in FIELDS:
        raise UsageError(f"unknown field {field!r}", hint="fields: " + ", ".join(FIELDS))
    raw = probe.raw
    found = _wording_candidates(raw.headers, field)
    if field not in ("manager", "dotted_manager"):
        return [h for _, h in found]
    found = [(rank, h) for rank, h in found if not probe.is_flag(h)]
    if len(found) < 2:
        return [h for _, h in found]
    base = _detect_by_wording(raw.headers, exclude_fields=("manager", "dotted_manager"))
    _look_up_together(probe, [h for _, h in found], base)
    percent = {h: round(100 * _resolve_share(probe, h, base)) for _, h in found}
    top = max(percent.values())
    # within CLOSE of the best, the wording decides ('manager id' before 'manager name'):
    # names shared by several people make a column of names look a little better than
    # ids of which some point outside the file, yet only ids tell people apart
    scored = [(-min(percent[h] + CLOSE, top), rank, h) for rank, h in found]
    return [h for *_, h in sorted(scored)]


#: Percents of resolving references this close count as equal when ranking columns.
CLOSE = 5


def _look_up_together(probe: _Probe, headers: list[str], mapping: dict[str, str]) -> None:
    """Look up the references of every candidate in the first key column at once.

    Each candidate is matched against that column first; one read of its million cells
    then serves them all (see ``_Probe.present``)."""
    first = _key_sources(mapping)[:1]
    if first and len(first[0][0]) == 1:
        wanted = set().union(*(v for h in headers for v in probe.variants(h)))
        probe.present(first[0][0][0], wanted)


_FLAGS = frozenset({"yes", "no", "y", "n", "true", "false", "x", "ja", "nein"})


def _is_flag(values: np.ndarray) -> bool:
    """A yes/no column ('Manager?', 'Is Manager'): it says who manages, not whom."""
    distinct = _first_distinct(values, lambda found: len(found) > 2 * len(_FLAGS))
    if len(distinct) > 2 * len(_FLAGS):
        return False
    values = {str(v).strip().lower() for v in distinct} - {""}
    return bool(values) and values <= _FLAGS


def _detect_by_wording(headers: list[str], exclude_fields: tuple[str, ...] = ()) -> dict:
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for tier in (_exact, _token):
        for fld in ORDER:
            if fld in mapping or fld in exclude_fields:
                continue
            best = None
            for h in headers:
                if h in used:
                    continue
                rank = tier(fld, h)
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, h)
            if best:
                mapping[fld] = best[1]
                used.add(best[1])
    return mapping


def _sniff_email(raw: RawTable, mapping: dict[str, str]) -> str | None:
    """A column most of whose values look like email addresses, not already used."""
    used = set(mapping.values())
    for h in raw.headers:
        if h in used:
            continue
        sample = raw.frame[h].head(200)
        filled = sample[sample != ""]
        if len(filled) and filled.str.match(_EMAIL).mean() > 0.8:
            return h
    return None


def _match_header(raw: RawTable, wanted: str) -> str | None:
    target = " ".join(wanted.split()).casefold()
    for h in raw.headers:
        if " ".join(h.split()).casefold() == target:
            return h
    return None


def _apply_overrides(raw: RawTable, overrides: dict[str, str]) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for fld, wanted in overrides.items():
        if fld not in FIELDS:
            raise UsageError(
                f"--column: unknown field {fld!r}", hint="fields: " + ", ".join(FIELDS)
            )
        header = _match_header(raw, wanted)
        if header is None:
            raise UsageError(
                f"--column {fld}={wanted!r}: no such header in the file",
                hint="headers found: " + ", ".join(repr(h) for h in raw.headers),
                path=raw.path,
                sheet=raw.sheet,
            )
        chosen[fld] = header
    return chosen


def detect_columns(raw: RawTable, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Map fields to headers; raise ``InputError`` when name or title cannot be found."""
    forced = _apply_overrides(raw, overrides or {})
    rest = [h for h in raw.headers if h not in forced.values()]
    mapping = _detect_by_wording(rest, exclude_fields=tuple(forced))
    probe = _probe(raw)
    for fld in ("manager", "dotted_manager"):
        if fld in mapping and fld not in forced:
            ranked = [h for h in _candidates(probe, fld) if h not in forced.values()]
            if not ranked:
                del mapping[fld]
            elif ranked[0] != mapping[fld]:
                mapping = _swap(mapping, fld, ranked[0])
    mapping.update(forced)
    if "manager" in mapping and "id" not in forced:
        mapping = _pick_id(probe, mapping)
    if "email" not in mapping:
        sniffed = _sniff_email(raw, mapping)
        if sniffed:
            mapping["email"] = sniffed
    if "manager" in mapping and "id" not in mapping:
        mapping = _id_from_references(probe, mapping)
    if "title" in mapping and "title" not in forced:
        mapping = _check_title(raw, mapping)
    _require(raw, mapping)
    return {f: mapping[f] for f in FIELDS if f in mapping}


def _pick_id(probe: _Probe, mapping: dict[str, str]) -> dict[str, str]:
    """Among several id columns (USERID and EMPID), take the one managers point at."""
    raw = probe.raw
    taken = {h for f, h in mapping.items() if f not in ("id",)}
    found = [h for _, h in _wording_candidates(raw.headers, "id") if h not in taken]
    if len(found) < 2:
        return mapping
    variants = probe.variants(mapping["manager"])
    if not variants:
        return mapping
    wanted = set().union(*variants)
    scores = []
    for i, h in enumerate(found):
        ids = probe.present(h, wanted)
        scores.append((-sum(1 for v in variants if v & ids), i, h))
    best = min(scores)[2]
    return _swap(mapping, "id", best) if scores and min(scores)[0] < 0 else mapping


def _id_from_references(probe: _Probe, mapping: dict[str, str]) -> dict[str, str]:
    """No id header by name, but managers are given by a code (LOGA's 'Kürzel').

    When the manager references do not match the people's names or emails, a column of
    unique values that most references point at is the id, whatever its header says.
    """
    raw = probe.raw
    refs = probe.refs(mapping["manager"])
    if not refs or _resolve_share(probe, mapping["manager"], mapping) >= 0.5:
        return mapping
    used = set(mapping.values())
    for h in raw.headers:
        if h in used or not _unique_filled(raw.frame[h].head(SAMPLE).to_numpy(dtype=object)):
            continue  # the cheap look at the first rows rules most columns out
        values = raw.frame[h].to_numpy(dtype=object)
        if not _unique_filled(values):
            continue
        filled = values[values != ""]
        ids = set(filled)
        if sum(1 for r in refs if r in ids) >= 0.8 * len(refs):
            _note(
                raw,
                f"no id column by name; {h!r} is used as the id, since the manager "
                "column's values are its values",
            )
            return {**mapping, "id": h}
    return mapping


def _unique_filled(values) -> bool:
    """At least 90% filled, and no value twice: what an id column looks like."""
    filled = values[values != ""]
    return len(filled) >= 0.9 * len(values) and len(set(filled)) == len(filled)


#: Salutations and honorifics, normalised (lower case, no dots): not job titles.
SALUTATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "reverend",
        "fr",
        "father",
        "master",
        "messrs",
        "hon",
        "rt",
        "herr",
        "frau",
        "fraulein",
        "fräulein",
        "m",
        "mme",
        "mlle",
        "monsieur",
        "madame",
        "mademoiselle",
        "señor",
        "senor",
        "señora",
        "senora",
        "señorita",
        "senorita",
        "sr",
        "sra",
        "srta",
        "don",
        "doña",
        "dona",
        "dra",
        "sig",
        "sigra",
        "signor",
        "signora",
        "dott",
        "dottssa",
        "ing",
        "mag",
        "dipl",
        "dipl-ing",
        "med",
        "phd",
        "md",
    ]
)


def _is_salutation(value: str) -> bool:
    words = value.lower().replace(".", " ").replace("/", " ").replace(",", " ").split()
    return bool(words) and all(w in SALUTATIONS for w in words)


def _not_a_job_title(series: pd.Series) -> str | None:
    """Why a column chosen as the title is not one (a UK 'Title' of Mr/Ms/Dr), or None."""
    counts = series.head(5000).value_counts()
    counts = counts[counts.index != ""]
    if not len(counts):
        return None
    top = ", ".join(map(str, counts.index[:4]))
    salutes = counts[[_is_salutation(str(v)) for v in counts.index]].sum()
    if salutes >= 0.8 * counts.sum():
        return f"salutations ({top})"
    if counts.sum() >= 10 and len(counts) <= 4 and max(map(len, counts.index)) <= 4:
        return f"only {len(counts)} short values ({top})"
    return None


def _check_title(raw: RawTable, mapping: dict[str, str]) -> dict[str, str]:
    """Prefer another title column when the chosen one holds salutations, and say so."""
    header = mapping["title"]
    why = _not_a_job_title(raw.frame[header])
    if why is None:
        return mapping
    taken = set(mapping.values())
    for other in candidate_headers(raw, "title"):
        if other not in taken and _not_a_job_title(raw.frame[other]) is None:
            _note(
                raw,
                f"column {header!r} holds {why}, not job titles; "
                f"{other!r} is used as the job title",
            )
            return _swap(mapping, "title", other)
    _note(
        raw,
        f"column {header!r} holds {why}, which look like no job titles, and no other column "
        f"does better; if the job title is elsewhere, say so with --column title=HEADER",
    )
    return mapping


def _note(raw: RawTable, text: str) -> None:
    if text not in raw.notes:
        raw.notes.append(text)


def _swap(mapping: dict[str, str], field: str, header: str) -> dict[str, str]:
    """Give ``header`` to ``field``; a field that held it loses it."""
    out = {f: h for f, h in mapping.items() if h != header}
    out[field] = header
    return out


def _require(raw: RawTable, mapping: dict[str, str]) -> None:
    has_name = "name" in mapping or ("first_name" in mapping and "last_name" in mapping)
    missing = []
    if not has_name:
        missing.append(("name", "Full Name"))
    if "title" not in mapping:
        missing.append(("title", "Job Title"))
    if not missing:
        return
    what = " and ".join(f for f, _ in missing)
    example = " ".join(f'--column {f}="{h}"' for f, h in missing)
    raise InputError(
        f"no {what} column found",
        hint=f"headers found: {', '.join(repr(h) for h in raw.headers)}; "
        f"say which one holds it, e.g. {example}",
        path=raw.path,
        sheet=raw.sheet,
    )
