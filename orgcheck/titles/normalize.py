"""Turn a raw job title into clean lower-case segments of known words.

HR exports carry titles as people typed them: HTML entities from web forms, en and em
dashes from Word, requisition numbers pasted from an ATS, stray spaces and capitals.
This module removes what carries no meaning (the same way for every title) so the
ladder rules in ``ladder.toml`` only ever see plain words. Nothing here knows about
product management; the word lists it applies come from the ladder.
"""

from __future__ import annotations

import html
import re
import unicodedata

#: Unicode dashes and minus signs; spaced so "PM–Growth" splits like "PM - Growth".
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: German umlauts are written out the German way ("Geschäftsführer" and the ASCII
#: spelling "Geschaeftsfuehrer" are one word); other accents are dropped (é -> e).
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "\u2019": "'", "\u02bc": "'"})

#: Requisition and posting ids: "(Req #12345)", "R-0123456", "JR123456", "#4521", "[12345]".
_REQUISITION = re.compile(
    r"\(?\b(?:req(?:uisition)?|job(?:\s*id)?|position(?:\s*id)?|ref(?:erence)?|posting)"
    r"\s*(?:id|no|number|nr)?\.?\s*[:#]?\s*[a-z]{0,3}[-_]?\d[\w-]*\)?"
    r"|#\s*\d[\w-]*|\b[a-z]{1,4}[-_]?\d{4,}\b|\b\d{4,}\b|\[\s*[\w-]*\d[\w-]*\s*\]"
)
#: Where one part of a title ends and the next begins (team, place, pay band, req).
_SEGMENT = re.compile(r"\s*(?:[,;|:(){}\[\]]|\s-+\s|\s-+|-+\s|\s@\s|\sat\s)\s*")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|/")
#: Longer cells are notes or pasted descriptions, not titles; the rest is ignored so
#: that no pattern ever scans kilobytes of text.
MAX_CHARS = 200


def clean(title: str) -> str:
    """Lower-case text with entities decoded, dashes unified and ids removed."""
    text = title[: MAX_CHARS * 2]
    for _ in range(2):  # "&amp;amp;" happens when a form escapes twice
        if "&" not in text:
            break
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = fold(_DASHES.sub(" - ", text).lower())
    text = _REQUISITION.sub(" ", text)
    text = text.replace("&", " & ")
    return " ".join(text.split())[:MAX_CHARS]


def fold(text: str) -> str:
    """Lower-case text with accents taken off, so every word matches as plain a-z.

    Titles from German, French, Spanish or Dutch exports keep their accents; without
    this, "Ingénieur" would be cut into "ing" and "nieur" by the word pattern below.
    """
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_ACRONYM = re.compile(r"\(\s*([a-z]{2,5})\s*\)")


def drop_restated_acronyms(text: str) -> str:
    """'preventive maintenance (pm) technician' -> without '(pm)'.

    An acronym in brackets that spells the words just before it only repeats them;
    read on its own it would be taken for something else (PM = product manager).
    """
    for m in reversed(list(_ACRONYM.finditer(text))):
        letters = m.group(1)
        before = re.findall(r"[a-z0-9]+", text[: m.start()])[-len(letters) :]
        if len(before) == len(letters) and "".join(w[0] for w in before) == letters:
            text = text[: m.start()] + text[m.end() :]
    return text


def split_segments(text: str) -> list[str]:
    """Cut cleaned text into its parts; empty parts are dropped."""
    return [s for s in _SEGMENT.split(text) if s and s.strip(" .-")]


def words(segment: str) -> list[str]:
    """The words of one segment: "Sr." -> "sr", "o&p" -> "o", "p"; "/" is kept as a word."""
    segment = segment.replace("&", " and ").replace("+", " and ")
    segment = re.sub(r"(?<=[a-z])\.(?=[a-z]\.)", "", segment)  # "c.p.o." -> "cpo."
    return _WORD.findall(segment)
