"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.2239, "bias": -1.7044, "blocked_weak": -0.4508, "crowded": 0.696, "enterprise": 0.4327, "explicit": -0.1621, "gazetteer": -0.3473, "in_list": 0.2964, "industry": -0.0406, "list_stage": 0.608, "owned": 0.9088, "park_pair": 0.0206, "platform": -0.1428, "role": 1.1398, "same_clause": 0.9267, "sentence_gap": -0.5549, "subject_before": -0.8681, "subject_in_lead": 0.3668, "subpark": -0.2699, "tie": 0.9608, "topic_only_no_tie": 0.5984}
RELATION_THRESHOLD = 0.57
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
