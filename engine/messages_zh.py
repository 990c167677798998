"""Problem messages in Chinese, for the terminal under --lang zh: a catalogue keyed by problem kind (Problem.code)
of the English message's pattern and its Chinese wording.

The engine makes every message in English (the machine formats, json, sarif, junit and github, carry it as it is);
a person reading a terminal in Chinese gets it through this catalogue. A message no pattern of its kind matches is
shown as written, so a kind without words here is still shown whole: add its patterns to CATALOGUE (the named
groups are filled into the Chinese; ``notes`` and ``hint`` are translated in turn).
"""
from __future__ import annotations

import re

LEVELS = {"warning": "警告: ", "info": "说明: "}

_NOTES = [
    (r"approximate: (.+)", "约数：{0}"),
    (r"full-width characters", "全角字符"),
    (r"thousands separators", "千位分隔符"),
    (r"percent sign", "百分号"),
    (r"per-mille sign", "千分号"),
    (r"unit (.+) dropped", "去掉单位 {0}"),
    (r"currency sign (.+)", "货币符号 {0}"),
]
NOTES = [(re.compile(p), t) for p, t in _NOTES]
"""The notes in the brackets after 'read as' (engine.numbers, engine.units); '万 = 10,000 人' needs none."""

_READ = r"(?P<raw>.+?) read as (?P<value>.+?)(?: \((?P<notes>[^()]*)\))?"
_WHO = r"(?P<who>.+?)"
_CATALOGUE: dict[str, list[tuple[str, str]]] = {
    "approximate": [(_READ, "{raw} 按 {value} 计{notes}")],
    "normalised": [(r"cell shown as (?P<raw>.+?) read as (?P<value>.+?)(?: \((?P<notes>[^()]*)\))?",
                    "单元格显示为 {raw}，按 {value} 计{notes}"),
                   (r"(?P<raw>.+?) read as (?P<n>\d+) ratings: (?P<values>.+)", "{raw} 按 {n} 个评分计：{values}"),
                   (r"(?P<raw>.+?) read as true", "{raw} 按“是”计"),
                   (r"(?P<raw>.+?) read as false", "{raw} 按“否”计"),
                   (_READ, "{raw} 按 {value} 计{notes}")],
    "empty": [(r"no value; the measure counts as missing", "未填数值，该指标按缺失数据计")],
    "from-path": [(r"subject (?P<s>.+) and period (?P<p>.+) taken from the file path", "对象 {s} 和期次 {p} 取自文件路径"),
                  (r"subject (?P<s>.+) taken from the file path", "对象 {s} 取自文件路径"),
                  (r"period (?P<p>.+) taken from the file path", "期次 {p} 取自文件路径")],
    "unknown-measure": [(r"(?P<id>.+) is not a measure of this rubric(?: \(did you mean (?P<hint>.+)\?\))?",
                         "{id} 不是本评分标准中的指标{hint}"),
                        (r"(?P<id>.+) is a group, not a measure", "{id} 是指标组，不是指标")],
    "waiver-expired": [(r"waiver expired on (?P<on>\S+), before the assessment date (?P<day>\S+): renew it \(a later "
                        r"expires\) or give the measure's value",
                        "豁免已于 {on} 到期，早于评估日期 {day}：请续期（填写更晚的 expires）或填报该指标的数值")],
    "waiver": [(r"waived and also given a value(?: \(its value is at (?P<at>.+)\))?: remove the value if the measure "
                r"does not apply, or remove the waiver",
                "已豁免却又填了数值{at}：该指标不适用就删去数值，否则删去豁免"),
               (r"a waiver needs (?P<key>\w+) \((?P<what>[^)]*)\): (?P<shape>.+)", "豁免须写明 {key}（{what}）：{shape}"),
               (r"waiver expires (?P<v>.+) is not a date: write it YYYY-MM-DD, e\.g\. \"2026-12-31\"",
                "豁免的 expires {v} 不是日期：请写成 YYYY-MM-DD，如 \"2026-12-31\"")],
    "evidence": [(r"evidence is required for this measure: write it as \{value: \.\.\., evidence: \[\.\.\.\]\} \(in a "
                  r"table: the evidence column\)",
                  "该指标须附佐证：写成 {{value: ..., evidence: [...]}}（表格中填在 evidence 列）")],
    "range": [(r"value (?P<v>\S+) is outside the plausible range \[(?P<lo>[^,]+), (?P<hi>[^\]]+)\](?P<unit>.*)",
               "数值 {v} 超出合理范围 [{lo}, {hi}]{unit}")],
    "duplicate": [(r"given in both values and ratings", "values 和 ratings 中重复给出"),
                  (r"given twice: rows (?P<a>\d+) and (?P<b>\d+)", "重复给出：第 {a} 行和第 {b} 行")],
    "type": [(r"(?P<method>\w+): expected a number, got (?P<got>.+)", "{method}：应为数字，实为 {got}"),
             (r"(?P<method>\w+): expected true or false \(or 是/否\), got (?P<got>.+)",
              "{method}：应为 true 或 false（或 是/否），实为 {got}"),
             (r"(?P<method>\w+): expected true or false; (?P<got>.+) is a string in YAML 1\.2 \(write true or false\)",
              "{method}：应为 true 或 false；{got} 在 YAML 1.2 中是文字（请写 true 或 false）"),
             (r"(?P<method>\w+): expected a whole number >= 0, got (?P<got>.+)", "{method}：应为不小于 0 的整数，实为 {got}"),
             (r"(?P<method>\w+): expected one of: (?P<menu>.+); got (?P<got>.+)", "{method}：应为以下之一：{menu}；实为 {got}"),
             (r"(?P<method>\w+): expected a rating number on the scale \[(?P<lo>[^,]+), (?P<hi>[^\]]+)\], "
              r"got (?P<got>.+)",
              "{method}：应为 [{lo}, {hi}] 范围内的评分，实为 {got}"),
             (r"(?P<method>\w+): rating (?P<n>.+) is outside the scale \[(?P<lo>[^,]+), (?P<hi>[^\]]+)\]",
              "{method}：评分 {n} 超出 [{lo}, {hi}] 的范围"),
             (r"(?P<method>\w+): NaN and infinity are not numbers here", "{method}：NaN 和无穷大在这里不算数字")],
    "path": [(r"period (?P<p>.+) disagrees with the (?P<where>file name|folder) (?P<name>\S+) "
              r"\(expected (?P<shape>.+)\)",
              "期次 {p} 与{where} {name} 不一致（应为 {shape}）"),
             (r"subject (?P<s>.+) disagrees with the folder (?P<name>\S+) \(expected (?P<shape>.+)\)",
              "对象 {s} 与文件夹 {name} 不一致（应为 {shape}）")],
    "rubric-mismatch": [(r"names rubric (?P<a>.+) but is checked against (?P<b>.+)", "写明的评分标准是 {a}，却按 {b} 检查")],
    "vetoed": [(_WHO + r": vetoed \(一票否决\) by (?P<ids>.+): graded (?P<label>.+)", "{who}：一票否决（{ids}），评为{label}")],
    "below-score": [(_WHO + r": total (?P<t>\S+) is below the required (?P<min>\S+)", "{who}：总分 {t} 低于要求的 {min}")],
    "below-grade": [(_WHO + r": grade (?P<label>.+) \((?P<id>[^,]+), total (?P<t>\S+)\) is below the required grade "
                     r"(?P<goal>\S+) \((?P<glabel>.+)\)", "{who}：等级{label}（总分 {t}）低于要求的等级{glabel}")],
    "truncated": [(r"… and (?P<n>\d+) more (?P<what>errors?|warnings?|notes?) in this file", "… 本文件另有 {n} 个{what}"),
                  (r"… and (?P<n>\d+) more problems in this file \((?P<each>.+)\)", "… 本文件另有 {n} 个问题（{each}）")],
    "io": [(r"cannot read: (?P<why>.+)", "无法读取：{why}")],
    "policy": [(r"unknown key (?P<k>.+?)(?: \(did you mean (?P<hint>.+)\?\))?: a policy (?:group )?takes (?P<known>.+)",
                "未知的键 {k}{hint}：策略文件可用的键有 {known}"),
               (r"require: (?P<m>.+) is not a measure id", "require：{m} 不是指标编号")],
    "rule": [(r"(?P<msg>.+) \((?P<a>.+?) = (?P<x>\S+) is more than (?P<b>\S+) = (?P<y>\S+)\)",
              "{msg}（{a} = {x}，超过 {b} = {y}）"),
             (r"(?P<a>.+?) = (?P<x>\S+) is more than (?P<b>\S+) = (?P<y>\S+)", "{a} = {x}，超过 {b} = {y}"),
             (r"(?P<msg>.+) \((?P<m>\S+) moved (?P<pct>.+?) from (?P<a>\S+) in (?P<period>.+?) to (?P<b>\S+) \(at most "
              r"(?P<q>\S+)% allowed\)\)", "{msg}（{m} 由 {period} 的 {a} 变为 {b}，变动 {pct}，最多允许 {q}%）"),
             (r"(?P<m>\S+) moved (?P<pct>.+?) from (?P<a>\S+) in (?P<period>.+?) to (?P<b>\S+) \(at most (?P<q>\S+)% "
              r"allowed\)", "{m} 由 {period} 的 {a} 变为 {b}，变动 {pct}，最多允许 {q}%")],
}
_CATALOGUE["usage"] = [  # a UsageError's message (exit 2), as engine.cli.common.exit_code prints it
    (r"no such file or folder: (?P<p>.+)", "没有这个文件或文件夹：{p}"),
    (r"no such (?P<what>rubric file|rubrics folder|file|folder): (?P<p>.+)", "没有这个{what}：{p}"),
    (r"--as-of (?P<v>.+) is not a date: write it YYYY-MM-DD, e\.g\. --as-of 2026-06-30",
     "--as-of {v} 不是日期：请写成 YYYY-MM-DD，如 --as-of 2026-06-30"),
    (r"refusing to write (?P<p>.+): the engine never writes into (?P<d>[^ ]+)/ \((?P<f>.+)\)",
     "拒绝写入 {p}：本工具从不写入 {d}/（{f}）"),
    (r"refusing to write (?P<p>.+): (?P<f>.+) holds this command's input", "拒绝写入 {p}：{f} 中有本命令的输入"),
    (r"the policy (?P<f>.+) cannot be used", "策略文件 {f} 无法使用"),
    (r"the policy (?P<f>.+) does not fit the rubrics checked", "策略文件 {f} 与所检查的评分标准不符"),
    (r"--format pdf prints the HTML report with headless Chromium, and none was found on PATH \((?P<names>[^)]*)\)\. "
     r"Install it \(Debian/Ubuntu: (?P<apt>[^)]*)\), or write the HTML report with --format html and print it to PDF "
     r"from any browser\.", "--format pdf 用无界面的 Chromium 打印 HTML 报告，但 PATH 中没有找到（{names}）。请安装"
     "（Debian/Ubuntu：{apt}），或用 --format html 写出 HTML 报告，再用任一浏览器打印为 PDF。"),
    (r"--format docx needs python-docx \((?P<m>\S+) is not installed\): pip install python-docx, or reinstall "
     r"scorecard-engine", "--format docx 需要 python-docx（未安装 {m}）：pip install python-docx，或重新安装 scorecard-engine"),
    (r"unknown --format (?P<f>.+?): use (?P<names>.+) \(or a comma list of them\)",
     "未知的 --format {f}：可用 {names}（或用逗号连起几种）"),
    (r"nothing to change: give --set MEASURE=VALUE or --plan FILE", "没有要改的数值：请给出 --set 指标=数值 或 --plan 文件"),
    (r"no submission found at (?P<p>.+)", "{p} 处没有提交"),
    (r"whatif takes one submission; (?P<p>.+) holds (?P<n>\d+): (?P<names>.+)", "whatif 只接受一份提交；{p} 中有 {n} 份：{names}"),
    (r"--set (?P<given>.+): expected MEASURE=VALUE, e\.g\. --set A1\.1=95", "--set {given}：应写成 指标=数值，如 --set A1.1=95"),
    (r"--weights (?P<w>\S+): give a percent from 0 to under 100, e\.g\. --weights 20",
     "--weights {w}：请给出 0 到 100（不含）之间的百分数，如 --weights 20"),
    (r"--runs (?P<n>\S+): give at least 1 run, e\.g\. --runs 1000", "--runs {n}：至少 1 次，如 --runs 1000"),
]
_UNIT = r"unit (?P<u>'[^']*'|\S+)"
_POLICY = r" \(policy (?P<policy>[^()]+)\)"
_CATALOGUE["owner"] = [
    (_UNIT + r" \((?P<name>.+?)\) does not own this measure; its owners: (?P<owners>.+)",
     "单位 {u}（{name}）不负责该指标；其责任单位：{owners}"),
    (_UNIT + r" does not own this measure: it has no responsible unit, so it is filed in the subject's own part "
     r"\(one without filed_by\)", "单位 {u} 不负责该指标：该指标没有责任单位，应填在对象自己的分表中（不写 filed_by 的那份）"),
    (r"filed_by (?P<u>.+?) is not a unit of rubric (?P<r>'[^']*')(?: \(did you mean (?P<hint>.+)\?\))?; its units: "
     r"(?P<known>.+)", "filed_by {u} 不是评分标准 {r} 的单位{hint}；其单位有：{known}"),
    (r"assessor (?P<a>.+?)'s part holds only ratings: write this measure's rating under ratings:, and its value in "
     r"the subject's or a unit's part", "评审员 {a} 的分表只填评分：该指标的评分写在 ratings: 下，数值填在对象或单位的分表中"),
]
_CATALOGUE["waiver"] += [
    (_UNIT + r" does not own this measure, so it cannot waive it; its owners: (?P<owners>.+)",
     "单位 {u} 不负责该指标，不能豁免；其责任单位：{owners}"),
    (_UNIT + r" does not own this measure, so it cannot waive it: it has no responsible unit, so it is waived in "
     r"the subject's own part \(one without filed_by\)",
     "单位 {u} 不负责该指标，不能豁免：该指标没有责任单位，应在对象自己的分表中豁免（不写 filed_by 的那份）"),
    (r"(?P<id>.+) is not a measure of this rubric(?: \(did you mean (?P<hint>.+)\?\))?: a waiver names a measure id",
     "{id} 不是本评分标准中的指标{hint}：豁免须写指标编号"),
    (r"(?P<id>.+) is a group, not a measure: waive its measures one by one", "{id} 是指标组，不是指标：请逐项豁免其指标"),
    (r"a veto \(一票否决\) cannot be waived: leave it out, or give its value", "一票否决项不能豁免：不填，或填报其数值"),
    (r"this measure cannot be waived \(the rubric says waivable: false\): give its value",
     "该指标不能豁免（评分标准写明 waivable: false）：请填报其数值"),
    (r"assessor (?P<a>.+?)'s part holds only ratings: a waiver is filed in the subject's or a unit's part",
     "评审员 {a} 的分表只填评分：豁免填在对象或单位的分表中"),
    (r"(?P<f>\w+) is for a waived measure: write waived \(不适用\) as its value, or leave this cell empty",
     "{f} 只用于豁免的指标：数值填 waived（不适用），或让该单元格留空"),
]
_CATALOGUE["duplicate"] += [
    (r"also given in (?P<there>.+?), with the same value", "在 {there} 中也填了，数值相同"),
    (r"also given in (?P<there>.+?): (?P<a>.+) here, (?P<b>.+) there; a measure is filed in one part of a submission",
     "在 {there} 中也填了：此处为 {a}，彼处为 {b}；一个指标只在一份分表中填报"),
    (r"also waived in (?P<there>.+?), with the same waiver", "在 {there} 中也豁免了，豁免内容相同"),
    (r"also waived in (?P<there>.+?), with another waiver: a measure is waived in one part of a submission",
     "在 {there} 中也豁免了，豁免内容不同：一个指标只在一份分表中豁免"),
]
_CATALOGUE["rubric-mismatch"] += [
    (r"names (?P<a>\S+), but another part of this submission \((?P<p>.+)\) names (?P<b>\S+): the parts of a "
     r"submission name one rubric version", "写明的是 {a}，而本提交的另一份分表（{p}）写明的是 {b}：同一提交的各分表须写同一评分标准版本"),
]
_CATALOGUE["waiver"] += [
    (r"unknown key (?P<k>.+?) in a waiver(?: \(did you mean (?P<hint>.+)\?\))?; expected: (?P<known>.+)",
     "豁免中有未知的键 {k}{hint}；可用的键：{known}"),
    (r"waiver (?P<key>\w+) should be (?P<what>.+) \((?P<why>[^()]*)\), got (?P<got>.+)",
     "豁免的 {key} 应为{what}（{why}），实为 {got}"),
    (r"(?P<shape>a waiver is .+), got (?P<got>.+)", "{shape}，实为 {got}"),
]
_CATALOGUE["schema"] = [(r"'waivers' should be a map of measure id: \{reason, approved_by, expires\}",
                         "'waivers' 应写成“指标编号: {{reason, approved_by, expires}}”的映射")]
