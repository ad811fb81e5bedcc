"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9479, "benchmark": 0.614, "bias": -2.2435, "blocked_weak": 0.1438, "crowded": 1.2949, "enterprise": -0.0721, "explicit": 0.2814, "gazetteer": -0.0214, "in_list": 0.0993, "industry": -0.1638, "list_stage": 1.056, "name_prefix": 1.5787, "object_legal": -0.4053, "object_repeated": 1.3287, "owned": 0.7, "park_pair": -0.9325, "platform": 0.3051, "role": 0.0945, "same_clause": 0.2094, "sentence_gap": -0.06, "subject_before": -0.4708, "subject_in_lead": -0.1995, "subpark": 0.2494, "tie": 0.3113, "topic_only_no_tie": 0.3558}
RELATION_THRESHOLD = 0.4
RELATION_CALIBRATION = [[0.3815, 0.3056], [0.5083, 0.4545], [0.6152, 0.5545], [0.7646, 0.6644], [0.8625, 0.8293], [0.9239, 0.8427]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
