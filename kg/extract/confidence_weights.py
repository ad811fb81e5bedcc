"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.0012, "benchmark": 0.5667, "bias": -3.1398, "blocked_weak": 0.4568, "crowded": 1.6466, "enterprise": -0.0147, "explicit": 0.7057, "gazetteer": 0.0542, "in_list": 0.2975, "industry": -0.1217, "list_stage": 0.7105, "name_prefix": 1.3451, "object_legal": -0.7718, "object_repeated": 1.375, "owned": 1.3934, "park_pair": -1.1327, "platform": 0.2792, "role": 0.5714, "same_clause": 0.3763, "sentence_gap": -0.3918, "subject_before": 0.0222, "subject_carried": 1.2917, "subject_in_lead": -0.537, "subpark": 0.4232, "tie": 0.2641, "topic_only_no_tie": 0.7974, "trade_name": -1.358}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.3455, 0.3182], [0.5437, 0.4318], [0.6532, 0.5593], [0.7395, 0.6379], [0.8039, 0.6957], [0.8702, 0.8065], [0.9475, 0.9231]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
