"""Small rubrics for the gap and compare tests, with their points of the total worked out by hand."""

# A weighted rubric: group A has weight 60 over children worth 10 + 20, group B weight 40 over 5 + 5 + 10.
# Points of the total at full marks: A.M1 = 60 * 10/30 = 20, A.M2 = 60 * 20/30 = 40,
# B.M1 = 40 * 5/20 = 10, B.M2 = 10, B.M3 = 40 * 10/20 = 20.
TOWN = """\
rubric: town
version: "1"
title: {zh: 城镇测评, en: Town assessment}
grades:
  - {id: a, label: {zh: 优秀, en: Excellent}, min: 90}
  - {id: b, label: {zh: 良好, en: Good}, min: 80}
  - {id: c, label: {zh: 合格, en: Pass}, min: 60}
  - {id: f, label: {zh: 不合格, en: Fail}, min: 0}
units:
  mzw: {zh: 市民族宗教事务委员会, en: Ethnic Affairs Commission}
  tjj: {zh: 市统计局, en: Statistics Bureau}
  jyj: {zh: 市教育局, en: Education Bureau}
tree:
  - id: A
    label: {zh: 组织领导, en: Leadership}
    weight: 60
    children:
      - {id: A.M1, label: {zh: 领导小组, en: Leading group}, method: check, points: 10, owners: [mzw, tjj],
         evidence: required}
      - {id: A.M2, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 20, unit: "%",
         owners: [tjj, mzw]}
  - id: B
    label: {zh: 民生, en: Welfare}
    weight: 40
    children:
      - id: B.M1
        label: {zh: 教育基地, en: Education bases}
        method: bands
        bands: [{at: 10, score: 1}, {at: 5, score: 0.6}, {at: 3, score: 0.3}]
        points: 5
        unit: 个
        owners: [jyj]
      - {id: B.M2, label: {zh: 满意度, en: Satisfaction}, method: threshold, target: 90, points: 5, unit: "%",
         owners: [jyj, mzw]}
      - {id: B.M3, label: {zh: 平安建设, en: Safety rating}, method: choice, options: {gold: 1, silver: 0.5, none: 0},
         points: 10, owners: [mzw]}
  - id: V
    label: {zh: 否决与加分, en: Veto and bonus}
    children:
      - {id: V.M1, label: {zh: 重大事件, en: Major incident}, method: veto}
      - {id: V.M2, label: {zh: 创新加分, en: Innovation bonus}, method: bonus, per: 1, cap: 3}
"""


def town_sub(subject="jc", name="金昌市", period=2024, **values) -> str:
    """A submission for TOWN; values given as A_M1=True etc. (None leaves the measure out)."""
    lines = ["rubric: town@1", f"subject: {{id: {subject}, name: {name}}}", f"period: {period}", "values:"]
    for key, v in values.items():
        if v is None:
            continue
        text = "true" if v is True else "false" if v is False else v
        lines.append(f"  {key.replace('_', '.')}: {text}")
    return "\n".join(lines) + "\n"


# A.M1 requires evidence (validation refuses it without).
DONE = "{value: true, evidence: [市委办〔2024〕1号]}"
NOT_DONE = "{value: false, evidence: [自查报告]}"

# total 66 (grade c): A.M1 true, A.M2 80 -> 0.75, B.M1 6 -> 0.6, B.M2 missing, B.M3 silver -> 0.5
# base = 20 + 0.75 * 40 + 0.6 * 10 + 0 + 0.5 * 20 = 66.
TOWN_66 = dict(A_M1=DONE, A_M2=80, B_M1=6, B_M3="silver")
