"""The words of the gap and compare reports in Chinese and English, and quantities as officials write them."""
from __future__ import annotations

from typing import Any

from ..lang import ui_lang  # noqa: F401 (the reports' words take their language from it)
from ..lang import pick
from ..model import Rubric
from .common import num
from .display import qty  # noqa: F401  (the one quantity rule, engine.formats.display)

WORDS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "total": ("总分", "Total"),
    "grade": ("等级", "grade"),
    "gaps": ("失分项（按可挽回的总分排序）", "Gaps, ranked by points of the total they would recover"),
    "n_gaps": ("失分项", "gaps"),
    "measure": ("指标", "measure"),
    "value": ("现值", "value"),
    "target": ("满分值", "full marks at"),
    "next": ("下一档", "next step"),
    "to_go": ("差距", "to go"),
    "next_point": ("达{value}得{points}分", "{points} pts at {value}"),
    "points": ("可提分", "+points"),
    "owners": ("责任单位", "owners"),
    "status": ("状态", "status"),
    "at_stake": ("涉及分值", "at stake"),
    "missing": ("缺失数据", "Missing data"),
    "modifiers_missing": ("未填报的加减分/否决项（按未触发处理）", "Bonus, deduction and veto items not reported "
                          "(taken as not triggered)"),
    "evidence": ("须附佐证但未提供", "Evidence required but not given"),
    "by_owner": ("责任单位任务清单", "Task list by responsible unit"),
    "unit": ("单位", "unit"),
    "lead": ("牵头", "lead"),
    "co": ("配合", "co-owner"),
    "lead_pts": ("牵头可提分", "lead +pts"),
    "co_pts": ("配合可提分", "co-owner +pts"),
    "items": ("项", "items"),
    "missing_n": ("缺数据", "missing data"),
    "no_owner": ("（未指定责任单位）", "(no owner)"),
    "by_indicator": ("各指标得分率", "Attainment by indicator"),
    "group": ("指标组", "group"),
    "score": ("得分", "score"),
    "attainment": ("得分率", "attainment"),
    "excluded": ("不计入", "excluded"),
    "waivers": ("豁免项（不适用，分值由同组指标分摊）", "Waived as not applicable (worth spread over siblings)"),
    "n_waived": ("豁免", "waived"),
    "waiver_reason": ("理由", "reason"),
    "waiver_by": ("批准单位", "approved by"),
    "waiver_expires": ("有效期至", "expires"),
    "waiver_open": ("未注明", "not given"),
    "none": ("无失分项。", "No gaps."),
    "top": ("已达最高等级 {grade}。", "Already at the top grade, {grade}."),
    "path": ("距「{grade}」（{min} 分）还差 {needs} 分：以下 {n} 项拿满即可（合计可提 {gain} 分）",
             "{needs} points short of {grade} ({min}): full marks on these {n} measures close it (+{gain})"),
    "short": ("距「{grade}」（{min} 分）还差 {needs} 分：所有失分项全部拿满也只能提 {gain} 分，达不到",
              "{needs} points short of {grade} ({min}): even full marks on every gap recover only {gain}"),
    "vetoed": ("一票否决：{ids}。无论得分多少都不能升至「{grade}」",
               "Vetoed by {ids}: no score reaches {grade} while the veto stands"),
    "not_triggered": ("未触发", "not triggered"),
    "league": ("排名", "League table"),
    "league_latest": ("排名（各对象最新一期）", "League table (each subject's latest period)"),
    "unreported": ("本期未填报（上期有得分）", "Not reported this time (scored before)"),
    "rank": ("名次", "rank"),
    "subject": ("对象", "subject"),
    "period": ("期次", "period"),
    "heatmap": ("各指标组得分率", "Group attainment"),
    "trends": ("变化趋势", "Trends"),
    "change": ("变化", "change"),
    "slipped": ("离目标更远的指标", "Measures that moved away from their target"),
    "unranked": ("{period} 未提交", "No submission for {period}"),
    "latest": ("最近", "latest"),
    "vetoed_short": ("一票否决", "vetoed"),
    "recoverable": ("可挽回", "recoverable"),
    "base": ("基础分", "base"),
    "bonus": ("加分", "bonus"),
    "deductions": ("扣分", "deductions"),
    "max": ("满分", "max"),
    "groups": ("各指标组", "Groups"),
    "measures": ("各测评项", "Measures"),
    "id": ("编号", "id"),
    "graded_anyway": ("无论总分多少，均评为「{grade}」。", "Graded {grade} whatever the total."),
    # SPEC 8: self-assessment against verification, and the assessor panels (engine.panels)
    "stage_title": ("自评与核定", "Self-assessment and verification"),
    "stage_line": ("自评分 {self} · 核定分 {verified} ({delta})", "Self-assessed {self} · verified {verified} ({delta})"),
    "stage_changed": ("核定改变得分的指标（核验反馈）", "Measures whose verified value changed the score (the verifier's "
                      "feedback)"),
    "stage_self_value": ("自评值", "self-assessed"),
    "stage_verified_value": ("核定值", "verified"),
    "stage_delta": ("总分变化", "Δ total"),
    "stage_note": ("核验意见", "verifier's note"),
    "panel_title": ("评审组评分", "Assessor panels"),
    "panel_ratings": ("各评审人评分", "by assessor"),
    "panel_kept": ("计入平均", "kept"),
    "panel_mean": ("平均分", "mean"),
    "panel_spread": ("极差", "spread"),
    "panel_disagree": ("分歧", "flag"),
    "panel_wide": ("⚠ 分歧较大 >{limit}", "⚠ wide >{limit}"),
    "panel_note": ("平均分：去掉最高分和最低分（trim）后的平均；极差：全部评分中最高分减最低分，超过阈值（评分标准的"
                   " disagree，默认为量表宽度的四分之一）即标为分歧较大。",
                   "Mean: after trim drops the highest and lowest; spread: the highest of all ratings less the lowest, "
                   "flagged above the rubric's disagree (a quarter of the scale by default)."),
    "progress_title": ("填报进度", "Filing progress"),
    "progress_unit": ("责任单位", "unit"),
    "progress_lead": ("牵头", "lead"),
    "progress_co": ("配合", "co-owner"),
    "progress_filed": ("已填报", "filed"),
    "progress_invalid": ("有误", "invalid"),
    "progress_missing": ("未填报", "missing"),
    "progress_points": ("缺失分值", "points missing"),
    "progress_owes": ("待填报指标", "still owed"),
    "progress_subjects": ("对象数", "subjects"),
    "progress_nothing": ("未报", "filed nothing"),
    "progress_coverage": ("覆盖率", "coverage"),
    "coverage_head": ("覆盖率", "coverage"),
    "coverage_line": ("覆盖率 {pct}（{filed}/{base} 项基础指标有数值）", "coverage {pct} ({filed} of {base} base measures with a value)"),
    "coverage_short": ("数据不足", "insufficient data"),
    "coverage_unranked": ("数据不足，不参与排名（覆盖率低于 {least}）：{names}",
                          "Insufficient data, not ranked (coverage below {least}): {names}"),
    "coverage_all_unranked": ("所有对象的覆盖率都低于 {least}，不排名：公布的数据太少，排名会误导。",
                              "Every subject's coverage is below {least}, so none is ranked: too little is stated "
                              "for a ranking not to mislead."),
    "coverage_not_comparable": ("{when}：不可比（≠），覆盖率 {a} → {b}，相差超过 {gap} 个百分点",
                                "{when}: not comparable (≠), coverage {a} → {b} differs by more than {gap} points"),
    "progress_cover": ("覆盖率 {pct}（{filed}/{base} 项基础指标已填报）· 有误 {invalid} 项 · 未填报 {missing} 项 · "
                       "缺失分值 {points} 分", "coverage {pct} ({filed} of {base} base measures filed) · "
                       "{invalid} invalid · {missing} missing · {points} points missing"),
    "progress_silent": ("尚未填报任何指标的单位", "Units that have filed nothing"),
    "progress_totals": ("各单位合计（按缺失分值排序）", "Every unit across subjects, most points missing first"),
    "progress_no_units": ("无责任单位", "no responsible units"),
    "progress_none": ("没有可统计的填报。", "Nothing to count."),
    "progress_more": ("…共{n}项", "…{n} in all"),
    "progress_summary": ("各评估对象填报进度", "Each subject's filing"),
    "progress_silent_short": ("未报单位", "units that filed nothing"),
    "progress_hint": ("各对象的单位明细：--detail；一个单位的责任清单：--unit 单位；一个对象：--subject 编号",
                      "Each subject's units: --detail; one unit's list: --unit UNIT; one subject: --subject ID"),
    "progress_behind": (" · 缺失分值最多的 {n} 个（共 {of} 个）", " · the {n} furthest behind (of {of})"),
    "progress_rest": ("另有 {n} 个对象未列出（终端只列出缺失分值最多的 {shown} 个）：{done} 个已全部填报{spread}。"
                      "全部对象：加 -o 文件名，或 --format csv|json|markdown；一个对象：--subject 编号",
                      "{n} more not listed (a terminal lists the {shown} furthest behind): {done} have filed "
                      "everything{spread}. Every subject: add -o FILE, or --format csv|json|markdown; one: --subject ID"),
    "progress_rest_detail": ("另有 {n} 个对象未显示（终端只显示前 {shown} 个）：{done} 个已全部填报{spread}。"
                             "全部对象：加 -o 文件名，或 --format csv|json|markdown；一个对象：--subject 编号",
                             "{n} more not shown (a terminal shows the first {shown}): {done} have filed everything"
                             "{spread}. Every subject: add -o FILE, or --format csv|json|markdown; one: --subject ID"),
    "progress_rest_cover": ("，覆盖率中位数 {median}（{low}–{high}）", "; coverage median {median} ({low}–{high})"),
    "progress_rest_duties": ("另有 {n} 行未显示（终端只显示前 {shown} 行）：全部加 -o 文件名，或 --format csv",
                             "{n} more rows not shown (a terminal shows the first {shown}): all with -o FILE, or "
                             "--format csv"),
    "progress_duties": ("责任清单：尚欠指标", "What it still owes"),
    "progress_duty_head": ("{unit}：{subjects} 个评估对象 · 尚欠 {owed} 项（有误 {invalid} 项）· 缺失分值 {points} 分",
                           "{unit}: {subjects} subject(s) · {owed} measure(s) owed ({invalid} invalid) · "
                           "{points} points missing"),
    "progress_duty_nothing": (" · {nothing} 个对象中未报任何指标", " · filed nothing in {nothing}"),
    "progress_role": ("分工", "role"),
    "progress_label": ("指标名称", "measure"),
    "progress_all_filed": ("已全部填报。", "Everything filed."),
    "progress_note": ("仅计基础指标，加分、扣分和否决项不计；缺失分值是未填报和有误指标满分时在总分中的分值，"
                      "共同负责的指标计入每个责任单位。",
                      "Base measures only (bonus, deduction and veto items are left out); points missing: what full "
                      "marks on the missing and invalid measures are worth in the total; a co-owned measure counts "
                      "for each of its owners."),
    "whatif_title": ("假设分析", "What if"),
    "whatif_line": ("{total} {before} → {after} ({delta}) · {grade} {grade_before} → {grade_after}",
                    "{total} {before} → {after} ({delta}) · {grade} {grade_before} → {grade_after}"),
    "whatif_changes": ("改变的指标", "Changed measures"),
    "whatif_before": ("原值", "before"),
    "whatif_after": ("假设值", "what if"),
    "whatif_points": ("本项得分", "points"),
    "whatif_delta": ("总分变化", "Δ total"),
    "whatif_units": ("按责任单位", "By responsible unit"),
    "whatif_unit": ("责任单位", "unit"),
    "whatif_leads": ("牵头", "leads"),
    "whatif_shares": ("配合", "shares"),
    "whatif_takes": ("达到下一等级需要什么", "What it takes to reach the next grade"),
    "whatif_target": ("满分所需", "full marks at"),
    "whatif_lead": ("牵头单位", "lead unit"),
    "whatif_more": ("……另有 {n} 项，scorecard gaps 列出全部。", "… and {n} more: scorecard gaps lists them all."),
    "whatif_takes_note": ("假设这些指标拿满分（按可挽回分值从大到小，最少的几项）；总分变化是每项单独拿满分时总分的变化。"
                          "用 scorecard whatif 试算其他数值。",
                          "If these measures earned full marks (the fewest, most recoverable first); Δ total is what "
                          "each adds on its own. Try other values with scorecard whatif."),
    "whatif_note": ("总分变化：只改这一项时总分的变化；责任单位的变化是其负责的改变指标之和（共同负责的指标计入每个单位）。",
                    "Δ total: how the total moves with only this value changed; a unit's change is the sum over "
                    "the changed measures it owns (a co-owned one counts for each owner)."),
    "sens_title": ("稳健性分析", "Robustness"),
    "sens_line": ("{runs} 次模拟 · 组权重各乘 [{lo}, {hi}] 内均匀随机因子{raters} · 种子 {seed}",
                  "{runs} runs · each group's weight times a uniform factor in [{lo}, {hi}]{raters} · seed {seed}"),
    "sens_raters": ("，评分专家有放回重抽", ", assessors resampled with replacement"),
    "sens_rank": ("排名", "rank"),
    "sens_median": ("中位排名", "median rank"),
    "sens_interval": ("5–95% 区间", "5–95% interval"),
    "sens_grade": ("原等级", "grade"),
    "rest_title": ("另有 {n} 份未逐份显示（终端只完整显示前 {shown} 份）：", "{n} more submissions not shown in full "
                   "(the terminal shows the first {shown} whole):"),
    "gaps_rest_title": ("另有 {n} 份差距报告未逐份显示（终端只完整显示前 {shown} 份），合计如下：",
                        "{n} more gap reports not shown in full (a terminal shows the first {shown}); together:"),
    "gaps_rest_measures": ("这 {n} 份失分最多的 {top} 项指标", "The {top} measures losing the most points over these {n}"),
    "gaps_rest_owners": ("这 {n} 份失分最多的 {top} 个牵头单位", "The {top} lead units losing the most points over these {n}"),
    "gaps_rest_short": ("未得满分份数", "short of full"),
    "gaps_rest_mean": ("平均失分", "mean lost"),
    "gaps_rest_sum": ("合计失分", "lost in all"),
    "gaps_rest_how": ("每份完整差距报告：加 -o 文件名（如 -o 差距.txt），或 --format csv|json|markdown；"
                      "各单位任务清单：--by owner；全部文件：scorecard report",
                      "Every gap report in full: add -o FILE (e.g. -o gaps.txt), or --format csv|json|markdown; "
                      "task lists per unit: --by owner; every file: scorecard report"),
    "league_how": ("终端只显示排名的首尾{trends}；完整内容：加 -o 文件名，或 --format csv|json|markdown",
                   "A terminal shows the league's top and bottom{trends}; all of it: add -o FILE, or --format "
                   "csv|json|markdown"),
    "league_trends": ("和 {n} 个对象中前 {shown} 个的趋势", " and the first {shown} of {n} subjects' trends"),
    "sens_widest": ("名次最不确定的 {n} 个对象（5–95% 区间最宽）", "The {n} subjects whose rank is least certain (widest 5–95% interval)"),
    "sens_how": ("共 {n} 个对象，终端只列出首尾 {shown} 个：全部加 -o 文件名，或 --format json",
                 "{n} subjects; a terminal lists the top and bottom {shown}: all of them with -o FILE, or --format json"),
    "rest_count": ("{n} 份", "{n} submissions"),
    "rest_spread": ("总分 {low}–{high}，中位数 {median}", "totals {low}–{high}, median {median}"),
    "rest_vetoed": ("{n} 份一票否决", "{n} vetoed"),
    "rest_between": ("中间还有 {n} 份", "{n} more in between"),
    "rest_top": ("最高", "top"),
    "rest_bottom": ("最低", "bottom"),
    "rest_how": ("全部记分卡：加 -o 文件名（如 -o 全部.txt），或 --format csv|json|markdown|html；排名：scorecard compare",
                 "Every scorecard: add -o FILE (e.g. -o all.txt), or --format csv|json|markdown|html; the league: "
                 "scorecard compare"),
    "sens_unranked": ("数据不足，不参与排名", "Insufficient data, unranked"),
    "sens_none_ranked": ("没有对象参与排名：覆盖率都低于评分标准的 min_coverage，只给出各等级的概率。",
                         "No subject is ranked: every coverage is below the rubric's min_coverage; only the grade "
                         "probabilities are given."),
    "sens_chart": ("排名区间（组权重 ±20%，1000 次模拟，5–95%）", "Rank intervals (group weights ±20%, 1,000 runs, 5–95%)"),
    "sens_chart_more": ("图中列出前 {top} 名，共 {n} 名；scorecard sensitivity 列出全部。",
                        "The chart shows the first {top} of {n}; scorecard sensitivity lists them all."),
    "sens_note": ("各等级一栏是模拟中得到该等级的比例；排名与 scorecard compare 的排名一致（否决项在后，同分同名次）。",
                  "Each grade column is the share of runs that gave that grade; ranks are scorecard compare's (vetoed "
                  "last, equal totals share a rank)."),
    # the trend chart's time axis (engine.html.index)
    "time_even": ("各期等距排列：“{p}”不能读作时间。",
             "Periods evenly spaced: “{p}” cannot be read as a time."),
    "time_unordered": ("各期等距排列：期次的时间先后与排序不一致。",
                  "Periods evenly spaced: their times are out of order."),
    "time_gaps": ("横轴按时间比例：{g}", "Time to scale: {g}"),
    "time_years": ("{n}年", "{n} years"), "time_year": ("1年", "1 year"),
    "time_months": ("{n}个月", "{n} months"), "time_month": ("1个月", "1 month"),
    # rubric versions in compare (engine.formats.compare.common)
    "version_totals_only": ("{a} → {b}：两版之间没有对照表（crosswalk），只比较总分",
                    "{a} → {b}: no crosswalk between the two versions, so only the totals are compared"),
    "version_crosswalked": ("{a} → {b}：按对照表（crosswalk）比较", "{a} → {b}: compared through the crosswalk"),
    "version_not_comparable": ("；不可比：{items}", "; not comparable: {items}"),
    "version_dropped": ("已删除", "dropped"), "version_absent": ("{x} 中没有", "not in {x}"),
    "version_merged": ("与其他指标并入 {x}", "merged into {x} with others"), "version_new": ("{x} 新增", "new in {x}"),
}
VALUE_MISSING = ("未填报", "missing")


def word(key: str, lang: str, **fields: Any) -> str:
    return pick(WORDS[key], lang, **fields)


def owner_name(rubric: Rubric, unit: str, lang: str) -> str:
    """A unit's name from rubric.units (its key when undeclared)."""
    if not unit:
        return word("no_owner", lang)
    label = rubric.units.get(unit)
    return label.get(lang) if label is not None else unit
