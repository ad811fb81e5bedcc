"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9687, "benchmark": 0.5809, "bias": -2.2375, "blocked_weak": 0.1962, "crowded": 1.3863, "enterprise": -0.1811, "explicit": 0.1074, "gazetteer": 0.1604, "in_list": 0.2086, "industry": -0.2423, "list_stage": 0.9653, "name_prefix": 1.76, "object_legal": -0.3039, "object_repeated": 1.5393, "owned": 1.0967, "park_pair": -0.7173, "platform": 0.3112, "role": 0.0679, "same_clause": 0.1245, "sentence_gap": -0.1606, "subject_before": -0.5293, "subject_in_lead": -0.152, "subpark": 0.2486, "tie": 0.1437, "topic_only_no_tie": 0.1387}
RELATION_THRESHOLD = 0.36
RELATION_CALIBRATION = [[0.3126, 0.2333], [0.4741, 0.3696], [0.575, 0.4559], [0.7518, 0.6821], [0.9147, 0.8431]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