_CATALOGUE["type"].append((r"ratings are for rating measures; this one is (?P<m>\w+)",
                           "ratings 只用于评分（rating）类指标；该指标是 {m}"))
_CATALOGUE["rubric-mismatch"].append(
    (r"names version (?P<v>\S+) of rubric (?P<r>'[^']*'), but the rubric is version (?P<have>\S+)",
     "写明的是评分标准 {r} 的 {v} 版，而该评分标准是 {have} 版"))
_WAIVER_WORDS = {
    "why the measure does not apply": "该指标为何不适用", "who approved the waiver": "谁批准了豁免",
    "the last day it holds, YYYY-MM-DD": "有效的最后一天，YYYY-MM-DD",
    "a date written YYYY-MM-DD, e.g. \"2026-12-31\"": "写成 YYYY-MM-DD 的日期，如 \"2026-12-31\"",
    "a non-empty text": "非空的文字",
    "a waiver is {reason: ..., approved_by: ..., expires: \"YYYY-MM-DD\"} (expires may be left out)":
        "豁免写成 {reason: ..., approved_by: ..., expires: \"YYYY-MM-DD\"}（expires 可不写）",
    "in a table, a waived row (value waived, 不适用) has the columns reason, approved_by and expires":
        "表格中豁免的行（数值填 waived 或 不适用）须有 reason、approved_by 和 expires 列",
}
"""The phrases engine.waivers fills into its messages (_WHAT, SHAPE, TABLE_SHAPE), in Chinese."""
_GRADE = [(r"--min-grade (?P<g>'[^']*'|\S+) is not a grade of (?P<r>\S+): type one of (?P<names>.+)",
           "--min-grade {g} 不是 {r} 的等级：请填以下之一：{names}"),
          (r"--min-grade (?P<g>'[^']*'|\S+) names several grades of (?P<r>\S+) \((?P<ids>[^)]*)\): type one of "
           r"(?P<names>.+)", "--min-grade {g} 同时对应 {r} 的几个等级（{ids}）：请填以下之一：{names}")]
