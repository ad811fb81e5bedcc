"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.3421, "bias": -1.6107, "blocked_weak": 0.8489, "crowded": 1.2077, "enterprise": -0.3541, "explicit": -0.6871, "gazetteer": -0.1365, "in_list": 0.005, "industry": 0.2432, "list_stage": 0.3552, "name_prefix": 1.5821, "object_legal": -0.1613, "object_repeated": 0.8201, "owned": 1.1575, "park_pair": 0.0427, "platform": 0.3766, "role": 0.8452, "same_clause": 0.7191, "sentence_gap": -0.5385, "subject_before": -0.1159, "subject_in_lead": -0.4407, "subpark": -0.3084, "tie": 0.2568, "topic_only_no_tie": 0.8009}
RELATION_THRESHOLD = 0.48
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
