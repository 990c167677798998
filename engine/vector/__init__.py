"""The vectorised executor: a matrix of subjects x measures scored at once (SPEC 3.2-3.4), with numpy.

The per-submission executor is engine.scoring (no numpy, so `scorecard check` stays light); both follow
the same statement of the rules.  Importing this package imports nothing: its modules import numpy.
"""
