"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9999, "bias": -1.8547, "blocked_weak": 0.593, "crowded": 1.0877, "enterprise": -0.3235, "explicit": -0.3551, "gazetteer": -0.0137, "in_list": 0.378, "industry": -0.0184, "list_stage": 0.621, "name_prefix": 1.7487, "object_legal": -0.0509, "object_repeated": 1.4422, "owned": 1.1806, "park_pair": -0.0505, "platform": 0.2688, "role": 0.316, "same_clause": 0.2791, "sentence_gap": -0.3929, "subject_before": -0.2605, "subject_in_lead": -0.2862, "subpark": 0.1235, "tie": 0.3828, "topic_only_no_tie": 0.4342}
RELATION_THRESHOLD = 0.39
RELATION_CALIBRATION = [[0.3864, 0.2609], [0.5297, 0.4103], [0.6164, 0.5714], [0.7036, 0.6364], [0.7851, 0.6724], [0.8686, 0.7037], [0.9478, 0.8235]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
