"""The title classifier on each kind of messy title issue 3 names, one table per kind."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcheck.errors import InputError, UsageError
from orgcheck.model import FUNCTIONS, LEVEL_NAMES
from orgcheck.titles import Classifier, Placement, load_title_map
from orgcheck.titles.ladder import RUNG_NAMES

CLF = Classifier()


def place(title: str) -> Placement:
    return CLF.classify(title)


def check(title: str, level: int | None, function: str) -> Placement:
    p = place(title)
    assert (p.level, p.function) == (level, function), f"{title!r}: {p.reason}"
    assert function in FUNCTIONS
    assert p.level_name == (LEVEL_NAMES[level] if level else None)
    return p


KINDS: dict[str, list[tuple[str, int | None, str]]] = {
    "abbreviations": [
        ("Sr. PM", 3, "product"),
        ("Sr Product Manager", 3, "product"),
        ("Snr Product Manager", 3, "product"),
        ("PM", 2, "product"),
        ("APM", 1, "product"),
        ("GPM", 3, "product"),
        ("Dir. Product Management", 4, "product"),
        ("VP Product", 5, "product"),
        ("SVP, Product", 5, "product"),
        ("EVP Product", 5, "product"),
        ("AVP, Product Management", 4, "product"),
        ("CPO", 6, "product"),
        ("TPM", None, "program"),
        ("Sr. TPM, Infrastructure", None, "program"),
    ],
    "numbered levels": [
        ("Product Manager I", 1, "product"),
        ("Product Manager II", 2, "product"),
        ("Product Manager III", 3, "product"),
        ("PM 3", 3, "product"),
        ("Product Owner I", 1, "product"),
        ("Senior Product Manager II", 3, "product"),
    ],
    "IC-track words": [
        ("Principal Product Manager", 3, "product"),
        ("Staff Product Manager", 3, "product"),
        ("Lead Product Manager", 3, "product"),
        ("Group Product Manager", 3, "product"),
        ("Senior Staff Product Manager", 3, "product"),
        ("Partner Group Product Manager", 4, "product"),
    ],
    "leader titles": [
        ("Head of Product", 4, "product"),
        ("Product Lead", 3, "product"),
        ("Product Owner", 2, "product"),
        ("Director of Product", 4, "product"),
        ("Product Director", 4, "product"),
        ("VP of Product", 5, "product"),
        ("Chief Product Officer", 6, "product"),
        ("Director, Product Management", 4, "product"),
        ("Product Management - Director", 4, "product"),
        ("Director of PM", 4, "product"),
        ("VP of PMs", 5, "product"),
    ],
    "teams and places": [
        ("Senior PM, Growth", 3, "product"),
        ("Director of Product – Platform (Remote)", 4, "product"),
        ("Product Manager | Payments", 2, "product"),
        ("Growth, Senior Product Manager", 3, "product"),
        ("Senior Product Manager, APM", 3, "product"),
        ("Product Manager, Design Systems", 2, "product"),
        ("Product Manager @ Acme", 2, "product"),
        ("Product Owner - Senior", 3, "product"),
        ("Senior Produktmanager (m/w/d)", 3, "product"),
    ],
    "requisition numbers": [
        ("Senior Product Manager (Req #12345)", 3, "product"),
        ("R-0123456 Product Manager", 2, "product"),
        ("Product Manager II - JR104233", 2, "product"),
        ("[2024-118] Director of Product", 4, "product"),
    ],
    "ranges": [
        ("Senior/Principal PM", 3, "product"),
        ("PM/Senior PM", 2, "product"),
        ("Director/VP of Product", 4, "product"),
        ("AI/ML Product Manager", 2, "product"),
    ],
    "unicode, whitespace, case, entities": [
        ("Senior Product Manager \u2014 Growth", 3, "product"),
        ("  senior   PRODUCT   manager  ", 3, "product"),
        ("Director of Product &amp; Design", 4, "product"),
        ("Sr. PM &#8211; Growth", 3, "product"),
        ("Product\u00a0Manager", 2, "product"),
        ("VP\u2011Product", 5, "product"),
    ],
    "typos": [
        ("Prodcut Manager", 2, "product"),
        ("Product Manger", 2, "product"),
        ("Senior Prouct Manager", 3, "product"),
        ("Principle Product Manager", 3, "product"),
        ("Product Managment Intern", 1, "product"),
    ],
    "interns and new grads (rung 1)": [
        ("Product Management Intern", 1, "product"),
        ("Associate Product Manager Intern", 1, "product"),
        ("Associate Product Manager (New Grad)", 1, "product"),
        ("Product Manager, New Grad", 1, "product"),
        ("Rotational Product Manager", 1, "product"),
        ("Software Engineering Intern", None, "engineering"),
    ],
    "look-alikes": [
        ("Product Marketing Manager", None, "marketing"),
        ("Director of Product Marketing", None, "marketing"),
        ("Product Designer", None, "design"),
        ("Manager, Product Design", None, "design"),
        ("Product Operations Manager", None, "other"),
        ("Head of Product Operations", None, "other"),
        ("Product Analyst", None, "data"),
        ("Product Analytics Lead", None, "data"),
        ("Production Manager", None, "other"),
        ("Production Technician I", None, "other"),
        ("Project Manager", None, "program"),
        ("Program Manager", None, "program"),
        ("Technical Program Manager", None, "program"),
        ("Product Support Specialist", None, "other"),
        ("Product Engineer", None, "engineering"),
        ("Senior Software Engineer, Product", None, "engineering"),
        ("Engineering Manager, Product", None, "engineering"),
        ("Brand Manager", None, "marketing"),
        ("Category Manager", None, "marketing"),
        ("Portfolio Manager", None, "other"),
        ("Construction PM", None, "program"),
        ("PM - Equity Long/Short Fund", None, "other"),
        ("APM Supervisor", None, "other"),
        ("Preventive Maintenance (PM) Technician", None, "other"),
        ("Project Manager (PM)", None, "program"),
    ],
    "PM as a shift": [
        ("Cashier PM shift", None, "other"),
        ("Cashier PM 1", None, "other"),
        ("RN - PM Shift", None, "other"),
        ("Night Nurse 3pm-11pm", None, "other"),
    ],
    "CPO as a credential or an assistant": [
        ("Certified Prosthetist Orthotist", None, "other"),
        ("CPO, Orthotics", None, "other"),
        ("Jane Roe, CPO, LPO", None, "other"),
        ("Executive Assistant to the CPO", None, "other"),
        ("Executive Assistant to the VP of Product", None, "other"),
        ("Chief of Staff to the Chief Product Officer", None, "other"),
    ],
    "bank pay bands": [
        ("Product Manager, Vice President", 2, "product"),
        ("Vice President, Product Manager", 2, "product"),
        ("Digital Banking Product Manager - Vice President", 2, "product"),
        ("Senior Product Manager - Vice President", 3, "product"),
        ("Product Manager - Associate", 2, "product"),
        ("Senior Associate, Product Manager", 2, "product"),
        ("AVP, Product Manager", 2, "product"),
        ("Product Manager, AVP", 2, "product"),
        ("Assistant Vice President, Product Manager", 2, "product"),
        ("Assistant Vice President Product Manager", 2, "product"),
        ("VP, Product Manager", 2, "product"),
        ("Product Manager, VP", 2, "product"),
        ("Senior Vice President, Product Manager", 2, "product"),
        ("Associate, Product Manager", 2, "product"),
        ("Product Manager, Associate", 2, "product"),
        ("Associate Product Manager", 1, "product"),
        ("AVP, Senior Product Manager", 3, "product"),
        ("Director, Product Management", 4, "product"),
        ("Executive Director, Product Management", 4, "product"),
    ],
    "qualified VPs before a comma": [
        ("Corporate Vice President, Product", 5, "product"),
        ("Global VP, Product", 5, "product"),
        ("CVP, Product", 5, "product"),
        ("SVP, Product", 5, "product"),
        ("Vice President, Product", 5, "product"),
        ("Group Vice President, Product", 5, "product"),
        ("Corporate VP Product", 5, "product"),
        ("VP, Product Management", 5, "product"),
        ("Corporate Vice President, Engineering", None, "engineering"),
        ("Global VP, Sales", None, "other"),
        ("Senior PM, Growth", 3, "product"),
        ("Deputy CPO", 5, "product"),
        ("Deputy Chief Product Officer", 5, "product"),
    ],
    "executives beyond the ladder": [
        ("CEO", None, "executive"),
        ("Chief Operating Officer", None, "executive"),
        ("General Manager, Payments", None, "executive"),
        ("CTO", None, "executive"),
        ("Founder & CEO", None, "executive"),
        ("President", None, "executive"),
    ],
    "other functions keep a function": [
        ("Software Engineer", None, "engineering"),
        ("UX Designer", None, "design"),
        ("Data Scientist", None, "data"),
        ("Marketing Manager", None, "marketing"),
        ("Account Executive", None, "other"),
        ("Scrum Master", None, "program"),
        ("Intern in Product Management", 1, "product"),
    ],
    "gender markers in German, French and Spanish titles": [
        ("Produktmanager/in", 2, "product"),
        ("Produktmanager/-in", 2, "product"),
        ("Produktmanager*in", 2, "product"),
        ("Produktmanager:in", 2, "product"),
        ("ProduktmanagerIn", 2, "product"),
        ("Produktmanagerin", 2, "product"),
        ("Produktmanager (m/w/d)", 2, "product"),
        ("Senior Product Owner (w/m/d)", 3, "product"),
        ("Product Manager (f/m/x)", 2, "product"),
        ("Product Owner (all genders)", 2, "product"),
        ("Produktmanager m/w/d", 2, "product"),
        ("Leiter/Leiterin Produktmanagement", 4, "product"),
        ("Chef de produit (H/F)", 2, "product"),
        ("Ingénieur(e) logiciel", None, "engineering"),
        ("Desarrollador/a", None, "engineering"),
    ],
    "German titles": [
        ("Senior Produktmanager", 3, "product"),
        ("Junior Produktmanagerin", 1, "product"),
        ("Leiter Produktmanagement", 4, "product"),
        ("Leiterin Produktmanagement", 4, "product"),
        ("Leitung Produktmanagement", 4, "product"),
        ("Bereichsleiter Produkt", 4, "product"),
        ("Head of Product (m/w/d)", 4, "product"),
        ("VP Produkt", 5, "product"),
        ("Werkstudent Produktmanagement (m/w/d)", 1, "product"),
        ("Praktikantin Produktmanagement", 1, "product"),
        ("Werkstudent*in im Bereich Produktmanagement", 1, "product"),
        ("Stellv. Leiter Produktmanagement", 4, "product"),
        ("Technischer Leiter", None, "engineering"),
        ("Kaufmännische Leiterin", None, "other"),
        ("Geschäftsführer", None, "executive"),
        ("Geschäftsführerin", None, "executive"),
        ("Geschaeftsfuehrer", None, "executive"),
        ("Softwareentwickler/in", None, "engineering"),
        ("Senior Softwareentwicklerin", None, "engineering"),
        ("Teamleiter Softwareentwicklung", None, "engineering"),
        ("Datenanalyst/in", None, "data"),
        ("Produktmarketing Manager", None, "marketing"),
        ("UX Designer/in", None, "design"),
        ("Leiterin Design", None, "design"),
        ("Technischer Projektmanager", None, "program"),
        ("Assistenz der Geschäftsführung", None, "other"),
    ],
    "German look-alikes": [
        ("Produktionsleiter", None, "other"),
        ("Produktionsleiterin (m/w/d)", None, "other"),
        ("Produktionsplaner", None, "other"),
        ("Leiter Produktion", None, "other"),
        ("Projektmanager (m/w/d)", None, "program"),
        ("Projektleiterin", None, "program"),
        ("Leiter Produktentwicklung", None, "engineering"),
        ("Produktdesigner/in", None, "design"),
        ("Produktmarketingmanagerin", None, "marketing"),
    ],
    "French titles": [
        ("Chef de produit", 2, "product"),
        ("Cheffe de produit", 2, "product"),
        ("Chef de produit senior", 3, "product"),
        ("Chef de produit junior", 1, "product"),
        ("Responsable produit", 2, "product"),
        ("Directeur produit", 4, "product"),
        ("Directrice produit", 4, "product"),
        ("Directeur/Directrice produit", 4, "product"),
        ("Stagiaire chef de produit", 1, "product"),
        ("Chef de produit en alternance", 1, "product"),
        ("Directeur technique", None, "executive"),
        ("Directeur général", None, "executive"),
        ("Ingénieur logiciel", None, "engineering"),
        ("Chef de projet", None, "program"),
        ("Chef de produit marketing", None, "marketing"),
        ("Chef de cuisine", None, "other"),
    ],
    "Spanish, Portuguese, Italian and Dutch titles": [
        ("Gerente de producto", 2, "product"),
        ("Gerente de Produto", 2, "product"),
        ("Jefe de producto senior", 3, "product"),
        ("Director de producto", 4, "product"),
        ("Diretor de Produto", 4, "product"),
        ("Responsabile di prodotto", 2, "product"),
        ("Productmanager", 2, "product"),
        ("Product Owner", 2, "product"),
        ("Hoofd Product", 4, "product"),
        ("Gerente de proyectos", None, "program"),
        ("Projectmanager", None, "program"),
        ("Ingeniero de software", None, "engineering"),
    ],
}


@pytest.mark.parametrize(
    ("kind", "title", "level", "function"),
    [(kind, *case) for kind, cases in KINDS.items() for case in cases],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_kind(kind: str, title: str, level: int | None, function: str) -> None:
    check(title, level, function)


@pytest.mark.parametrize("title", ["", "   ", "Director", "Vice President", "Xyzzy Flurb"])
def test_unknown_stays_unknown(title: str) -> None:
    p = check(title, None, "unknown")
    assert p.confidence == 0.0
    assert "matched" in p.reason or "no title" in p.reason


def test_none_and_non_strings_are_unknown() -> None:
    assert CLF.classify(None).function == "unknown"  # type: ignore[arg-type]
    assert CLF.classify(float("nan")).function == "unknown"  # type: ignore[arg-type]


def test_reason_names_what_decided() -> None:
    reason = place("Sr. PM").reason
    assert reason == "'Sr.' -> senior; 'PM' -> product manager; 'senior' -> rung 3; rung 3"
    assert "pay band" in place("Product Manager, Vice President").reason
    assert "product marketing is marketing" in place("Product Marketing Manager").reason
    assert "spelling" in place("Prodcut Manager").reason


def test_ambiguous_titles_carry_a_range_and_lower_confidence() -> None:
    head, lead, gpm = place("Head of Product"), place("Product Lead"), place("GPM")
    assert (head.rungs, lead.rungs, gpm.rungs) == ((4, 5), (2, 4), (3, 4))
    assert max(head.confidence, lead.confidence, gpm.confidence) <= 0.6
    assert "depending on position" in head.reason
    assert place("Senior Product Manager").rungs is None


BAND_PAIRS = [
    ("AVP, Product Manager", "Product Manager, AVP"),
    ("VP, Product Manager", "Product Manager, VP"),
    ("Associate, Product Manager", "Product Manager, Associate"),
    ("Senior Vice President, Product Manager", "Product Manager, Senior Vice President"),
]


@pytest.mark.parametrize(("before", "after"), BAND_PAIRS)
def test_a_pay_band_reads_the_same_on_either_side_of_the_role(before: str, after: str) -> None:
    """A band says nothing about the product rung: rung 2 on its own, 2-3 by the tree."""
    first, second = place(before), place(after)
    assert (first.level, first.rungs) == (second.level, second.rungs) == (2, (2, 3))
    assert "read as a pay band, not a rung" in first.reason
    assert "read as a pay band, not a rung" in second.reason


def test_a_seniority_word_on_the_role_beats_the_band() -> None:
    p = place("Senior Product Manager - Vice President")
    assert (p.level, p.rungs) == (3, None) and "pay band" in p.reason


def test_senior_director_says_it_shares_the_director_rung() -> None:
    """Leading Directors is a same-rung line on the six-rung ladder; the reason says why."""
    p = place("Senior Director of Product")
    assert p.level == 4
    assert "'senior director' of product -> rung 4 (one rung with 'director')" in p.reason
    assert "one rung with" not in place("Director of Product").reason


def test_confidence_reflects_doubt() -> None:
    clean = place("Senior Product Manager").confidence
    assert clean >= 0.9
    assert place("Senior Prodcut Manager").confidence < clean
    assert place("Senior/Principal PM").confidence < clean
    assert place("Product Manager, Vice President").confidence < clean


def test_memoised_per_cleaned_title() -> None:
    clf = Classifier()
    first = clf.classify("Senior Product Manager")
    assert clf.classify("  SENIOR product   manager ") is first
    assert clf.classify_many(["PM", "Senior Product Manager"])[1] is first


def test_placement_is_frozen_and_json_shaped() -> None:
    p = place("Staff PM")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.level = 5  # type: ignore[misc]
    assert p.to_json("Staff PM", 3) == {
        "title": "Staff PM",
        "count": 3,
        "level": 3,
        "function": "product",
        "confidence": p.confidence,
        "reason": p.reason,
    }


def test_ladder_rung_names_match_the_model() -> None:
    assert RUNG_NAMES == LEVEL_NAMES


def test_ladder_extension_aliases_and_title_map() -> None:
    clf = Classifier(
        ladder={"abbreviations": {"ppo": "principal product owner"}},
        aliases={"Tribe Lead": 4, "Product Specialist": "none"},
        title_map={"Head of Product": 5},
    )
    assert clf.classify("PPO").level == 3
    assert clf.classify("tribe lead").level == 4
    assert "alias" in clf.classify("Tribe Lead").reason
    pinned = clf.classify("Head of Product")
    assert (pinned.level, pinned.confidence, pinned.rungs) == (5, 1.0, None)
    off = clf.classify("Product Specialist")
    assert (off.level, off.function) == (None, "other")


def test_extra_rules_come_first_and_replace_swaps_tables() -> None:
    rule = {"pattern": r"\btribe lead\b", "function": "product", "kind": "leader", "why": "x"}
    clf = Classifier(ladder={"rule": [rule], "leaders": {"tribe lead": 4}})
    assert clf.classify("Tribe Lead").level == 4
    bare = Classifier(ladder={"replace": True, "abbreviations": {}})
    assert bare.classify("Sr. PM").function == "unknown"


def test_bad_alias_and_bad_rule_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        Classifier(aliases={"Tribe Lead": "boss"})
    with pytest.raises(UsageError):
        Classifier(ladder={"rule": [{"pattern": "(", "function": "product"}]})


def test_from_config_reads_ladder_and_title_map(tmp_path) -> None:
    csv_path = tmp_path / "titles.csv"
    csv_path.write_text("title,level\nProduct Lead,4\n", encoding="utf-8")
    cfg = SimpleNamespace(ladder={"aliases": {"Tribe Lead": 3}}, title_map=str(csv_path))
    clf = Classifier.from_config(cfg)
    assert clf.classify("Product Lead").level == 4
    assert clf.classify("Tribe Lead").level == 3
    assert Classifier.from_config(object()).classify("PM").level == 2
    assert Classifier.from_config(None, title_map=str(csv_path)).classify("Product Lead").level == 4


def test_load_title_map_accepts_numbers_names_and_none(tmp_path) -> None:
    path = tmp_path / "map.csv"
    path.write_text(
        "\ufefftitle,level\nTribe Lead,4\nSquad PM,Senior Product Manager\nPM Ops,none\n\n"
        "Chapter Lead,off\n",
        encoding="utf-8",
    )
    assert load_title_map(path) == {"Tribe Lead": 4, "Squad PM": 3, "PM Ops": 0, "Chapter Lead": 0}


@pytest.mark.parametrize(
    ("text", "row"),
    [("title,level\nTribe Lead,7\n", 2), ("Tribe Lead\n", 1), ("title,level\nA,3\nB,boss\n", 3)],
)
def test_load_title_map_names_the_bad_row(tmp_path, text: str, row: int) -> None:
    path = tmp_path / "map.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_title_map(path)
    assert info.value.row == row
    assert info.value.path == str(path)


def test_missing_title_map_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError):
        load_title_map(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "absent.csv", "not found"),
        (lambda d: d, "is a folder"),
        (lambda d: (d / "e.csv").write_text("  \n\n") and d / "e.csv", "is empty"),
        (lambda d: (d / "b.csv").write_bytes(b"PK\x03\x04\x00") and d / "b.csv", "not a text"),
        (lambda d: (d / "u.csv").write_bytes(b"PM,\x81\x8d") and d / "u.csv", "not UTF-8"),
    ],
    ids=["missing", "folder", "empty", "binary", "undecodable"],
)
def test_title_map_problems_are_sentences_naming_the_file(tmp_path, make, says) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        load_title_map(path)
    text = str(info.value)
    assert says in text and info.value.path == str(path)
    assert "Errno" not in text and info.value.hint  # says what to do


def test_unreadable_title_map_says_permission(tmp_path, monkeypatch) -> None:
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pathlib.Path.read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        load_title_map(tmp_path / "map.csv")


def test_title_map_saved_by_windows_excel_is_read(tmp_path) -> None:
    path = tmp_path / "map.csv"
    path.write_bytes("F\u00fchrung Produkt;x,5\nProduktleiter,none\n".encode("cp1252"))
    assert load_title_map(path) == {"F\u00fchrung Produkt;x": 5, "Produktleiter": 0}


def test_classifier_does_not_import_pandas() -> None:
    code = (
        "import sys; from orgcheck.titles import Classifier; Classifier().classify('Sr. PM');"
        "print('pandas' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_a_valid_placement(title: str) -> None:
    p = Classifier().classify(title)
    assert p.function in FUNCTIONS
    assert p.level is None or 1 <= p.level <= 6
    assert 0.0 <= p.confidence <= 1.0
    assert p.reason
    assert (p.level is None) == (p.level_name is None)


def test_huge_cells_are_cut_not_scanned() -> None:
    p = place("Senior Product Manager, " + "remote " * 20_000 + "PM shift")
    assert p.level == 3


def test_a_company_adds_its_own_language_words() -> None:
    clf = Classifier(ladder={"synonyms": {"sv": {"produktchef": "head of product"}}})
    p = clf.classify("Produktchef")
    assert (p.level, p.function) == (4, "product")
    assert "'Produktchef' -> head of product (sv)" in p.reason
    assert clf.classify("Leiter Produktmanagement").level == 4  # built-in words stay


def test_translated_words_are_named_as_the_title_spelled_them() -> None:
    reason = place("Geschäftsführerin (m/w/d)").reason
    assert reason.startswith("'Geschäftsführerin' -> chief executive officer (German)")
    assert "m/w/d" not in reason
