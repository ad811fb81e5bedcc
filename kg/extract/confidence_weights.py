"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.2718, "bias": -2.48, "blocked_weak": 0.3951, "crowded": 1.3389, "enterprise": 0.2585, "explicit": -0.3272, "gazetteer": 0.0057, "in_list": -0.1874, "industry": 0.2116, "list_stage": 0.5013, "name_prefix": 1.8398, "object_legal": -0.5251, "object_repeated": 1.0157, "owned": 0.7802, "park_pair": -0.0821, "platform": 0.1983, "role": 1.0964, "same_clause": 0.9384, "sentence_gap": -0.1979, "subject_before": -0.4279, "subject_in_lead": -0.2322, "subpark": -0.5863, "tie": 0.7923, "topic_only_no_tie": 0.4639}
RELATION_THRESHOLD = 0.56
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
