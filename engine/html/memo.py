"""Texts made once per run from a rubric's objects and small values (a long table's thousands of reports repeat
the same labels, targets, owners, values and scores).

A Memo remembers make(*held, *values) by the identities of the ``held`` objects (a measure, a rubric: often not
hashable, and hashing them would cost more than the text) and by the values with their types (1, 1.0 and True
are equal keys otherwise, and print differently). The held objects are kept with the text, so while a key is
remembered no other object can have its ids. A value that cannot be a key (a list of ratings) is made each time.
"""
from __future__ import annotations

from typing import Callable


class Memo:
    def __init__(self, make: Callable[..., str], size: int = 1 << 16):
        self._make, self._size, self._seen = make, size, {}

    def __call__(self, held: tuple, *values) -> str:
        try:
            key = (*map(id, held), *values, *map(type, values))
            hit = self._seen.get(key)
        except TypeError:
            return self._make(*held, *values)
        if hit is None:
            if len(self._seen) >= self._size:
                self._seen.clear()
            hit = self._seen[key] = (held, self._make(*held, *values))
        return hit[1]

    def clear(self) -> None:
        self._seen.clear()
