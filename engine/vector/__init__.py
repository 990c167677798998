"""The vectorised executor: a matrix of subjects x measures scored at once (SPEC 3.2-3.4), with numpy.

The per-submission executor is engine.scoring (no numpy, so `scorecard check` stays light); both run the
same engine.plan.Plan.  values.py: the matrix (LongValues; from_submissions builds it from any submissions);
score.py: score_long on the plan; result.py: BatchResult; rounding.py: engine.results.r2 over arrays (it
hands every value near a tie to r2 itself).  Each method's column fraction is in its own module
(engine.methods.*.column / column_amount).  Importing this package imports nothing: its modules import numpy.
"""
