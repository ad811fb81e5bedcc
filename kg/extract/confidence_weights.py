"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9582, "benchmark": 0.4993, "bias": -2.8907, "blocked_weak": 0.4706, "crowded": 1.8002, "enterprise": -0.0357, "explicit": 0.7492, "gazetteer": -0.0707, "in_list": 0.2614, "industry": -0.1959, "list_stage": 0.914, "name_prefix": 1.3842, "object_legal": -0.6295, "object_repeated": 1.2689, "owned": 1.3079, "park_pair": -1.0332, "platform": 0.1561, "role": 0.6815, "same_clause": 0.2822, "sentence_gap": -0.3037, "subject_before": -0.1353, "subject_carried": 1.214, "subject_in_lead": -0.6841, "subpark": 0.6095, "tie": 0.3328, "topic_only_no_tie": 0.6805, "trade_name": -1.3172}
RELATION_THRESHOLD = 0.7
RELATION_CALIBRATION = [[0.5772, 0.404], [0.7141, 0.7353], [0.8287, 0.8425], [0.9052, 0.9667], [0.9366, 0.971], [0.9711, 1.0]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
