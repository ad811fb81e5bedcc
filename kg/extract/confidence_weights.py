"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.8458, "benchmark": 0.557, "bias": -3.0332, "blocked_weak": 0.4535, "crowded": 1.7741, "enterprise": -0.0032, "explicit": 0.7288, "gazetteer": 0.0338, "in_list": 0.158, "industry": -0.1983, "list_stage": 0.7093, "name_prefix": 1.3035, "object_legal": -0.7405, "object_repeated": 1.3502, "owned": 1.3065, "park_pair": -1.2112, "platform": 0.2522, "role": 0.599, "same_clause": 0.3709, "sentence_gap": -0.3355, "subject_before": 0.0292, "subject_carried": 1.3146, "subject_in_lead": -0.5653, "subpark": 0.6034, "tie": 0.2155, "topic_only_no_tie": 0.7196, "trade_name": -1.268}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.4245, 0.3784], [0.6146, 0.4808], [0.6995, 0.62], [0.7667, 0.6364], [0.8149, 0.7059], [0.8787, 0.8596], [0.9567, 0.9028]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
