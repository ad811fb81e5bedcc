"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""
RELATION_WEIGHTS = {"anchored": 0.8506, "benchmark": 0.5648, "bias": -2.9528, "blocked_weak": 0.3137, "crowded": 1.7197, "enterprise": -0.0234, "explicit": 0.7084, "gazetteer": 0.0434, "in_list": 0.203, "industry": -0.1949, "list_stage": 0.699, "name_prefix": 1.2601, "object_legal": -0.8012, "object_repeated": 1.3289, "owned": 1.2982, "park_pair": -1.1851, "platform": 0.2469, "role": 0.6122, "same_clause": 0.4348, "sentence_gap": -0.3266, "subject_before": 0.0198, "subject_carried": 1.3048, "subject_in_lead": -0.5996, "subpark": 0.5917, "tie": 0.228, "topic_only_no_tie": 0.7821, "trade_name": -1.2619}
RELATION_THRESHOLD = 0.5
RELATION_CALIBRATION = [[0.4447, 0.3953], [0.619, 0.4792], [0.691, 0.5814], [0.7627, 0.6667], [0.8131, 0.697], [0.8518, 0.8491], [0.8984, 0.8525], [0.9549, 0.9041]]
TARGET_WEIGHTS = {"bias": 2.7594, "count_unit": -0.4833, "deadline_year": 0.1914, "explicit": 0.5118, "goal_in_clause": 0.4779, "sentence_gap": 0.0, "subject_in_lead": -0.6574}
TARGET_THRESHOLD = 0.0
TARGET_CALIBRATION = []