"""Why --min-grade names no grade of a rubric (engine.gate.unknown_grade): a failure of one submission, or, for
every rubric checked, a usage error (their reasons joined by '; ')."""
_CATALOGUE["below-grade"] += [(_WHO + ": " + p, "{who}：" + t) for p, t in _GRADE]
_CATALOGUE["grade"] = _GRADE
_CATALOGUE["usage"].append((r"(?P<grades>--min-grade .+)", "{grades}"))
_CATALOGUE["policy.min_score"] = [(_WHO + r": total (?P<t>\S+) is below the policy's min_score (?P<min>\S+)" + _POLICY,
                                   "{who}：总分 {t} 低于策略要求的 {min} 分（策略 {policy}）")]
_CATALOGUE["policy.min_coverage"] = [
    (_WHO + r": coverage (?P<pct>\S+) \((?P<filed>\d+) of (?P<base>\d+) base measures with a value\) is below the "
     r"policy's min_coverage (?P<share>\S+)" + _POLICY,
     "{who}：填报率 {pct}（{base} 项基本指标中 {filed} 项有数值）低于策略要求的 {share}（策略 {policy}）")]
_CATALOGUE["policy.max_waivers"] = [
    (_WHO + r": (?P<n>\d+) measures waived \((?P<ids>[^)]*)\), more than the policy's max_waivers (?P<max>\d+)"
     + _POLICY, "{who}：豁免了 {n} 项指标（{ids}），超过策略允许的 {max} 项（策略 {policy}）")]
