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
import unicodedata
from collections.abc import Iterable

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
                "account",
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
    ("email", frozenset({"email"}), frozenset({"manager", "supervisor", "reports", "boss"})),
    ("id", frozenset({"employee", "id"}), frozenset({"manager", "supervisor", "reports"})),
    ("title", frozenset({"title"}), frozenset({"manager", "supervisor", "reports"})),
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


@functools.lru_cache(maxsize=8192)
def key(header: str) -> str:
    """A header as compared: 'First Name [Required]' and 'first_name' both -> 'first name'."""
    text = unicodedata.normalize("NFKD", str(header))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _BRACKETS.sub(" ", text)
    text = _CAMEL.sub(" ", text).replace("#", " number ").lower()
    text = _NON_ALNUM.sub(" ", text).strip()
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


def _compact(value: str) -> str:
    """'Chen,  Alice' and 'chen, alice' -> 'chenalice': case, spaces and commas ignored."""
    return value.lower().replace(" ", "").replace(",", "").replace(".", "")


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


def _person_keys(raw: RawTable, mapping: dict[str, str]) -> set[str]:
    """Every form a person can be referred to by, built per column at C speed where possible."""
    keys: set[str] = set()
    frame = raw.frame
    if "id" in mapping:
        keys |= set(frame[mapping["id"]].to_numpy(dtype=object))
    if "email" in mapping:
        keys |= set(map(str.lower, frame[mapping["email"]].to_numpy(dtype=object)))
    if "name" in mapping:
        keys |= set(map(_compact, frame[mapping["name"]].to_numpy(dtype=object)))
    if "first_name" in mapping and "last_name" in mapping:
        full = frame[mapping["first_name"]] + frame[mapping["last_name"]]
        keys |= set(map(_compact, full.to_numpy(dtype=object)))
    keys.discard("")
    return keys


def _sample_refs(series: pd.Series) -> list[str]:
    values = pd.unique(series.to_numpy(dtype=object))
    return [v for v in values[: SAMPLE * 2] if v and v.strip()][:SAMPLE]


def _resolve_share(raw: RawTable, header: str, keys: set[str]) -> float:
    refs = _sample_refs(raw.frame[header])
    if not refs:
        return 0.0
    return sum(1 for r in refs if _ref_variants(r) & keys) / len(refs)


def candidate_headers(raw: RawTable, field: str) -> list[str]:
    """Headers that could hold ``field``, best first.

    For ``manager`` and ``dotted_manager`` a yes/no flag column ("Manager?") is left
    out, and the column whose distinct values match most people (by id, email or name)
    comes first, so a ``ManagerID`` that is not an employee id loses to a ``ManagerName``
    that resolves.
    """
    if field not in FIELDS:
        raise UsageError(f"unknown field {field!r}", hint="fields: " + ", ".join(FIELDS))
    found = _wording_candidates(raw.headers, field)
    if field not in ("manager", "dotted_manager"):
        return [h for _, h in found]
    found = [(rank, h) for rank, h in found if not _is_flag(raw.frame[h])]
    if len(found) < 2:
        return [h for _, h in found]
    base = _detect_by_wording(raw.headers, exclude_fields=("manager", "dotted_manager"))
    keys = _person_keys(raw, base)
    scored = [(-round(_resolve_share(raw, h, keys), 2), rank, h) for rank, h in found]
    return [h for *_, h in sorted(scored)]


_FLAGS = frozenset({"yes", "no", "y", "n", "true", "false", "x", "ja", "nein"})


def _is_flag(series: pd.Series) -> bool:
    """A yes/no column ('Manager?', 'Is Manager'): it says who manages, not whom."""
    distinct = pd.unique(series.to_numpy(dtype=object))
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
    for fld in ("manager", "dotted_manager"):
        if fld in mapping and fld not in forced:
            ranked = [h for h in candidate_headers(raw, fld) if h not in forced.values()]
            if not ranked:
                del mapping[fld]
            elif ranked[0] != mapping[fld]:
                mapping = _swap(mapping, fld, ranked[0])
    mapping.update(forced)
    if "manager" in mapping and "id" not in forced:
        mapping = _pick_id(raw, mapping)
    if "email" not in mapping:
        sniffed = _sniff_email(raw, mapping)
        if sniffed:
            mapping["email"] = sniffed
    if "manager" in mapping and "id" not in mapping:
        mapping = _id_from_references(raw, mapping)
    if "title" in mapping and "title" not in forced:
        mapping = _check_title(raw, mapping)
    _require(raw, mapping)
    return {f: mapping[f] for f in FIELDS if f in mapping}


def _pick_id(raw: RawTable, mapping: dict[str, str]) -> dict[str, str]:
    """Among several id columns (USERID and EMPID), take the one managers point at."""
    taken = {h for f, h in mapping.items() if f not in ("id",)}
    found = [h for _, h in _wording_candidates(raw.headers, "id") if h not in taken]
    if len(found) < 2:
        return mapping
    refs = _sample_refs(raw.frame[mapping["manager"]])
    if not refs:
        return mapping
    variants = [_ref_variants(r) for r in refs]
    scores = []
    for i, h in enumerate(found):
        ids = set(raw.frame[h].to_numpy(dtype=object))
        scores.append((-sum(1 for v in variants if v & ids), i, h))
    best = min(scores)[2]
    return _swap(mapping, "id", best) if scores and min(scores)[0] < 0 else mapping


def _id_from_references(raw: RawTable, mapping: dict[str, str]) -> dict[str, str]:
    """No id header by name, but managers are given by a code (LOGA's 'Kürzel').

    When the manager references do not match the people's names or emails, a column of
    unique values that most references point at is the id, whatever its header says.
    """
    refs = _sample_refs(raw.frame[mapping["manager"]])
    if not refs or _resolve_share(raw, mapping["manager"], _person_keys(raw, mapping)) >= 0.5:
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
