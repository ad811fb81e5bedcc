"""Targets: numbers with units in goal sentences, years normalised, past and forecasts excluded."""
import pytest

from kg.extract.targets import chinese_number


def _targets(run_text, text):
    return {(t.value, t.unit, t.year) for t in run_text(text).targets}


def test_plan_period_end_is_its_last_year(run_text):
    found = _targets(run_text, "无锡太湖国家旅游度假区力争“十四五”末，生命健康总产值超300亿元，市值超万亿元。")
    assert found == {(300.0, "亿元", 2025), (1.0, "万亿元", 2025)}


def test_explicit_deadline_year(run_text):
    found = _targets(run_text, "合肥高新区到2027年力争集成电路产业规模突破1500亿元。")
    assert (1500.0, "亿元", 2027) in found


def test_relative_time_gives_no_year(run_text):
    found = _targets(run_text, "宜兴经济技术开发区力争通过5年时间，进军全省前10位、全国前30位。")
    assert found == {(10.0, "位", None), (30.0, "位", None)}


def test_forecasts_and_past_figures_are_not_targets(run_text):
    assert _targets(run_text, "苏州高新区1-9月预计地区生产总值1160亿元、增长10%。") == set()
    assert _targets(run_text, "去年，无锡高新区生命健康产业产值完成121.83亿元。") == set()


def test_scale_class_of_the_park_itself_is_a_target(run_text):
    assert (1000.0, "亿元", None) in _targets(run_text, "攀枝花钒钛高新区将打造千亿级钒钛产业园区。")


def test_doubling_and_ranks(run_text):
    found = _targets(run_text, "黄冈高新区确定了“五年翻三番、五年进百强”的目标。")
    assert found == {(3.0, "番", None), (100.0, "位", None)}


