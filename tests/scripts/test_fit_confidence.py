"""scripts/fit_confidence.py: the calibration that turns the model's score into a rate of right facts."""
from __future__ import annotations

import json


def test_isotonic_points_rise_and_pool_small_blocks(load_script):
    fit = load_script("fit_confidence")
    # the rate of right facts rises with the score: 1 in 4 below 0.5, 3 in 4 above
    pairs = [(i / 200, i % 4 == 0) for i in range(100)] + [(0.5 + i / 200, i % 4 != 0) for i in range(100)]
    points = fit.isotonic(pairs)
    assert len(points) >= 2 and len(points) <= len(pairs) // fit.MIN_BLOCK
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(points, points[1:]))
    assert points[0][1] < 0.5 < points[-1][1]


def test_a_judged_documents_facts_are_calibrated_without_it(load_script):
    fit = load_script("fit_confidence")
    # (score, right, source, document): document 0 alone is all wrong at high scores
    scored = [(0.9, False, fit.JUDGED, 0)] * 25 + [(0.9, True, fit.JUDGED, 1)] * 25 + \
             [(0.2, False, fit.JUDGED, 2)] * 25 + [(0.8, True, "gold", 3)] * 5
    points, calibrated = fit.calibrate(scored, fit.JUDGED)
    assert points  # fitted on every judged fact
    stated = {(p, ok, s) for p, ok, s in calibrated}
    # document 0 is calibrated by documents 1 and 2 only, which say a 0.9 score is always right
    assert (1.0, False, fit.JUDGED) in stated
    assert all(0.0 <= p <= 1.0 for p, _, _ in calibrated)


def test_the_default_threshold_keeps_no_fact_less_likely_right_than_wrong(load_script):
    fit = load_script("fit_confidence")
    # the gold set alone would allow 0.2: every fact from there up is right
    scored = [(0.2, True, "gold"), (0.3, True, "gold"), (0.45, True, "gold"), (0.9, True, "gold")]
    assert fit.choose_threshold(scored, 0.85, ["gold"]) == 0.05
    assert fit.default_threshold(scored, 0.85, ["gold"], least=0.5) == 0.5
    assert fit.default_threshold(scored, 0.85, ["gold"]) == 0.05


def test_a_model_with_one_class_of_facts_keeps_the_shipped_weights(load_script):
    """Every target right: a refit has nothing to separate, and zero weights would state 0.5 for all."""
    fit = load_script("fit_confidence")
    from kg.extract import confidence_weights

    kept = fit.kept_weights("target", ["bias", "explicit", "no_such_feature"])
    assert kept["bias"] == confidence_weights.TARGET_WEIGHTS["bias"] != 0.0
    assert kept["no_such_feature"] == 0.0


def test_a_gold_document_that_a_reading_also_drew_keeps_only_the_gold_verdicts(load_script):
    fit = load_script("fit_confidence")
    judged = {"relation": [({"id": "news-a"}, {"甲 hasIndustry 乙": False}), ({"id": "news-b"}, {"丙 hasIndustry 丁": True})],
              "target": [({"id": "news-a"}, {})]}
    kept = fit.outside_gold(judged, {"news-a", "001_seed"})
    assert [r["id"] for r, _ in kept["relation"]] == ["news-b"]
    assert kept["target"] == []


def test_held_out_readings_report_the_fitted_models_reliability_on_articles_no_fit_saw(load_script, pipeline, tmp_path):
    fit = load_script("fit_confidence")
    text = "云溪高新区重点发展集成电路产业。云溪高新区引进禾丰科技有限公司。"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "news-a", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    reading = tmp_path / "reading.tsv"
    rows = ["doc_id\tkind\tclass\tfact\tconfidence\tevidence\tverdict\treason",
            "news-a\trelation\thasIndustry\t云溪高新区 hasIndustry 集成电路\t\t\tright\t",
            "news-a\trelation\thasEnterprise\t云溪高新区 hasEnterprise 禾丰科技有限公司\t\t\twrong\tdoubtful"]
    reading.write_text("\n".join(rows) + "\n", encoding="utf-8")
    weights = {"bias": 0.0}
    held = fit.read_judged([reading], corpus)["relation"]
    lines = fit.validation_lines(pipeline, held, [reading], set(), weights, (), 0.4)
    assert any("held-out readings" in line and "2 kept facts, precision 0.500" in line for line in lines)
    assert fit.validation_lines(pipeline, held, [reading], {"news-a"}, weights, (), 0.4) == []  # fitted: left out


def test_keeping_the_weights_scores_every_fact_by_them(load_script):
    """--keep-weights: the shipped weights score every fact (no fit), so only the calibration follows the data;
    a fact written in two candidates is stated at the higher score, as the graph states it."""
    fit = load_script("fit_confidence")
    names = ("bias", "tie")
    weights = {"bias": -1.0, "tie": 2.0}
    groups = [[({"bias": 1.0, "tie": 1.0}, True, "a"), ({"bias": 1.0}, True, "a")], [({"bias": 1.0}, False, "b")]]
    scored = fit.shipped_scores(groups, names, weights, ["judged", "judged"])
    assert [(round(p, 3), ok, i) for p, ok, _s, i in scored] == [(0.269, False, 1), (0.731, True, 0)]
