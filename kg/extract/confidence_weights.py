"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.8099, "benchmark": 0.5667, "bias": -2.2665, "blocked_weak": 0.4371, "crowded": 1.5405, "enterprise": 0.194, "explicit": 0.3424, "gazetteer": -0.0723, "in_list": 0.1845, "industry": -0.1539, "list_stage": 0.6998, "name_prefix": 1.5211, "object_legal": -0.9462, "object_repeated": 1.4065, "owned": 0.6824, "park_pair": -1.2544, "platform": 0.1879, "role": 0.1577, "same_clause": 0.321, "sentence_gap": -0.017, "subject_before": -0.4393, "subject_in_lead": -0.1515, "subpark": 0.4596, "tie": 0.1176, "topic_only_no_tie": 0.4481, "trade_name": -1.4526}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.3797, 0.3095], [0.5248, 0.4231], [0.6492, 0.5478], [0.7674, 0.7113], [0.8502, 0.8], [0.8981, 0.8143], [0.9566, 0.8627]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
