"""The JSON of SPEC §5 (schema_version 1), byte-identical across runs on one file.

People are serialised column-wise by pandas' C JSON writer, one person per line:
building a million Python dicts for ``json.dumps`` would cost seconds, and one line a
person keeps the file diffable between two snapshots of an org.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, TextIO

import numpy as np
import pandas as pd

from orgcheck import __version__
from orgcheck.model import LEVEL_NAMES

if TYPE_CHECKING:
    from orgcheck.analysis import Result

SCHEMA_VERSION = 1


def _strings(values: np.ndarray) -> np.ndarray:
    """JSON text of each string (null for None), encoding each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    encoded = np.array([encode_basestring(str(u)) for u in uniques] + ["null"], dtype=object)
    return encoded[np.where(codes < 0, len(uniques), codes)]


def _numbers(values: np.ndarray, present: np.ndarray | None = None) -> np.ndarray:
    """Numbers stay numbers (``%s`` formats them when lines are built); null where absent."""
    values = np.asarray(values)
    return values if present is None else np.where(present, values.astype(object), "null")


def people_columns(result: Result) -> dict[str, np.ndarray]:
    """SPEC §5 ``people`` fields as arrays of JSON fragments, in input order."""
    org = result.org
    p = org.people
    n = len(p)
    ids = p["id"].to_numpy(dtype=object)
    id_json = _strings(ids)
    has_parent = org.parent >= 0
    level = p["level"].to_numpy() if "level" in p else np.zeros(n, dtype=np.int8)
    level_names = _strings(np.array([None, *LEVEL_NAMES.values()], dtype=object))
    function = p["function"].to_numpy(dtype=object) if "function" in p else np.full(n, "unknown")
    confidence = p["confidence"].to_numpy(dtype=np.float64) if "confidence" in p else np.zeros(n)
    cols = {
        "id": id_json,
        "row": _numbers(p["row"].to_numpy()),
        "name": _strings(p["name"].to_numpy(dtype=object)),
        "title": _strings(p["title"].to_numpy(dtype=object)),
        "manager_id": np.where(has_parent, id_json[np.maximum(org.parent, 0)], "null"),
        "level": _numbers(level, level > 0),
        "level_name": level_names[np.clip(level.astype(np.int64), 0, 6)],
        "function": _strings(function),
        "confidence": _numbers(np.round(confidence, 2)),
        "depth": _numbers(org.depth),
        "direct_reports": _numbers(org.direct_reports),
        "org_size": _numbers(org.org_size),
    }
    if org.dotted_parent is not None:
        dp = org.dotted_parent
        cols["dotted_manager_id"] = np.where(dp >= 0, id_json[np.maximum(dp, 0)], "null")
    return cols


#: People formatted per write: bounds the extra memory of a million-person document.
CHUNK = 50_000


def people_chunks(result: Result) -> Iterator[list[str]]:
    """Compact JSON objects, one per person, keys in SPEC order, CHUNK people at a time."""
    cols = people_columns(result)
    template = "{" + ", ".join(f"{encode_basestring(k)}: %s" for k in cols) + "}"
    arrays = list(cols.values())
    for start in range(0, len(result.org), CHUNK):
        part = [c[start : start + CHUNK].tolist() for c in arrays]
        yield [template % row for row in zip(*part, strict=True)]


def titles_list(titles: pd.DataFrame | None) -> list[dict]:
    if titles is None or not len(titles):
        return []
    out = []
    for rec in titles.to_dict(orient="records"):
        level = rec.get("level")
        level = None if level is None or pd.isna(level) or int(level) == 0 else int(level)
        out.append(
            {
                "title": rec["title"],
                "count": int(rec["count"]),
                "level": level,
                "function": rec["function"],
                "confidence": round(float(rec["confidence"]), 2),
                "reason": rec["reason"],
            }
        )
    return out


def summary(result: Result) -> dict:
    data = dict(result.metrics.to_json())
    data["findings"] = result.counts()
    return data


def anonymized(result: Result) -> Result:
    """The same result with names, emails and email-like ids replaced by stable pseudonyms.

    Uses the report's anonymizer so a person has the same pseudonym in the JSON as in
    the HTML, Markdown and text reports of the same file.
    """
    from orgcheck.report.anonymize import Anonymizer, pseudo_emails

    anon = Anonymizer(result.org)
    people = result.org.people.copy()
    people["name"] = anon.names
    if "email" in people:
        people["email"] = pseudo_emails(len(people))
    ids = people["id"].astype(str)
    renamed: dict[str, str] = {}
    if ids.str.contains("@", regex=False).any():
        new_ids = np.char.add("P", people["row"].to_numpy().astype(str)).astype(object)
        renamed = dict(zip(ids.tolist(), new_ids.tolist(), strict=True))
        people["id"] = new_ids
    texts = [t for f in result.findings for t in (f.message, f.suggestion)]
    scrubbed = iter(anon.scrub(texts))
    findings = [
        replace(
            f,
            message=next(scrubbed),
            suggestion=next(scrubbed),
            people=tuple(renamed.get(p, p) for p in f.people),
        )
        for f in result.findings
    ]
    people["title"] = anon.scrub_column(people["title"].to_numpy(dtype=object))
    titles = result.org.titles
    if titles is not None and len(titles):
        titles = titles.copy()
        for col in ("title", "reason"):
            titles[col] = anon.scrub_column(titles[col].to_numpy(dtype=object))
    source = replace(result.org.source, notes=anon.scrub(list(result.org.source.notes)))
    org = replace(result.org, people=people, source=source, titles=titles)
    return replace(result, org=org, findings=findings)


def render_json(result: Result, *, anonymize: bool = False) -> str:
    """The whole document as one string (the library's entry; the CLI streams)."""
    buffer = io.StringIO()
    write_json(result, buffer, anonymize=anonymize)
    return buffer.getvalue()


def write_json(result: Result, fh: TextIO, *, anonymize: bool = False) -> None:
    """Write the document to fh; people one per line, the rest indented.

    People are formatted and written in chunks, so a million-person document never
    exists in memory as one string.
    """
    if anonymize:
        result = anonymized(result)
    head = {
        "schema_version": SCHEMA_VERSION,
        "orgcheck_version": __version__,
        "source": {
            **result.org.source.to_json(),
            "skipped": dict(sorted(result.org.skipped.items())),
            "notes": list(result.org.source.notes),
        },
        "summary": summary(result),
    }
    tail = {
        "findings": [f.to_json() for f in result.findings],
        "titles": titles_list(result.org.titles),
    }

    def block(obj: dict) -> str:
        return json.dumps(obj, indent=2, ensure_ascii=False, default=_default)[1:-2]

    fh.write("{" + block(head) + ',\n  "people": [')
    first = True
    for lines in people_chunks(result):
        fh.write(("\n    " if first else ",\n    ") + ",\n    ".join(lines))
        first = False
    fh.write("]" if first else "\n  ]")
    fh.write(",\n" + block(tail)[1:] + "\n}\n")


def _default(obj: object) -> object:
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")
