"""The plot of docs/scale.md: build time and peak memory against corpus size, from ``kg bench --scale`` figures."""
from __future__ import annotations

from pathlib import Path


def scale_points(figures: dict) -> list[dict]:
    """(characters, seconds, peak MB) of the ×1 and ×N builds of one ``kg bench --scale N`` JSON line.

    >>> f = {"scale": 10, "characters_scaled": 20, "build_s_scale_1": 1.0, "build_s_scaled": 8.0,
    ...      "peak_rss_mb_scale_1": 600, "peak_rss_mb_scale_10": 650}
    >>> [p["seconds"] for p in scale_points(f)], scale_points({**f, "label": "after X"})[1]["label"]
    ([1.0, 8.0], 'after X')

    A ``label`` in the line (added by hand in docs/scale-runs.jsonl) names the run in the plot's legend.
    """
    n = figures["scale"]
    chars = figures["characters_scaled"]
    one = figures.get("characters_scale_1", chars / n)
    label = figures.get("label", f"run ×{n}")
    return [{"scale": 1, "characters": one, "seconds": figures["build_s_scale_1"],
             "peak_mb": figures["peak_rss_mb_scale_1"], "label": label},
            {"scale": n, "characters": chars, "seconds": figures["build_s_scaled"],
             "peak_mb": figures[f"peak_rss_mb_scale_{n}"], "label": label}]


def plot_scale(points: list[dict], path: Path) -> None:
    """Two panels: seconds (with the linear line through ×1) and peak MB, against millions of characters."""
    plot_runs([points], path)


def plot_runs(runs: list[list[dict]], path: Path) -> None:
    """`plot_scale` for several ``kg bench --scale`` runs, one line each (×1 and ×N of a run compare like with
    like; runs on a shared machine do not), on logarithmic axes, with the linear line from each run's ×1."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    for i, points in enumerate(runs):
        points = sorted(points, key=lambda p: p["characters"])
        x = [p["characters"] / 1e6 for p in points]
        base, label = points[0], points[-1].get("label", f"run ×{points[-1]['scale']}")
        line = left.plot(x, [p["seconds"] for p in points], "o-", label=label)[0]
        left.plot(x, [base["seconds"] * p["characters"] / base["characters"] for p in points], "--",
                  color=line.get_color(), alpha=0.5, label=f"{label}: linear from its ×1")
        right.plot(x, [p["peak_mb"] for p in points], "o-", color=line.get_color(), label=label)
        for p, xi in zip(points, x):
            left.annotate(f"×{p['scale']}", (xi, p["seconds"]), textcoords="offset points", xytext=(4, -10),
                          fontsize=8)
            right.annotate(f"×{p['scale']}", (xi, p["peak_mb"]), textcoords="offset points", xytext=(4, -10),
                           fontsize=8)
    left.set(xlabel="million characters", ylabel="seconds (wall, 2 shared cores)", title="build time",
             xscale="log", yscale="log")
    left.legend(fontsize=6, loc="upper left")
    right.set(xlabel="million characters", ylabel="MB", title="peak RSS, all processes", xscale="log",
              ylim=(0, None))
    right.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
