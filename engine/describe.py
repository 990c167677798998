"""A measure's method and parameters in a few words (for trees, templates and schema hovers).

Each method says it itself (engine/methods/<name>.py: describe); this is the one door the renderers use.
"""
from __future__ import annotations

from . import methods
from .model import Measure


def describe(m: Measure) -> str:
    """The method and its parameters in a few words: 'linear 60→100%', 'bonus 1/item cap 5'."""
    return methods.get(m.method).describe(m)
