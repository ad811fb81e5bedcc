"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.7451, "benchmark": 0.654, "bias": -1.4665, "blocked_weak": 0.794, "crowded": 1.1822, "enterprise": 0.2197, "explicit": 0.1684, "gazetteer": 0.0794, "in_list": 0.156, "industry": -0.077, "list_stage": 0.7507, "name_prefix": 1.2221, "object_legal": -1.1217, "object_repeated": 1.3629, "owned": 0.7986, "park_pair": -1.5657, "platform": 0.2697, "role": -0.2587, "same_clause": 0.4429, "sentence_gap": -0.2658, "subject_before": -0.5496, "subject_in_lead": -0.2057, "subpark": 0.4993, "tie": -0.0489, "topic_only_no_tie": -0.0469, "trade_name": -1.3085}
RELATION_THRESHOLD = 0.45
RELATION_CALIBRATION = [[0.3229, 0.2857], [0.4739, 0.3667], [0.5377, 0.4348], [0.5832, 0.4865], [0.6284, 0.5143], [0.6713, 0.5641], [0.7213, 0.6301], [0.821, 0.7394], [0.9348, 0.8382]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
