"""Cases from QA's second round (orgs the developers had not seen): one cause, one
finding at startup size; same-rung benches; tiny department samples; extra tops that
another finding already explains; wording a client reads. Each has a firing and a
quiet variant. Read by tests/test_rules_cases.py with the cases in cases.py."""

from __future__ import annotations

from tests.rule_cases import Case

# A 42-person startup whose VP of Product leads 5 people directly (QA's s21): the VP
# title is the problem, so only title-inflation speaks; at 300 people the same shape
# is a VP doing a Director's job and the ladder rules speak instead.
STARTUP_VP = """
ceo: CEO = Pat Lee
  vp: VP of Product = Cara Cruz
    spm: Senior Product Manager
    pm*3: Product Manager
    apm: Associate Product Manager
  cto: CTO
    eng*30: Software Engineer
  des*4: Product Designer
"""

# A 32-person startup whose CPO leads 3 PMs (QA's h17).
STARTUP_CPO = """
ceo: CEO
  cpo: Chief Product Officer = Ravi Patel
    pm*3: Product Manager
    des*2: Product Designer
  cto: CTO
    eng*24: Software Engineer
"""

# A 20-person startup with a CPO over a VP over 2 PMs (QA's s06).
STARTUP_CPO_VP = """
ceo: CEO
  cpo: Chief Product Officer
    vp: VP of Product = Sam Lee
      pm*2: Product Manager
  cto: CTO
    eng*14: Software Engineer
"""

# A Senior Director leading three Directors (QA's h18): Directors are the bench.
SENIOR_DIRECTOR = """
ceo: CEO
  vp: VP of Product
    sd: Senior Director of Product = Dev Diaz
      da: Director of Product
        spa: Senior Product Manager
        pma*3: Product Manager
      db: Director of Product
        spb: Senior Product Manager
        pmb*3: Product Manager
      dc: Director of Product
        spc: Senior Product Manager
        pmc*3: Product Manager
"""

# One APM embedded in "Engineering" while the company's ratio is healthy (QA's s12).
EMBEDDED_APM = """
ceo: CEO
  dir: Director of Product
    spm: Senior Product Manager @ Product
    pm*5: Product Manager @ Product
  cto: CTO @ Engineering
    em: Engineering Manager @ Engineering
      apm: Associate Product Manager @ Engineering
      eng*40: Software Engineer @ Engineering
"""

# A founder leading 6 PMs at a 44-person company (QA's s23).
FOUNDER_SIX_PMS = """
ceo: Founder & CEO = Ben Bose
  spm: Senior Product Manager
  pm*5: Product Manager
  cto: CTO
    eng*30: Software Engineer
  des*6: Product Designer
"""

TEAM = """
ceo: CEO
  dir: Director of Product
    spm: Senior Product Manager
    pm*3: Product Manager
"""

