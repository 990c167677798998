"""The rank-interval chart of the HTML index, on the hand-made league of conftest.py."""
from __future__ import annotations

import re


def test_index_draws_each_ranked_subjects_rank_band(files):
    from engine.cli.common import run
    from engine.html.index import render

    cards = [o.card for o in run(["subs"], None, "rubrics") if o.scored]
    html = render(cards, ["r.html"] * len(cards), "en")
    chart = html[html.index("<h3>Rank intervals"):]
    chart = chart[:chart.index("</svg>")]
    rows = re.findall(r"<g><title>(.*?)</title>.*?<tspan [^>]*>([^<]*)</tspan></text></g>", chart)
    # s3 always first, s1 and s4 always tied second (equal values), s2 always fourth; s5 is unranked
    assert rows == [("市s3", "1 (1–1)"), ("市s1", "2 (2–2)"), ("市s4", "2 (2–2)"), ("市s2", "4 (4–4)")]
    # the axis holds the 4 ranks: s2's band covers the last quarter of the 817 px span that starts at x=47
    assert 'x="659.8" y="109.5" width="204.2"' in chart
