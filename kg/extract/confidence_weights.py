"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.2791, "bias": -2.0712, "blocked_weak": 0.2525, "crowded": 1.0895, "enterprise": 0.5362, "explicit": -0.3802, "gazetteer": -0.25, "in_list": 0.1202, "industry": -0.1844, "list_stage": 0.2836, "name_prefix": 1.8209, "owned": 0.1633, "park_pair": -0.1609, "platform": -0.0546, "role": 1.1286, "same_clause": 0.7284, "sentence_gap": -0.2965, "subject_before": -0.3381, "subject_in_lead": 0.55, "subpark": -0.1363, "tie": 0.6016, "topic_only_no_tie": 0.9033}
RELATION_THRESHOLD = 0.67
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