_CATALOGUE["policy.require"] = [
    (_WHO + r": required measure (?P<id>\S+) is waived" + _POLICY, "{who}：必填指标 {id} 被豁免（策略 {policy}）"),
    (_WHO + r": required measure (?P<id>\S+) is without a value" + _POLICY, "{who}：必填指标 {id} 没有数值（策略 {policy}）")]
_CATALOGUE["policy.groups"] = [
    (_WHO + r": group (?P<id>\S+) scored (?P<s>\S+) of (?P<max>\S+)(?P<none> \(every measure excluded\))?, below "
     r"the policy's min_score (?P<min>\S+)" + _POLICY, "{who}：指标组 {id} 得 {s} 分（满分 {max}）{none}，低于策略要求的 {min} 分"
     "（策略 {policy}）")]
_CATALOGUE["policy.min_grade"] = [
    (_WHO + r": grade (?P<label>.+) \((?P<id>[^()]+)\) is below the policy's min_grade (?P<goal>\S+)" + _POLICY,
     "{who}：等级为{label}，低于策略要求的等级 {goal}（策略 {policy}）")]
_KINDS_USAGE = {"rubric file": "评分标准文件", "rubrics folder": "评分标准文件夹", "file": "文件", "folder": "文件夹"}
_CATALOGUE["schema"] += [
    (r"unknown key (?P<k>'[^']*')(?: \(did you mean (?P<hint>.+)\?\))?; expected: (?P<known>.+)",
     "未知的键 {k}{hint}；可用的键：{known}"),
    (r"missing required key (?P<k>'[^']*')", "缺少必填的键 {k}"),
    (r"unknown key (?P<k>'[^']*') \(a value may have value, evidence and note\)",
     "未知的键 {k}（一项数值只能写 value、evidence 和 note）"),
    (r"(?P<k>'[^']*') should be a map of measure id: value", "{k} 应写成“指标编号: 数值”的映射"),
    (r"a submission must be a map with rubric, subject, period and values",
     "提交文件须是包含 rubric、subject、period 和 values 的映射"),
]
_CATALOGUE["schema"] += [  # the table readers' (engine.table_rows, engine.readers.long)
    (r"this row has no measure id", "这一行没有指标编号"),
    (r"this row has no subject", "这一行没有评估对象"),
    (r"this row has no period", "这一行没有期次"),
    (r"a second (?P<f>'[^']*') column \(the first is column (?P<n>\d+)\)", "又一个 {f} 列（第一个在第 {n} 列）"),
    (r"column (?P<c>'[^']*') is not read \(known columns: (?P<known>.+)\)", "列 {c} 不会读取（可识别的列：{known}）"),
    (r"a long table needs the columns (?P<need>.+?); missing (?P<miss>.+?), found: (?P<found>.+)",
     "长表须有 {need} 列；缺少 {miss}，现有：{found}"),
    (r"empty table: expected a header row with the columns (?P<cols>.+)", "空表：第一行应为表头，含 {cols} 列"),
    (r"the header row needs the columns measure and value \(or 指标 and 数值\); missing (?P<miss>.+?), found: (?P<found>.+)",
     "表头须有 measure 和 value 列（或 指标 和 数值）；缺少 {miss}，现有：{found}"),
]
_CATALOGUE["encoding"] = [
    (r"not UTF-8; read as GB18030 \(a Chinese Excel export\)\. Save as 'CSV UTF-8' to avoid surprises",
     "不是 UTF-8 编码，已按 GB18030（中文版 Excel 导出）读取；另存为“CSV UTF-8”可避免意外"),
    (r"neither UTF-8 nor GB18030 text(?P<rest>.*)", "既不是 UTF-8 也不是 GB18030 编码的文本{rest}"),
]
_CATALOGUE["csv"] = [(r"not a readable CSV row: (?P<why>.+)", "无法读取的 CSV 行：{why}")]
_CATALOGUE["xlsx"] = [(r"cannot read as an Excel workbook \(\.xlsx\): (?P<why>.+)", "无法作为 Excel 工作簿（.xlsx）读取：{why}"),
                      (r"cannot read the worksheet: (?P<why>.+)", "无法读取工作表：{why}")]
