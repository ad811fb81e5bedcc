"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.6449, "benchmark": 0.5788, "bias": -2.3329, "blocked_weak": 0.4494, "crowded": 1.6259, "enterprise": 0.1448, "explicit": 0.4048, "gazetteer": 0.0129, "in_list": 0.2343, "industry": -0.0769, "list_stage": 0.7629, "name_prefix": 1.4252, "object_legal": -0.9025, "object_repeated": 1.4051, "owned": 0.6634, "park_pair": -1.2505, "platform": 0.175, "role": 0.383, "same_clause": 0.3331, "sentence_gap": -0.0436, "subject_before": -0.5393, "subject_in_lead": -0.1075, "subpark": 0.4288, "tie": 0.1784, "topic_only_no_tie": 0.5424, "trade_name": -1.3581}
RELATION_THRESHOLD = 0.45
RELATION_CALIBRATION = [[0.438, 0.3281], [0.6554, 0.5575], [0.7464, 0.7], [0.7615, 0.7308], [0.8346, 0.7474], [0.9047, 0.873], [0.9468, 0.8788], [0.9806, 0.9048]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
