"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9995, "bias": -1.8866, "blocked_weak": 0.5487, "crowded": 1.2035, "enterprise": -0.2735, "explicit": 0.02, "gazetteer": 0.0762, "in_list": 0.2523, "industry": -0.1615, "list_stage": 0.8503, "name_prefix": 1.656, "object_legal": -0.403, "object_repeated": 1.4668, "owned": 1.0639, "park_pair": -0.2548, "platform": 0.4455, "role": 0.2129, "same_clause": 0.1203, "sentence_gap": -0.3609, "subject_before": -0.6047, "subject_in_lead": -0.2488, "subpark": 0.2444, "tie": 0.2993, "topic_only_no_tie": 0.5812}
RELATION_THRESHOLD = 0.35
RELATION_CALIBRATION = [[0.4003, 0.3148], [0.5402, 0.4412], [0.599, 0.5152], [0.6988, 0.6458], [0.8208, 0.7042], [0.8661, 0.7391], [0.926, 0.8056]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
