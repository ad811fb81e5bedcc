"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 1.2336, "bias": -1.186, "blocked_weak": 0.3223, "crowded": 1.0004, "enterprise": -0.2975, "explicit": -0.5208, "gazetteer": 0.0537, "in_list": 0.2146, "industry": -0.019, "list_stage": 0.7134, "name_prefix": 1.5697, "object_legal": -0.1974, "object_repeated": 1.2099, "owned": 0.9734, "park_pair": -0.0362, "platform": 0.1625, "role": 0.417, "same_clause": 0.1783, "sentence_gap": -0.4846, "subject_before": -0.1282, "subject_in_lead": -0.4631, "subpark": 0.1903, "tie": 0.0901, "topic_only_no_tie": 0.5111}
RELATION_THRESHOLD = 0.39
RELATION_CALIBRATION = [[0.407, 0.3571], [0.5256, 0.4286], [0.5939, 0.5517], [0.725, 0.614], [0.835, 0.6562], [0.913, 0.7654]]
TARGET_WEIGHTS = {"bias": 2.9458, "count_unit": 0.3797, "deadline_year": 0.2109, "explicit": -0.3353, "goal_in_clause": -0.1848, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
