"""Write docs/rules.md from the rule registry (run after changing a rule).

python scripts/gen_rule_docs.py          # rewrite docs/rules.md
python scripts/gen_rule_docs.py --check  # exit 1 if docs/rules.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from orgcheck.rules.docs import catalogue_markdown

    text = catalogue_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python scripts/gen_rule_docs.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
