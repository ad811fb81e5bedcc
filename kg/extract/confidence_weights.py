"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.1203, "bias": -1.6745, "blocked_weak": 0.5275, "crowded": 1.127, "enterprise": -0.3634, "explicit": -0.5536, "gazetteer": -0.0729, "in_list": 0.2261, "industry": -0.0185, "list_stage": 0.6836, "name_prefix": 1.9154, "object_legal": -0.1425, "object_repeated": 1.2651, "owned": 1.1781, "park_pair": -0.0363, "platform": 0.2434, "role": 0.431, "same_clause": 0.3689, "sentence_gap": -0.4702, "subject_before": -0.0988, "subject_in_lead": -0.3171, "subpark": 0.1748, "tie": 0.3098, "topic_only_no_tie": 0.4122}
RELATION_THRESHOLD = 0.29
RELATION_CALIBRATION = [[0.3348, 0.2174], [0.471, 0.3056], [0.5678, 0.5], [0.6511, 0.5952], [0.7864, 0.6974], [0.9043, 0.7549]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