@pytest.mark.parametrize("text,value", [("三", 3.0), ("十二", 12.0), ("一百", 100.0), ("2.5", 2.5), ("两", 2.0)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


def test_a_forecast_governs_the_clauses_after_it(run_text):
    found = _targets(run_text, "苏州高新区预计到2025年，生命健康产值达300亿元，企业超500家。")
    assert found == set()


def test_a_province_goal_is_not_the_topic_parks(run_text):
    text = "武汉东湖高新区发布新政。全省拟在一年内新建中小企业服务工作站400家。"
    assert not any(t.value == 400.0 for t in run_text(text).targets)
    assert (400.0, "家", None) not in _targets(run_text, text)


def test_a_goal_the_park_states_in_its_own_sentence_is_kept(run_text):
    found = _targets(run_text, "武汉东湖高新区力争到2025年，新建中小企业服务工作站400家。")
    assert (400.0, "家", 2025) in found


def test_a_plan_period_named_in_passing_is_no_deadline(run_text):
    assert _targets(run_text, "临港新片区为实现“十四五”规划出台了280多个各类政策，其中36个为全国首创。") == set()


def test_a_past_action_is_no_goal(run_text):
    assert _targets(run_text, "北京经开区2023年底前引进了50家企业。") == set()
    # a goal word says it is a goal all the same: 明确了…的任务目标
    found = _targets(run_text, "2021年，吴江开发区明确了年度完成350个智能化改造项目的任务目标。")
    assert (350.0, "个", None) in found or (350.0, "个", 2021) in found


def test_a_small_count_in_words_is_a_slogan(run_text):
    assert _targets(run_text, "北京经开区力争将大会打造成四个平台。") == set()
    assert (2.0, "个", 2025) in _targets(run_text, "北京经开区力争到2025年打造两个千亿级产业集群。")


def test_another_subjects_numbers_are_not_the_parks(run_text):
    text = "新疆喀什综合保税区发展迅速。该公司负责人表示，力争今年完成5亿元。"
    assert not any(t.value == 5.0 for t in run_text(text).targets)


def test_a_forecast_governs_its_own_predicates_but_not_a_commitment(run_text):
    """预计…将被打造成… is a forecast; 预计…，力争… commits to a goal."""
    forecast = run_text("苏州高新区发布规划。预计到2025年，苏州高新区将被打造成面积达100万平方米的载体。")
    committed = run_text("苏州高新区发布规划。预计明年投产，力争到2025年产值达到300亿元。")
    assert forecast.targets == []
    assert [(t.value, t.unit, t.year) for t in committed.targets] == [(300.0, "亿元", 2025)]


def test_an_as_of_date_makes_every_figure_after_it_where_things_stand(run_text):
    text = "云溪高新区加快发展。截至2023年，高新区已累计引进产业项目189个，7家世界500强企业扎根于此，9个项目落地开工。"
    assert not run_text(text).targets
    assert run_text("云溪高新区加快发展。到2025年，高新区力争引进世界500强企业10家。").targets


def test_an_enumerator_opening_a_measure_is_no_part_of_its_metric(run_text):
    result = run_text("云溪高新区发布举措：一是到2025年，园区产值突破500亿元；二是五年内拟投入超过100亿元。")
    metrics = {t.metric for t in result.targets}
    assert "投入" in metrics and not any(m.startswith("二是") for m in metrics)


def test_a_number_after_a_title_or_a_run_of_headings_is_no_goal(run_text):
    """《支持住房需求的若干措施》15条 counts a document's articles; X高新区：…Y高新区：…1000亿元 runs over headings."""
    doc = run_text("近日，云溪经开区发布《支持刚性和改善性住房需求确保房地产市场平稳健康发展的十五条措施》。")
    assert not [t for t in doc.targets if t.value == 15]
    goal = run_text("云溪经开区提出，到2025年，园区产值突破500亿元。")
    assert [t for t in goal.targets if t.value == 500]


def test_a_numbered_office_or_station_speaks_for_itself(run_text):
    """该站…现场查验通道将达到44条: the border station's lanes, not the park's goal."""
    text = ("云溪综合保税区入境旅客增多。边检站副队长表示，为了保障旅客高效通关，该站今年对出入园区大厅"
            "进行改造升级，全部升级后，现场查验通道将达到44条。")
    assert not [t for t in run_text(text).targets if t.value == 44]


def test_a_magnitude_between_number_and_unit_belongs_to_the_unit(run_text):
    found = _targets(run_text, "青禾经开区力争到2026年，新能源汽车产能达到80万辆，年接待游客突破300万人次。")
    assert found == {(80.0, "万辆", 2026), (300.0, "万人次", 2026)}


def test_a_goal_list_runs_over_the_semicolons_after_its_head(run_text):
    text = ("方案提出，到2026年，青禾经开区整车产能达到80万辆；整车产量突破40万辆；"
            "百亿级企业不少于6家、十亿级企业不少于20家。")
    found = {(t.metric, t.value, t.unit, t.year) for t in run_text(text).targets}
    assert ("整车产量", 40.0, "万辆", 2026) in found
    assert ("百亿级企业", 6.0, "家", 2026) in found
    assert ("十亿级企业", 20.0, "家", 2026) in found


def test_a_past_list_over_semicolons_states_no_goal(run_text):
    text = "2022年，青禾经开区整车产量达到30万辆；产值突破500亿元；新增企业60家。"
    assert _targets(run_text, text) == set()


def test_a_goal_list_does_not_pass_to_another_park(run_text):
    text = "到2026年，青禾经开区整车产能达到80万辆；白石高新区产值突破500亿元。"
    assert {t.value for t in run_text(text).targets} == {80.0}


def test_a_goal_of_its_own_item_heads_no_list(run_text):
    text = "青禾经开区出台新政。一是五年内拟投入超过20亿元；二是对新落户企业给予最高300万元奖励。"
    assert {t.value for t in run_text(text).targets} == {20.0}


def test_a_part_of_a_goal_is_a_goal_and_a_part_of_a_past_figure_is_not(run_text):
    goal = {(t.metric, t.value) for t in run_text(
        "到2026年，青禾经开区整车产能达到80万辆，其中新能源汽车产能达到30万辆。").targets}
    assert goal == {("整车产能", 80.0), ("新能源汽车产能", 30.0)}
    assert _targets(run_text, "青禾经开区去年引进项目50个，其中36个已投产。") == set()


def test_a_growth_rate_a_goal_sets_is_a_goal_and_a_past_one_is_not(run_text):
    found = _targets(run_text, "到2026年，青禾经开区规上工业产值突破400亿元，年均增长12%以上。")
    assert found == {(400.0, "亿元", 2026), (12.0, "%", 2026)}
    assert _targets(run_text, "过去五年，青禾经开区产值年均增长15%。") == set()


def test_a_base_year_is_no_deadline(run_text):
    targets = run_text("青禾高新区力争到2026年，高新技术企业数量较2021年翻一番。").targets
    assert [(t.metric, t.value, t.unit, t.year) for t in targets] == [("高新技术企业数量", 1.0, "番", 2026)]


def test_goals_after_a_goal_word_and_a_colon(run_text):
    found = {(t.metric, t.value, t.unit) for t in run_text(
        "青禾经开区今年的目标是：招引亿元以上项目30个，实际利用外资2亿美元。").targets}
    assert found == {("招引亿元以上项目", 30.0, "个"), ("实际利用外资", 2.0, "亿美元")}
    assert _targets(run_text, "青禾经开区：招引项目30个。") == set()  # a heading's colon


def test_growth_a_park_commits_to_is_a_goal(run_text):
    assert _targets(run_text, "青禾高新区今年力争实现规上工业总产值增长10%。") == {(10.0, "%", None)}
    assert _targets(run_text, "去年，青禾高新区规上工业总产值增长10%。") == set()


def test_a_horizon_after_future_words_is_a_goal_cue(run_text):
    assert _targets(run_text, "未来三年，青禾高新区将新增高新技术企业100家。") == {(100.0, "家", None)}


def test_the_word_that_spells_a_named_goal_out_is_no_part_of_its_metric(run_text):
    targets = run_text("青禾高新区提出“双百”目标，即到2026年营收突破100亿元、引进企业100家。").targets
    assert {(t.metric, t.value) for t in targets} == {("营收", 100.0), ("引进企业", 100.0)}


def test_a_regions_aim_in_a_parks_sentence_is_no_target_of_the_park(run_text):
    # a region right before a development verb (对漠河市打造…): the scale is the region's aim, not the park's goal
    text = "青禾高新区管委会主任表示，云杉科技项目投产，对漠河市打造千亿级光伏产业基地具有重要意义。"
    assert not run_text(text).targets
    assert _targets(run_text, "青禾高新区将打造千亿级光伏产业园区。")  # the park's own aim stays