_CATALOGUE["yaml"] = [
    (r"duplicate key (?P<k>'[^']*'): first at line (?P<a>\d+), again at line (?P<b>\d+)",
     "键 {k} 重复：第 {a} 行已有，第 {b} 行又出现"),
    (r"(?P<v>'[^']*'): NaN and infinity are not allowed", "{v}：不允许 NaN 和无穷大"),
    (r"invalid YAML: control character (?P<c>U\+[0-9A-F]{4}) is not allowed in YAML text",
     "YAML 格式错误：YAML 文本中不允许控制字符 {c}"),
    (r"invalid YAML: (?P<why>.+)", "YAML 格式错误：{why}"),
]
CATALOGUE = {code: [(re.compile(p), t) for p, t in rules] for code, rules in _CATALOGUE.items()}
_KINDS = {"error": "错误", "errors": "错误", "warning": "警告", "warnings": "警告", "note": "说明", "notes": "说明",
          "file name": "文件名", "folder": "文件夹"}


def line(p) -> str:
    """The problem as FILE:LINE:COL: message, in Chinese where the catalogue has its words."""
    where = f"{p.id}: " if p.id else ""
    return f"{p.loc}: {LEVELS.get(p.level, '')}{where}{message(p.code, p.message)}"


def message(code: str, text: str) -> str:
    for pattern, template in CATALOGUE.get(code, ()):
        m = pattern.fullmatch(text)
        if m:
            return template.format(**{k: _part(k, v or "") for k, v in m.groupdict().items()})
    return text


