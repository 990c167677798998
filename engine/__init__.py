"""Scorecard engine: declarative rubrics, strict validation, scoring and gap reports."""

__version__ = "0.1.0"
