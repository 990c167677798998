"""The commands' own lines on the terminal (tallies, summaries, what was written), in Chinese and English.

Kept apart from engine.formats.words (the reports' words): validate and check print these, and must not
import the formats. ``say(key, lang, **fields)`` as words.word; English is exactly what the commands printed
before --lang reached them (tests pin it), so its plurals are filled in with ``s``.
"""
from __future__ import annotations
from ..lang import pick

from typing import Any, Optional

LINES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "warn": ("{n} 个警告：{about}：运行 scorecard validate 可逐条列出", "{n} warning(s): {about}: run scorecard "
             "validate to list them"),
    "warn_kind": ("{what}（{n}）", "{what} ({n})"),
    "rubric_unloadable": ("评分标准无法加载", "the rubric cannot be loaded"),
    "input_invalid": ("输入有误", "invalid input"),
    "problems": ("（{n} 个问题）", "({n} problem{s})"),
    "error": ("错误：", "error:"),
    "wrote": ("已写入 {path}", "wrote {path}"),
    "no_files": ("未找到提交文件", "no submission files found"),
    "invalid_of": ("{files} 份提交中有 {invalid} 份有误", "{invalid} of {files} submission(s) invalid"),
    "notes_hidden": ("另有 {n} 条说明未显示（数值如何读取、从文件路径取得了什么）：加 --verbose 列出",
                     "{n} note(s) not shown (how values were read, what was taken from the path): --verbose lists "
                     "them"),
    "files": ("{n} 个文件", "{n} file(s)"),
    "submissions_in": ("{files} 个文件中的 {n} 份提交", "{n} submission(s) in {files} file(s)"),
    "validated": ("已检查 {what}：{ok} 份有效，{bad} 份有误（{errors} 个错误，{warnings} 个警告）",
                  "{what} checked: {ok} valid, {bad} invalid ({errors} error(s), {warnings} warning(s))"),
    "more_of_kind": ("{file}: … 另有 {more} 个同类{level}未列出（{about}；共 {n} 个）：加 --all 全部列出",
                     "{file}: … {more} more {level}(s) of this kind not listed ({about}; {n} in all): --all lists "
                     "every one"),
    "level_warning": ("警告", "warning"),
    "level_error": ("错误", "error"),
    "nothing_to_check": ("未找到要检查的提交：什么都没有不算通过", "no submission found to check: nothing is never "
                         "a pass"),
    "nothing_how": ("（请给出提交文件或包含提交文件的文件夹）", " (give submission files or folders holding them)"),
    # init --owner all
    "init_unit": ("已写入 {path}  {unit} {name}：{n} 项指标（牵头 {lead} 项，配合 {co} 项）", "wrote {path}  {unit} {name}: {n} "
                  "measures ({lead} lead 牵头, {co} co-owner 配合)"),
    "init_units": ("共 {n} 个模板写入 {folder}，每个负责指标的单位一个", "{n} templates in {folder}, one per unit that owns a "
                   "measure"),
    "init_idle": ("；{idle} 不负责任何指标，没有模板", "; none for {idle} (they own none)"),
    # the progress bar
    "bar_scoring": ("评分", "scoring"),
    "bar_validating": ("校验", "validating"),
    "bar_reading": ("读取", "reading"),
    "bar_sensitivity": ("稳健性分析", "sensitivity"),
    # report: what was written
    "written": ("已写入 {n} 个文件到 {output}/", "wrote {n} files to {output}/"),
    "written_more": ("另有 {n} 份", "{n} more"),
    "col_subject": ("对象", "subject"),
    "col_period": ("期次", "period"),
    "col_total": ("总分", "total"),
    "col_grade": ("等级", "grade"),
    "col_files": ("文件", "files"),
    "kind_compare": ("排名比较", "compare"),
    "kind_index": ("总览页", "index"),
    # rubric show (lint keeps English: it has no --lang)
    "lint_ok": ("通过", "ok"),
    "lint_errors": ("{n} 个错误", "{n} error(s)"),
    "census": ("{groups} 个指标组，{measures} 项测评指标共 {worth} 分（分制 {scale}），{mods} 项加分/扣分/否决项，"
               "{units} 个责任单位", "{groups} groups, {measures} measures worth {worth} (scale {scale}), {mods} "
               "bonus/deduction/veto items, {units} units"),
    "census_extends": ("；扩展自 {parent}：新增 {added} 个节点，修改 {changed} 个", "; extends {parent}: {added} "
                       "nodes added, {changed} changed"),
    "tree_scale": ("  分制 {scale}", "  scale {scale}"),
    "tree_weight": ("权重 {weight}", "weight {weight}"),
    "tree_points": ("{points} 分", "{points} pts"),
    "measure_points": ("{points}分", "{points} pts"),  # unbroken: a measure's line wraps at 80 columns
    "legend": ("{added} 新增   {changed} 修改 — 由裁剪文件所改（本评分标准扩展自 ", "{added} added   {changed} "
               "changed — by tailoring (this rubric extends "),
    "legend_end": ("）", ")"),
}

WARNINGS: dict[str, tuple[str, str]] = {
    "approximate": ("约数（约/近/余/多）按所写数值计", "approximate values (约/近/余/多) taken as written"),
    "duplicate": ("同一数值在两份分表中都有填报", "the same value filed in two parts"),
    "schema": ("未读取的列或键", "columns or keys not read"),
    "rule": ("违反评分标准的数据校验规则", "rule"),
    "waiver": ("豁免写法有误", "waiver"),
    "waiver-expired": ("豁免已过期", "waiver-expired"),
    "path": ("与文件路径不一致", "path"),
    "encoding": ("文件编码", "encoding"),
    "empty": ("空行或空值", "empty"),
}
"""What the commonest warnings are about, in the one-line summary of a command that does not list them (in English
a kind without its own words is named by its code, as before)."""


def say(key: str, lang: Optional[str], **fields: Any) -> str:
    """The line in the language (English unless ``lang`` is zh)."""
    if lang != "zh":
        fields.setdefault("s", "" if fields.get("n") == 1 else "s")
    return pick(LINES[key], lang, **fields)


def warning_kind(code: str, lang: Optional[str]) -> str:
    return pick(WARNINGS.get(code, (code, code)), lang)
