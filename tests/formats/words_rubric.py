"""A small rubric that reaches every method with the values a reader must never see raw: a choice with labelled
options, true/false, a 万元 target of 10000 (1亿元), a negative value, a deduction that fired and a bonus given as
true; two subjects, one with nothing deducted."""

RUBRIC = """\
rubric: words
version: "1"
title: {zh: 显示测评, en: Display check}
scale: 70
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 90}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
units:
  czj: {zh: 市财政局, en: Finance Bureau}
  tjj: {zh: 市统计局, en: Statistics Bureau}
tree:
  - id: A
    label: {zh: 组织保障, en: Organisation}
    children:
      - {id: A.M1, label: {zh: 成立领导小组, en: Leading group}, method: check, points: 10, owners: [tjj]}
      - id: A.M2
        label: {zh: 平安建设等次, en: Peace-building grade}
        method: choice
        points: 10
        options: {national_model: 1, provincial_pass: 0.6, none_reached: 0}
        labels:
          national_model: {zh: 全国示范市, en: National model city}
          provincial_pass: {zh: 省级平安市, en: Provincial peace city}
          none_reached: {zh: 未达标, en: Not reached}
        owners: [tjj]
      - id: A.M3
        label: {zh: 帮扶资金, en: Assistance funds}
        method: bands
        bands: [{at: 10000, score: 1}, {at: 1000, score: 0.5}]
        points: 10
        unit: 万元
        min: 0
        owners: [czj]
      - {id: A.M4, label: {zh: 经济增速, en: Growth rate}, method: linear, floor: -5, target: 5, points: 10,
         unit: "%", min: -20, max: 30, owners: [czj, tjj]}
      - {id: A.M5, label: {zh: 城乡收入比, en: Income ratio}, method: threshold, target: 2, direction: lower,
         points: 10, unit: 倍, owners: [tjj]}
      - {id: A.M6, label: {zh: 示范单位, en: Model units}, method: count, per: 2, points: 10, unit: 个, owners: [czj]}
      - {id: A.M7, label: {zh: 群众评议, en: Public rating}, method: rating, scale: [0, 5], points: 10, owners: [tjj]}
  - id: X
    label: {zh: 加减分, en: Adjustments}
    children:
      - {id: X.B1, label: {zh: 获表彰, en: Commended}, method: bonus, per: 1, cap: 2, owners: [tjj]}
      - {id: X.D1, label: {zh: 被通报, en: Reprimanded}, method: deduction, per: 2, cap: 4, owners: [tjj]}
      - {id: X.V1, label: {zh: 重大事件, en: Major incident}, method: veto, owners: [tjj]}
"""

FIRED = """\
rubric: words@1
subject: {id: alpha, name: 甲市}
period: 2024
values:
  A.M1: false
  A.M2: provincial_pass
  A.M3: 500
  A.M4: -2.5
  A.M5: 2.5
  A.M6: 3
  A.M7: [3, 4, 4]
  X.B1: true
  X.D1: 1
  X.V1: false
"""
"""A choice short of its best option, false for a check, 500 万元 (short of 1000 and 10000), a negative growth,
a bonus given as true, a deduction of 2 points and a veto not triggered."""

CLEAN = """\
rubric: words@1
subject: {id: beta, name: 乙市}
period: 2024
values:
  A.M1: true
  A.M2: national_model
  A.M3: 12000
  X.D1: 0
"""
"""Nothing deducted, a check done, the best option and 1.2亿元."""

VETOED = """\
rubric: words@1
subject: {id: gamma, name: 丙市}
period: 2024
values:
  A.M1: true
  X.V1: true
"""
"""A veto that fired."""

OPTION_KEYS = ("national_model", "provincial_pass", "none_reached")
