"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.3604, "bias": -2.2886, "blocked_weak": 0.2531, "crowded": 0.988, "enterprise": 0.459, "explicit": -0.2456, "gazetteer": -0.1934, "in_list": 0.196, "industry": -0.0644, "list_stage": 0.4275, "name_prefix": 1.8123, "owned": 0.3681, "park_pair": -0.168, "platform": -0.0013, "role": 0.9333, "same_clause": 1.0567, "sentence_gap": -0.1147, "subject_before": -0.2911, "subject_in_lead": 0.6044, "subpark": -0.2252, "tie": 0.6763, "topic_only_no_tie": 0.8545}
RELATION_THRESHOLD = 0.71
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
