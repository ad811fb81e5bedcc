"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.3188, "bias": -2.6137, "blocked_weak": 0.3421, "crowded": 1.3893, "enterprise": 0.2233, "explicit": -0.3044, "gazetteer": 0.0736, "in_list": -0.2964, "industry": 0.1566, "list_stage": 0.5572, "name_prefix": 1.6804, "object_legal": -0.4729, "object_repeated": 1.0658, "owned": 1.0034, "park_pair": -0.1458, "platform": 0.1614, "role": 1.0564, "same_clause": 0.8189, "sentence_gap": -0.1747, "subject_before": -0.4228, "subject_in_lead": -0.1085, "subpark": -0.3955, "tie": 0.7905, "topic_only_no_tie": 0.3475}
RELATION_THRESHOLD = 0.59
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
