"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.1812, "bias": 1.7263, "blocked_weak": 0.0315, "enterprise": 0.1626, "explicit": -0.2203, "gazetteer": -0.1925, "in_list": 0.0419, "industry": -0.0603, "owned": -0.0351, "park_pair": 0.0752, "platform": 0.0456, "role": -0.1275, "sentence_gap": 0.161, "subject_before": -0.1509, "subject_in_lead": 0.1812, "subpark": -0.2231, "tie": 0.222, "topic_only_no_tie": 0.1037}
RELATION_THRESHOLD = 0.05
TARGET_WEIGHTS = {"bias": 1.5641, "count_unit": -0.0544, "deadline_year": 0.0588, "explicit": 0.0709, "goal_in_clause": 0.1141, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
