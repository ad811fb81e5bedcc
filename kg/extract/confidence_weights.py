"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.986, "benchmark": 0.5563, "bias": -1.7534, "blocked_weak": 0.1612, "crowded": 1.1947, "enterprise": 0.2081, "explicit": 0.2401, "gazetteer": -0.2205, "in_list": 0.0936, "industry": -0.1593, "list_stage": 0.8752, "name_prefix": 1.2976, "object_legal": -0.9491, "object_repeated": 1.4447, "owned": 0.6275, "park_pair": -1.1388, "platform": 0.2493, "role": 0.1776, "same_clause": 0.2282, "sentence_gap": -0.0915, "subject_before": -0.4204, "subject_in_lead": -0.2007, "subpark": 0.2844, "tie": 0.0437, "topic_only_no_tie": 0.2428, "trade_name": -1.4356}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.3315, 0.3462], [0.4764, 0.3684], [0.5483, 0.52], [0.657, 0.5522], [0.802, 0.7241], [0.9088, 0.8421]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
