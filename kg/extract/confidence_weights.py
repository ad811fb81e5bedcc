"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.3521, "bias": -1.6436, "blocked_weak": 0.4831, "crowded": 1.0613, "enterprise": -0.239, "explicit": -0.6644, "gazetteer": -0.0655, "in_list": 0.1408, "industry": 0.2809, "list_stage": 0.5064, "name_prefix": 1.8049, "object_legal": -0.1395, "object_repeated": 1.0996, "owned": 1.1931, "park_pair": 0.1061, "platform": 0.1602, "role": 0.4582, "same_clause": 0.2982, "sentence_gap": -0.5028, "subject_before": 0.0149, "subject_in_lead": -0.5366, "subpark": -0.3082, "tie": 0.3, "topic_only_no_tie": 0.6057}
RELATION_THRESHOLD = 0.39
RELATION_CALIBRATION = [[0.4047, 0.3478], [0.5603, 0.4595], [0.6702, 0.5595], [0.7513, 0.5667], [0.7955, 0.619], [0.8484, 0.7037], [0.9267, 0.8077]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
