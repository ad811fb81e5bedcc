"""docs/scale-growth.png from the JSON lines of ``kg bench --scale N`` runs (docs/scale-runs.jsonl).

    python scripts/plot_scale.py docs/scale-runs.jsonl -o docs/scale-growth.png

Each line is one run's JSON line (the last line ``kg bench --scale`` prints); each run is drawn as its own
line from its ×1 build to its ×N build, since only figures of one run compare like with like here.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.benchmark.plot import plot_runs, scale_points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=Path, help="a file of kg bench --scale JSON lines")
    parser.add_argument("-o", "--out", type=Path, default=Path("docs/scale-growth.png"))
    args = parser.parse_args()
    lines = [json.loads(line) for line in args.runs.read_text(encoding="utf-8").splitlines() if line.strip()]
    runs = [scale_points(figures) for figures in sorted(lines, key=lambda f: f["scale"])]
    if not runs:
        raise SystemExit(f"{args.runs}: no JSON line of kg bench --scale; paste the last line of each run there")
    plot_runs(runs, args.out)
    print(f"{args.out}: {len(runs)} run(s), scales {', '.join(str(f['scale']) for f in lines)}")


if __name__ == "__main__":
    main()