QA_CASES: list[Case] = [
    # --- one cause, one finding at startup size --------------------------------------
    Case(
        "startup-vp-title-is-the-one-finding",
        "title-inflation",
        STARTUP_VP,
        fires=True,
        people=(("vp",),),
        message="VP of Product Cara Cruz leads an org of 5 people; at a company of 42 people",
        suggestion="Match the title to today's scope",
        absent=("--company-size", "company size assumed"),
    ),
    Case("startup-vp-no-layer-skip", "layer-skip", STARTUP_VP, fires=False),
    Case(
        "same-vp-at-300-layer-skip",
        "layer-skip",
        STARTUP_VP,
        fires=True,
        people=(("vp", "pm1", "pm2", "pm3", "apm"),),
        company_size=300,
    ),
    Case("startup-vp-no-ladder-gap", "ladder-gap", STARTUP_VP, fires=False),
    Case(
        "same-vp-at-300-ladder-gap",
        "ladder-gap",
        STARTUP_VP,
        fires=True,
        people=(("vp", "spm"),),
        company_size=300,
        message="no Directors between 1 Senior PM and 1 VP",
    ),
    Case("startup-vp-no-successor", "no-successor", STARTUP_VP, fires=False),
    Case(
        "same-vp-at-300-no-successor",
        "no-successor",
        STARTUP_VP,
        fires=True,
        people=(("vp",),),
        company_size=300,
        message="VP of Product Cara Cruz has 5 product people reporting directly and no "
        "Directors among them",
    ),
    Case("startup-cpo-no-layer-skip", "layer-skip", STARTUP_CPO, fires=False),
    Case("startup-cpo-no-successor", "no-successor", STARTUP_CPO, fires=False),
    Case(
        "same-cpo-at-300-layer-skip",
        "layer-skip",
        STARTUP_CPO,
        fires=True,
        people=(("cpo", "pm1"),),
        company_size=300,
    ),
    Case("startup-cpo-over-vp-no-layer-skip", "layer-skip", STARTUP_CPO_VP, fires=False),
    Case(
        "startup-cpo-over-vp-inflation",
        "title-inflation",
        STARTUP_CPO_VP,
        fires=True,
        people=(("cpo",), ("vp",)),
    ),
    # --- no-successor: the leader's own rung is a bench ------------------------------
    Case(
        "senior-director-leads-directors",
        "no-successor",
        SENIOR_DIRECTOR,
        fires=False,
        company_size=800,
    ),
    Case(
        "senior-director-leads-only-pms",
        "no-successor",
        """
        ceo: CEO
          vp: VP of Product
            sd: Senior Director of Product = Dev Diaz
              pm*3: Product Manager
            d2: Director of Product
              sp2: Senior Product Manager
              pm2*3: Product Manager
        """,
        fires=True,
        people=(("sd",),),
        company_size=800,
        message="Senior Director of Product Dev Diaz has 3 product people reporting directly "
        "and no Senior PMs among them",
    ),
    # --- pm-engineer-ratio: no verdict on one embedded PM ----------------------------
    Case("one-embedded-apm-not-judged", "pm-engineer-ratio", EMBEDDED_APM, fires=False),
    Case(
        "one-embedded-apm-judged-when-asked",
        "pm-engineer-ratio",
        EMBEDDED_APM,
        fires=True,
        people=(("apm",),),
        options={"min_department_pms": 1},
        message='Department "Engineering" has 1 PM and 40 engineers',
    ),
    Case(
        "few-engineers-in-department-not-judged",
        "pm-engineer-ratio",
        """
        ceo: CEO
          dir: Director of Product
            pma*2: Product Manager @ Payments
            pmg*2: Product Manager @ Growth
          cto: CTO
            em: Engineering Manager
              eng*30: Software Engineer
              engp*3: Software Engineer @ Payments
        """,
        fires=False,
    ),
    # --- multiple-roots: extra tops another finding explains ----------------------
    Case(
        "unknown-manager-tops-not-repeated",
        "multiple-roots",
        TEAM + "  pmx*2: Product Manager ^ E9999\n",
        fires=False,
    ),
    Case(
        "unknown-manager-is-reported",
        "unknown-manager",
        TEAM + "  pmx*2: Product Manager ^ E9999\n",
        fires=True,
        people=(("pmx1", "pmx2"),),
    ),
    Case(
        "cut-cycle-top-not-repeated",
        "multiple-roots",
        TEAM + "a: VP of Product ^ b\nb: Director of Product ^ a\n",
        fires=False,
    ),
    Case(
        "blank-manager-tops-reported",
        "multiple-roots",
        TEAM + "  c*2: Contractor ^\n",
        fires=True,
        people=(("ceo",),),
        message="heads the org, but 2 other people have no manager",
    ),
    Case(
        "unknown-and-blank-tops-reported",
        "multiple-roots",
        TEAM + "  pmx: Product Manager ^ E9999\n  c: Contractor ^\n",
        fires=True,
        people=(("ceo",),),
    ),
    # --- missing-director-layer: startup severity and grammar ------------------------
    Case(
        "founder-leads-six-pms-at-startup",
        "missing-director-layer",
        FOUNDER_SIX_PMS,
        fires=True,
        people=(("ceo", "spm"),),
        severity="info",
        message="Founder & CEO Ben Bose manages 6 product managers (1 Senior PM, 5 PMs) directly",
        suggestion="Normal at this size",
    ),
    Case(
        "founder-leads-six-pms-at-scale",
        "missing-director-layer",
        FOUNDER_SIX_PMS,
        fires=True,
        people=(("ceo", "spm"),),
        severity="warning",
        company_size=300,
        suggestion="Put a Director of Product between",
    ),
    Case(
        "founder-leads-five-pms-at-startup",
        "missing-director-layer",
        FOUNDER_SIX_PMS.replace("pm*5", "pm*4"),
        fires=False,
    ),
    Case(
        "one-senior-pm-reports",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product = Dana Kim
            spm: Senior Product Manager
              pm*8: Product Manager
        """,
        fires=True,
        people=(("vp", "spm"),),
        company_size=300,
        message="VP of Product Dana Kim leads 9 product managers (1 Senior PM, 8 PMs) with no "
        "Director between them; 1 Senior PM reports to them directly",
    ),
    # --- wording a client reads -------------------------------------------------------
    Case(
        "pms-under-cto-one-owner",
        "no-product-leader",
        """
        ceo: CEO
          cto: CTO = Max Roy
            pm*5: Product Manager
            eng*40: Software Engineer
          cmo: CMO
            mk*40: Marketing Manager
        """,
        fires=True,
        people=(("pm1",),),
        message="5 PMs have no Director, VP or CPO of Product above them; they report into "
        "CTO Max Roy",
        absent=("(5)", "Max Roy ("),
    ),
    Case(
        "pms-under-two-owners-counted",
        "no-product-leader",
        """
        ceo: CEO
          cto: CTO = Max Roy
            pm*3: Product Manager
            eng*40: Software Engineer
          cmo: CMO = Ann Fox
            pmm*2: Product Manager
            mk*40: Marketing Manager
        """,
        fires=True,
        people=(("pm1",),),
        message="they report into CTO Max Roy (3 of them) and CMO Ann Fox (2 of them)",
    ),
    Case(
        "one-apm-outside-product",
        "product-reports-outside-product",
        TEAM + "  em: Engineering Manager\n    apmx: Associate Product Manager\n"
        "    eng*4: Software Engineer\n",
        fires=True,
        people=(("em", "apmx"),),
        severity="warning",
        suggestion="Give the Associate PM a product manager",
        absent=("among them", "Associate PMs"),
    ),
    Case(
        "apm-among-pms-outside-product",
        "product-reports-outside-product",
        TEAM + "  em: Engineering Manager\n    apmx: Associate Product Manager\n"
        "    pmx: Product Manager\n    eng*4: Software Engineer\n",
        fires=True,
        people=(("em", "pmx", "apmx"),),
        severity="warning",
        message="(1 Associate PM among them)",
    ),
]
