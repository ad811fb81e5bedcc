"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9094, "benchmark": 0.5678, "bias": -1.9598, "blocked_weak": 0.1504, "crowded": 1.2931, "enterprise": 0.249, "explicit": 0.2589, "gazetteer": -0.1727, "in_list": 0.0892, "industry": -0.1805, "list_stage": 0.8131, "name_prefix": 1.3621, "object_legal": -0.9316, "object_repeated": 1.3647, "owned": 0.6654, "park_pair": -1.037, "platform": 0.2387, "role": 0.163, "same_clause": 0.2377, "sentence_gap": -0.0406, "subject_before": -0.4351, "subject_in_lead": -0.2318, "subpark": 0.162, "tie": 0.2181, "topic_only_no_tie": 0.3643, "trade_name": -1.4105}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.359, 0.3056], [0.4971, 0.4375], [0.5518, 0.5455], [0.6655, 0.5703], [0.7896, 0.7294], [0.8463, 0.7391], [0.8786, 0.8065], [0.9437, 0.8448]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
