#!/usr/bin/env python3
"""Writes a synthetic project family for benchmarks: FEATURES features documented across LANGUAGES languages, laid
out as the real repositories are (mkdocs.yml nav, docs/index.md features table, one page per feature, a roadmap),
and the family file that reads them from local folders.

    synthetic-family.py OUT_DIR FEATURES LANGUAGES

Each language documents about 80% of the features (so parity varies), names some of them with another ending
(Logger/Logging style) and lists the rest on its roadmap as planned or in progress.
"""
import os
import random
import sys

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
         "romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dune ember fjord granite "
         "harbor iris jasper kelp lagoon marble nectar onyx prairie quartz reef saffron tundra umber violet willow "
         "zephyr").split()

def name(i):
    a, b = WORDS[i % len(WORDS)], WORDS[(i // len(WORDS)) % len(WORDS)]
    return f"{a.title()} {b.title()} {i:05d}"

def main(out, features, languages):
    rng = random.Random(42)
    os.makedirs(out, exist_ok=True)
    family = ["family:", "  id: synthetic", "  name: Synthetic family", "", "languages:"]
    for l in range(languages):
        lang = f"lang{l:02d}"
        root = os.path.join(out, lang)
        os.makedirs(os.path.join(root, "docs", "features"), exist_ok=True)
        nav, table, roadmap = [], [], []
        for i in range(features):
            base = name(i)
            documented = rng.random() < 0.8
            spelled = base + "ing" if (l % 2 and i % 7 == 0) else base
            if documented:
                page = f"features/f{i:05d}.md"
                nav.append(f"      - {spelled}: {page}")
                table.append(f"| [{spelled}](./{page}) | What {spelled} does |")
                marker = "\n!!! warning\n    This utility is in beta.\n" if i % 23 == 0 else ""
                with open(os.path.join(root, "docs", page), "w") as f:
                    f.write(f"---\ntitle: {spelled}\n---\n{marker}\n{spelled} for language {lang}.\n")
            else:
                done = rng.randint(0, 2)
                checks = "\n".join(f"- [{'x' if k < done else ' '}] Step {k}" for k in range(3))
                roadmap.append(f"### {base} ({'p' + str(i % 4)})\n\nAdd {base} module.\n\n{checks}\n")
        with open(os.path.join(root, "mkdocs.yml"), "w") as f:
            f.write(f"site_name: {lang}\nnav:\n  - Homepage: index.md\n  - Features:\n" + "\n".join(nav) + "\n")
        with open(os.path.join(root, "docs", "index.md"), "w") as f:
            f.write("# Synthetic\n\n## Features\n\n| Utility | Description |\n| --- | --- |\n" + "\n".join(table) + "\n")
        with open(os.path.join(root, "docs", "roadmap.md"), "w") as f:
            f.write("# Roadmap\n\n## Key areas\n\n" + "\n".join(roadmap) + "\n")
        family += [f"  - id: {lang}", f"    name: Language {l}", f"    repository: synthetic/{lang}",
                   "    branch: main", f"    local-path: {lang}"]
    with open(os.path.join(out, "family.yaml"), "w") as f:
        f.write("\n".join(family) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
