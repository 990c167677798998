"""The vectorised reading and validation of a long table (subject, period, measure, value), with pandas:
read.py (every cell as text), validate.py (located problems, the clean values), checks.py, cells.py and
waived.py (the waivers, SPEC 9).

Only engine.readers.long_table imports this package, and only when a long table is read: pandas and
numpy are never imported for a one-submission file.
"""
