"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.9052, "benchmark": 0.5715, "bias": -1.9432, "blocked_weak": 0.1227, "crowded": 1.3031, "enterprise": 0.2472, "explicit": 0.2818, "gazetteer": -0.12, "in_list": 0.0573, "industry": -0.1808, "list_stage": 0.8277, "name_prefix": 1.3718, "object_legal": -0.9244, "object_repeated": 1.328, "owned": 0.6553, "park_pair": -1.0362, "platform": 0.2357, "role": 0.142, "same_clause": 0.2037, "sentence_gap": -0.0379, "subject_before": -0.4203, "subject_in_lead": -0.2117, "subpark": 0.1626, "tie": 0.1792, "topic_only_no_tie": 0.3372, "trade_name": -1.4079}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.3643, 0.3056], [0.5091, 0.4118], [0.6526, 0.5704], [0.7576, 0.7273], [0.8244, 0.746], [0.8694, 0.7959], [0.8976, 0.8095], [0.9453, 0.8393]]
TARGET_WEIGHTS = {"bias": 0.0, "count_unit": 0.0, "deadline_year": 0.0, "explicit": 0.0, "goal_in_clause": 0.0, "sentence_gap": 0.0, "subject_in_lead": 0.0}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
