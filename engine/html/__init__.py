"""Self-contained HTML reports: one page per scorecard (card) and an index of all of them (index).

Pure: scorecards in, markup out; inline SVG charts, one inline script allowed by its hash, nothing loaded
from the network.  The CLI writes the pages (`scorecard report`, `scorecard score --format html`).
"""
