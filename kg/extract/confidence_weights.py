"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.3791, "bias": 1.3902, "blocked_weak": -0.0617, "enterprise": 0.147, "explicit": -0.3238, "gazetteer": -0.1337, "in_list": 0.0826, "industry": -0.0224, "owned": -0.3372, "park_pair": 0.0559, "platform": 0.0322, "role": 0.0169, "sentence_gap": 0.232, "subject_before": -0.0033, "subject_in_lead": 0.3482, "subpark": -0.2127, "tie": 0.0264, "topic_only_no_tie": 0.0802}
RELATION_THRESHOLD = 0.05
TARGET_WEIGHTS = {"bias": 2.7878, "count_unit": 0.0408, "deadline_year": 0.0232, "explicit": -0.0351, "goal_in_clause": -0.0178, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
