"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.7617, "benchmark": 0.5617, "bias": -2.3264, "blocked_weak": 0.4043, "crowded": 1.6551, "enterprise": 0.0671, "explicit": 0.2979, "gazetteer": 0.0732, "in_list": 0.1936, "industry": -0.1422, "list_stage": 0.76, "name_prefix": 1.0874, "object_legal": -0.7869, "object_repeated": 1.38, "owned": 1.2618, "park_pair": -1.2898, "platform": 0.3945, "role": 0.6366, "same_clause": 0.3351, "sentence_gap": 0.0128, "subject_before": -0.4501, "subject_in_lead": -0.2836, "subpark": 0.4086, "tie": 0.2205, "topic_only_no_tie": 0.5382, "trade_name": -1.3295}
RELATION_THRESHOLD = 0.45
RELATION_CALIBRATION = [[0.3696, 0.3333], [0.5344, 0.4118], [0.6761, 0.5495], [0.7849, 0.7568], [0.8519, 0.7826], [0.8834, 0.8421], [0.9326, 0.875], [0.9812, 0.9048]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
