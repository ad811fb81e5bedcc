"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.7373, "benchmark": 0.5603, "bias": -2.2561, "blocked_weak": 0.5211, "crowded": 1.6323, "enterprise": 0.0648, "explicit": 0.2858, "gazetteer": 0.0341, "in_list": 0.1922, "industry": -0.1109, "list_stage": 0.7401, "name_prefix": 1.0537, "object_legal": -0.8179, "object_repeated": 1.3736, "owned": 1.2477, "park_pair": -1.304, "platform": 0.3873, "role": 0.6327, "same_clause": 0.3371, "sentence_gap": -0.0141, "subject_before": -0.4619, "subject_in_lead": -0.2632, "subpark": 0.4025, "tie": 0.2183, "topic_only_no_tie": 0.5794, "trade_name": -1.3523}
RELATION_THRESHOLD = 0.45
RELATION_CALIBRATION = [[0.3826, 0.3125], [0.5336, 0.4286], [0.6784, 0.547], [0.7827, 0.7727], [0.8487, 0.7755], [0.8815, 0.8421], [0.9315, 0.8784], [0.981, 0.9048]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
