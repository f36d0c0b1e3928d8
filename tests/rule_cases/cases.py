"""Data-driven cases: for every rule, orgs where it fires (naming the right people)
and close variants where it stays quiet. Read by tests/test_rules_cases.py."""

from __future__ import annotations

from tests.rule_cases import Case

# A product team with a Director layer, used as the base of several variants.
DIRECTOR_TEAM = """
ceo: CEO = Pat Lee
  vp: VP of Product = Dana Kim
    dir: Director of Product = Mia Hall
      spm: Senior Product Manager
      pm*3: Product Manager
"""

CASES: list[Case] = [
    # --- missing-director-layer --------------------------------------------------------
    Case(
        "vp-with-ten-pms",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product = Dana Kim
            pm*8: Product Manager
            apm*2: Associate Product Manager
        """,
        fires=True,
        people=(("vp", "pm1"),),
        message="VP of Product Dana Kim manages 10 product managers (8 PMs, 2 Associate PMs) "
        "directly; no Director between them",
    ),
    Case(
        "vp-leads-pms-through-senior-pms",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product = Dana Kim
            spa: Senior Product Manager
              pma*4: Product Manager
            spb: Senior Product Manager
              pmb*3: Product Manager
        """,
        fires=True,
        people=(("vp", "spa", "spb"),),
        message="VP of Product Dana Kim leads 9 product managers (2 Senior PMs, 7 PMs) with no "
        "Director between them; 2 Senior PMs report to them directly",
    ),
    Case(
        "ceo-acting-as-head-of-product",
        "missing-director-layer",
        """
        ceo: CEO = Pat Lee
          pm*6: Product Manager
          cto: CTO
            eng*5: Software Engineer
        """,
        fires=True,
        people=(("ceo", "pm1"),),
        message="CEO Pat Lee manages 6 PMs directly; no Director between them",
    ),
    Case(
        "vp-with-five-pms-is-fine",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product
            pm*5: Product Manager
        """,
        fires=False,
    ),
    Case(
        "vp-with-directors-is-fine",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product
            da: Director of Product
              pma*5: Product Manager
            db: Director of Product
              pmb*5: Product Manager
        """,
        fires=False,
    ),
    Case(
        "threshold-from-config",
        "missing-director-layer",
        """
        ceo: CEO
          vp: VP of Product
            pm*5: Product Manager
        """,
        fires=True,
        people=(("vp",),),
        options={"min_direct": 5},
    ),
    # --- layer-skip ----------------------------------------------------------------------
    Case(
        "apm-under-vp",
        "layer-skip",
        DIRECTOR_TEAM + "    apm: Associate Product Manager = Lee Wong\n",
        fires=True,
        people=(("vp", "apm"),),
        message="Associate Product Manager Lee Wong reports to VP of Product Dana Kim, "
        "4 rungs above",
    ),
    Case(
        "pms-under-cpo",
        "layer-skip",
        """
        cpo: Chief Product Officer = Ravi Patel
          vp: VP of Product
            dir: Director of Product
              pm*3: Product Manager
          spm: Senior Product Manager
          pmx: Product Manager
        """,
        fires=True,
        people=(("cpo", "spm", "pmx"),),
        company_size=300,
        message="2 people report to Chief Product Officer Ravi Patel, 3 or more rungs above",
    ),
    Case(
        "senior-pm-under-vp-is-two-rungs",
        "layer-skip",
        DIRECTOR_TEAM + "    spx: Senior Product Manager\n",
        fires=False,
    ),
    Case(
        "not-repeated-under-missing-director-layer",
        "layer-skip",
        """
        ceo: CEO
          vp: VP of Product
            pm*7: Product Manager
        """,
        fires=False,
    ),
    Case(
        "apm-under-director-is-mentoring",
        "layer-skip",
        DIRECTOR_TEAM + "      apm: Associate Product Manager\n",
        fires=False,
    ),
    Case(
        "apm-under-director-with-directors-judged",
        "layer-skip",
        DIRECTOR_TEAM + "      apm: Associate Product Manager\n",
        fires=True,
        people=(("dir", "apm"),),
        options={"min_manager_rung": 4},
    ),
    # --- inverted-reporting -------------------------------------------------------------
    Case(
        "pm-manages-senior-pm",
        "inverted-reporting",
        DIRECTOR_TEAM.replace("pm*3:", "pm*2:")
        + "      pmx: Product Manager = Tom Berg\n        sx: Senior Product Manager = Ana Ruiz\n",
        fires=True,
        people=(("pmx", "sx"),),
        severity="error",
        message="Product Manager Tom Berg manages Senior Product Manager Ana Ruiz, "
        "on a higher rung",
    ),
    Case(
        "director-under-director-is-info",
        "inverted-reporting",
        DIRECTOR_TEAM + "      d2: Director of Product\n",
        fires=True,
        people=(("dir", "d2"),),
        severity="info",
        message="1 manager manages people on their own rung: "
        "Director of Product Mia Hall (1 report)",
    ),
    Case(
        "same-rung-off",
        "inverted-reporting",
        DIRECTOR_TEAM + "      d2: Director of Product\n",
        fires=False,
        options={"same_rung": False},
    ),
    Case("healthy-chain", "inverted-reporting", DIRECTOR_TEAM, fires=False),
    # --- ladder-gap -----------------------------------------------------------------------
    Case(
        "apms-and-senior-pms-but-no-pms",
        "ladder-gap",
        """
        ceo: CEO
          dir: Director of Product
            spa: Senior Product Manager
              apma*2: Associate Product Manager
            spb: Senior Product Manager
              apmb*2: Associate Product Manager
        """,
        fires=True,
        people=(("spa", "spb", "apma1"),),
        message="The product ladder has no PMs between 4 Associate PMs and 2 Senior PMs",
    ),
    Case(
        "two-separate-gaps",
        "ladder-gap",
        """
        vp: VP of Product
          spa: Senior Product Manager
            apma*2: Associate Product Manager
          spb: Senior Product Manager
            apmb*2: Associate Product Manager
        """,
        fires=True,
        people=(("vp", "spa", "spb", "apma1"),),
        message="The product ladder has no PMs between 4 Associate PMs and 2 Senior PMs; "
        "no Directors between 2 Senior PMs and 1 VP",
    ),
    Case(
        "every-rung-filled",
        "ladder-gap",
        """
        ceo: CEO
          dir: Director of Product
            spa: Senior Product Manager
              apma*2: Associate Product Manager
            pm*2: Product Manager
        """,
        fires=False,
    ),
    Case(
        "cpo-leading-directors-is-not-a-gap",
        "ladder-gap",
        """
        cpo: Chief Product Officer
          da: Director of Product
            spa: Senior Product Manager
            pma*3: Product Manager
          db: Director of Product
            spb: Senior Product Manager
            pmb*3: Product Manager
        """,
        fires=False,
    ),
    Case(
        "too-small-to-judge",
        "ladder-gap",
        """
        dir: Director of Product
          spm: Senior Product Manager
          apm*2: Associate Product Manager
        """,
        fires=False,
    ),
    # --- no-successor ---------------------------------------------------------------------
    Case(
        "director-without-senior-pm",
        "no-successor",
        """
        ceo: CEO
          dir: Director of Product = Mia Hall
            pm*4: Product Manager
        """,
        fires=True,
        people=(("dir",),),
        message="Director of Product Mia Hall has 4 product people reporting directly "
        "and no Senior PMs among them",
    ),
    Case("director-with-senior-pm", "no-successor", DIRECTOR_TEAM, fires=False),
    Case(
        "cpo-with-directors-has-a-bench",
        "no-successor",
        """
        cpo: Chief Product Officer
          da: Director of Product
            spa: Senior Product Manager
          db: Director of Product
            spb: Senior Product Manager
          dc: Director of Product
            spc: Senior Product Manager
        """,
        fires=False,
    ),
    Case(
        "small-team-not-judged",
        "no-successor",
        """
        dir: Director of Product
          pm*2: Product Manager
        """,
        fires=False,
    ),
    # --- title-inflation ------------------------------------------------------------------
    Case(
        "startup-vp-with-one-pm",
        "title-inflation",
        """
        ceo: CEO
          vp: VP of Product = Sam Lee
            pm: Product Manager
          cto: CTO
            eng*10: Software Engineer
        """,
        fires=True,
        people=(("vp",),),
        message="VP of Product Sam Lee leads an org of 1 person; at a company of 14 people "
        "a VP usually leads at least 6",
    ),
    Case(
        "startup-cpo-without-vp",
        "title-inflation",
        """
        ceo: CEO
          cpo: Chief Product Officer = Ravi Patel
            dir: Director of Product
              spm: Senior Product Manager
              pm*8: Product Manager
        """,
        fires=True,
        people=(("cpo",),),
        message="has no VP beneath them",
    ),
    Case(
        "same-vp-at-a-large-company",
        "title-inflation",
        """
        ceo: CEO
          vp: VP of Product = Sam Lee
            pm: Product Manager
          cto: CTO
            eng*10: Software Engineer
        """,
        fires=False,
        company_size=800,
    ),
    Case(
        "top-heavy-product-org",
        "title-inflation",
        """
        ceo: CEO
          vp: VP of Product
            da: Director of Product
              pma*2: Product Manager
            db: Director of Product
              pmb: Product Manager
        """,
        fires=True,
        people=(("vp", "da", "db"),),
        company_size=600,
        message="3 (1 VP, 2 Directors) of the 6 people on the product ladder",
    ),
    Case(
        "director-with-team-at-startup",
        "title-inflation",
        """
        ceo: CEO
          dir: Director of Product
            spm: Senior Product Manager
            pm*3: Product Manager
        """,
        fires=False,
    ),
    # --- leader-without-team --------------------------------------------------------------
    Case(
        "director-alone-at-startup",
        "leader-without-team",
        DIRECTOR_TEAM + "    d2: Director of Product = Eli Stone\n",
        fires=True,
        people=(("d2",),),
        severity="warning",
        message="Director of Product Eli Stone has no direct reports",
    ),
    Case(
        "ic-director-at-large-company",
        "leader-without-team",
        DIRECTOR_TEAM + "    d2: Director of Product = Eli Stone\n",
        fires=True,
        people=(("d2",),),
        severity="info",
        company_size=2000,
    ),
    Case("every-leader-has-a-team", "leader-without-team", DIRECTOR_TEAM, fires=False),
    # --- wide-span ------------------------------------------------------------------------
    Case(
        "director-with-fifteen",
        "wide-span",
        """
        ceo: CEO
          dir: Director of Product = Ravi Shah
            spm*3: Senior Product Manager
            pm*12: Product Manager
        """,
        fires=True,
        people=(("dir",),),
        message="Director of Product Ravi Shah has 15 direct reports (more than 12)",
    ),
    Case(
        "director-with-twelve",
        "wide-span",
        """
        ceo: CEO
          dir: Director of Product
            spm*2: Senior Product Manager
            pm*10: Product Manager
        """,
        fires=False,
    ),
    Case(
        "engineering-span-out-of-product-scope",
        "wide-span",
        """
        ceo: CEO
          vp: VP of Product
            pm*3: Product Manager
          em: Engineering Manager
            eng*20: Software Engineer
        """,
        fires=False,
        options={"scope": "product"},
    ),
    Case(
        "engineering-span-judged-by-default",
        "wide-span",
        """
        ceo: CEO
          vp: VP of Product
            pm*3: Product Manager
          em: Engineering Manager
            eng*20: Software Engineer
        """,
        fires=True,
        people=(("em",),),
    ),
    # --- narrow-span ----------------------------------------------------------------------
    Case(
        "vp-over-one-director",
        "narrow-span",
        """
        ceo: CEO
          vp: VP of Product = Kai Moss
            dir: Director of Product = Ana Lin
              spm: Senior Product Manager
              pm*5: Product Manager
          cto: CTO
            eng*3: Software Engineer
        """,
        fires=True,
        people=(("vp", "dir"),),
        message="VP of Product Kai Moss manages only Director of Product Ana Lin, "
        "who manages 6 people",
    ),
    Case(
        "manager-of-one-individual",
        "narrow-span",
        """
        ceo: CEO
          dir: Director of Product
            spm: Senior Product Manager
              apm: Associate Product Manager
            pm*3: Product Manager
          cto: CTO
            eng*3: Software Engineer
        """,
        fires=False,
    ),
    # --- deep-hierarchy -------------------------------------------------------------------
    Case(
        "seven-layers-at-small-company",
        "deep-hierarchy",
        """
        ceo: CEO = Pat Lee
          cpo: Chief Product Officer
            vp: VP of Product
              dir: Director of Product
                spm: Senior Product Manager
                  pm: Product Manager
                    apm: Associate Product Manager = Noor Ali
                  pmx*2: Product Manager
                pmy*2: Product Manager
              d2: Director of Product
        """,
        fires=True,
        people=(("apm", "pm", "spm", "dir", "vp", "cpo", "ceo"),),
        message="The org has 7 layers, from CEO Pat Lee down to Associate Product Manager "
        "Noor Ali; a company of 12 people needs at most 5",
    ),
    Case(
        "same-depth-at-a-large-company",
        "deep-hierarchy",
        """
        ceo: CEO = Pat Lee
          cpo: Chief Product Officer
            vp: VP of Product
              dir: Director of Product
                spm: Senior Product Manager
                  pm: Product Manager
                    apm: Associate Product Manager
        """,
        fires=False,
        company_size=1500,
    ),
    Case("five-layers-small-company", "deep-hierarchy", DIRECTOR_TEAM, fires=False),
    Case(
        "one-layer-too-many-is-info",
        "deep-hierarchy",
        DIRECTOR_TEAM.replace("      spm: Senior Product Manager\n", "")
        + "      spm: Senior Product Manager\n        pmz: Product Manager\n"
        + "          apm: Associate Product Manager\n",
        fires=True,
        people=(("apm", "pmz", "spm", "dir", "vp", "ceo"),),
        severity="info",
    ),
    # --- no-product-leader ----------------------------------------------------------------
    Case(
        "pms-under-engineering",
        "no-product-leader",
        """
        ceo: CEO
          cto: CTO = Max Roy
            ema: Engineering Manager
              pma*2: Product Manager
              enga*6: Software Engineer
            emb: Engineering Manager
              pmb*2: Product Manager
              engb*6: Software Engineer
          cmo: CMO
            mk*40: Marketing Manager
        """,
        fires=True,
        people=(("pma1", "pma2", "pmb1", "pmb2"),),
        severity="warning",
        message="4 PMs have no Director, VP or CPO of Product above them",
    ),
    Case(
        "startup-founder-leads-product",
        "no-product-leader",
        """
        ceo: CEO
          pm*3: Product Manager
          eng*8: Software Engineer
        """,
        fires=True,
        people=(("pm1",),),
        severity="info",
    ),
    Case(
        "two-pms-need-no-leader",
        "no-product-leader",
        """
        ceo: CEO
          pm*2: Product Manager
          eng*8: Software Engineer
        """,
        fires=False,
    ),
    Case("led-by-director", "no-product-leader", DIRECTOR_TEAM, fires=False),
    # --- product-reports-outside-product --------------------------------------------------
    Case(
        "apm-under-engineering-manager",
        "product-reports-outside-product",
        DIRECTOR_TEAM
        + "  em: Engineering Manager = Ben Cho\n    apmx: Associate Product Manager = Noor Ali\n"
        + "    eng*4: Software Engineer\n",
        fires=True,
        people=(("em", "apmx"),),
        severity="warning",
        message="Associate Product Manager Noor Ali reports to Engineering Manager Ben Cho, "
        "outside product",
    ),
    Case(
        "pm-under-design-is-info",
        "product-reports-outside-product",
        DIRECTOR_TEAM
        + "  dm: Design Manager\n    pmx: Product Manager\n    des*3: Product Designer\n",
        fires=True,
        people=(("dm", "pmx"),),
        severity="info",
    ),
    Case("all-pms-in-product", "product-reports-outside-product", DIRECTOR_TEAM, fires=False),
    Case(
        "unreadable-manager-title-skipped",
        "product-reports-outside-product",
        DIRECTOR_TEAM + "  odd: Ninja Growth Hacker\n    pmx: Product Manager\n",
        fires=False,
    ),
    Case(
        "startup-ceo-leads-two-pms",
        "product-reports-outside-product",
        """
        ceo: CEO
          pm*2: Product Manager
          cto: CTO
            eng*6: Software Engineer
        """,
        fires=False,
    ),
    Case(
        "startup-apm-under-ceo-still-flagged",
        "product-reports-outside-product",
        """
        ceo: CEO = Pat Lee
          pm: Product Manager
          apm: Associate Product Manager
          cto: CTO
            eng*6: Software Engineer
        """,
        fires=True,
        people=(("ceo", "apm"),),
        severity="warning",
    ),
    Case(
        "pms-under-ceo-at-a-large-company",
        "product-reports-outside-product",
        """
        ceo: CEO = Pat Lee
          pm*2: Product Manager
          cto: CTO
            eng*6: Software Engineer
        """,
        fires=True,
        people=(("ceo", "pm1", "pm2"),),
        severity="info",
        company_size=900,
    ),
    # --- pm-engineer-ratio ----------------------------------------------------------------
    Case(
        "payments-stretched",
        "pm-engineer-ratio",
        """
        ceo: CEO
          dir: Director of Product
            pmp*2: Product Manager @ Payments
            pmg*2: Product Manager @ Growth
          cto: CTO
            emp: Engineering Manager @ Payments
              engp*30: Software Engineer @ Payments
            emg: Engineering Manager @ Growth
              engg*10: Software Engineer @ Growth
        """,
        fires=True,
        people=(("pmp1", "pmp2"),),
        message='Department "Payments" has 2 PMs and 30 engineers: one PM per 15.0 engineers',
    ),
    Case(
        "overall-too-few-engineers",
        "pm-engineer-ratio",
        """
        ceo: CEO
          dir: Director of Product
            spm: Senior Product Manager
            pm*5: Product Manager
          cto: CTO
            eng*8: Software Engineer
        """,
        fires=True,
        people=((),),
        message="The org has 6 PMs and 8 engineers: one PM per 1.3 engineers",
    ),
    Case(
        "balanced",
        "pm-engineer-ratio",
        """
        ceo: CEO
          dir: Director of Product
            pmp*2: Product Manager @ Payments
            pmg*2: Product Manager @ Growth
          cto: CTO
            emp: Engineering Manager @ Payments
              engp*14: Software Engineer @ Payments
            emg: Engineering Manager @ Growth
              engg*16: Software Engineer @ Growth
        """,
        fires=False,
    ),
    Case(
        "no-engineers-in-file",
        "pm-engineer-ratio",
        DIRECTOR_TEAM,
        fires=False,
    ),
    # --- unmapped-title -------------------------------------------------------------------
    Case(
        "unreadable-titles-listed",
        "unmapped-title",
        DIRECTOR_TEAM + "  n*3: Ninja Growth Hacker\n  o: Wizard of Light\n",
        fires=True,
        people=(("n1", "n2", "n3", "o"),),
        message="4 people in 2 titles have a title orgcheck cannot place: "
        '"Ninja Growth Hacker" (3)',
    ),
    Case("every-title-readable", "unmapped-title", DIRECTOR_TEAM, fires=False),
]
