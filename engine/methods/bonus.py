"""bonus: points added on top of the base tree (加分项)."""
from ._modifier import (  # noqa: F401
    EXPECTS, PARAMS, amount, check_params, column_amount, parse, value_schema)

NAME = "bonus"
KIND = "bonus"
CELL = "modifier"
"""How a table cell is read on the vectorised fast path: a whole number >= 0, or true/false."""


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._modifier import (  # noqa: E402,F401
    RANGED, RATINGS, WHOLE, describe, dropdown, in_words, example, param_warnings, schema_notes, template_hint,
)

SIGN = "+"
"""How its points show in a table: added ('+2')."""


TITLE = ("加分", "bonus")
"""Its name in `rubric show`'s tree, (zh, en)."""