def _part(name: str, value: str) -> str:
    if name == "notes":
        return f"（{'；'.join(_note(n) for n in value.split('; '))}）" if value else ""
    if name == "hint":
        return f"（是否应为 {value}？）" if value else ""
    if name == "at":
        return f"（数值在 {value}）" if value else ""
    if name == "grades":
        return "；".join(message("grade", part) for part in re.split(r"; (?=--min-grade )", value))
    if name == "share":
        return f"{float(value):.0%}"
    if name == "none":
        return "（各指标均被排除）" if value else ""
    if name == "owners":
        return value.replace(" (lead 牵头)", "（牵头）").replace(" (co-owner 配合)", "（配合）").replace(", ", "，")
    if name == "each":
        return "，".join(_each(part) for part in value.split(", "))
    if name in ("why", "shape"):
        return _WAIVER_WORDS.get(value, value)
    if name == "miss":
        return value.replace(" and ", " 和 ")
    return {**_KINDS, **_KINDS_USAGE, **_WAIVER_WORDS}.get(value, value) if name in ("what", "where") else value


def _note(note: str) -> str:
    for pattern, template in NOTES:
        m = pattern.fullmatch(note)
        if m:
            return template.format(*m.groups())
    return note


def _each(part: str) -> str:
    """'12 errors' -> '12 个错误'."""
    n, _, what = part.partition(" ")
    return f"{n} 个{_KINDS.get(what, what)}"
