"""Whether a rubric document conforms to the meta-schema, without jsonschema (80 ms to import).

A yes/no Draft 7 check of the keywords rubric.schema.json uses, with jsonschema's semantics (``$ref``
hides its siblings, ``pattern`` is re.search, true is no number, 1.0 is an integer). Only its yes is
trusted: meta.check_meta then has nothing to report; a no, or a document or schema it cannot judge
(a value that is not plain JSON data, a keyword it does not know), goes to jsonschema, whose errors
make the messages. tests/test_cold_start_meta.py holds it to jsonschema's verdict.
"""
from __future__ import annotations

import re
from functools import lru_cache


class Unsure(Exception):
    """The schema or the document holds something this check does not judge."""


IGNORED = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples"})
_PLAIN = (str, int, float, bool, type(None), list, dict)


def conforms(schema: dict, instance) -> bool | None:
    """True when ``instance`` is valid against ``schema``, False when not, None when it cannot tell."""
    try:
        return _valid(schema, instance, schema)
    except (Unsure, RecursionError):
        return None


def _valid(schema, instance, root) -> bool:
    if schema is True or schema is False:
        return schema
    if type(instance) not in _PLAIN:
        raise Unsure(type(instance).__name__)
    for check, value in _plan(schema, root):
        if not check(value, instance, root, schema):
            return False
    return True


_PLANS: dict = {}
"""id(schema node) -> (the node, kept alive so that no other node takes its id; its plan): each node of the
schema read once, not at each value it checks."""
_MAX_PLANS = 10_000


def _plan(schema: dict, root) -> list:
    """The (check, value) pairs _valid applies for a schema node, in its keys' order: its keywords' checks,
    none for an annotation, one that is Unsure at a keyword not judged here (the keys after it are never
    reached); the target's own checks for a $ref, whose siblings Draft 7 ignores."""
    known = _PLANS.get(id(schema))
    if known is not None and known[0] is schema:
        return known[1]
    if "$ref" in schema:
        plan = [(_ref, _resolve(root, schema["$ref"]))]
    else:
        plan = []
        for key, value in schema.items():
            check = _KEYWORDS.get(key)
            if check is None:
                if key in IGNORED:
                    continue
                plan.append((_unsure, key))
                break
            plan.append((_TYPED.get(_type_names(value)) or check, value) if check is _type else (check, value))
    if len(_PLANS) >= _MAX_PLANS:  # schemas made on the fly (tests): the shipped one has a few hundred nodes
        _PLANS.clear()
    _PLANS[id(schema)] = (schema, plan)
    return plan


def _ref(target, instance, root, schema) -> bool:
    return _valid(target, instance, root)


def _unsure(key, instance, root, schema) -> bool:
    raise Unsure(key)


def _type_names(value):
    return value if isinstance(value, str) else None


def _resolve(root: dict, ref: str):
    if not ref.startswith("#/"):
        raise Unsure(ref)
    node = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _is_type(instance, name: str) -> bool:
    if name == "string":
        return isinstance(instance, str)
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if isinstance(instance, bool):
        return False
    if name == "number":
        return isinstance(instance, (int, float))
    if name == "integer":
        return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
    raise Unsure(name)


def _type(value, instance, root, schema) -> bool:
    return any(_is_type(instance, t) for t in (value if isinstance(value, list) else [value]))


_TYPED = {
    "string": lambda value, instance, root, schema: isinstance(instance, str),
    "object": lambda value, instance, root, schema: isinstance(instance, dict),
    "array": lambda value, instance, root, schema: isinstance(instance, list),
    "boolean": lambda value, instance, root, schema: isinstance(instance, bool),
    "null": lambda value, instance, root, schema: instance is None,
}
"""_type for one type name, _is_type's test for it inlined (number and integer, which look at bool first, and
a name _is_type does not know, stay with _type)."""


def _properties(value, instance, root, schema) -> bool:
    if not isinstance(instance, dict):
        return True
    return all(_valid(sub, instance[k], root) for k, sub in value.items() if k in instance)


def _additional(value, instance, root, schema) -> bool:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema:
        raise Unsure("patternProperties")
    known = schema.get("properties", {})
    return all(_valid(value, v, root) for k, v in instance.items() if k not in known)


def _required(value, instance, root, schema) -> bool:
    return not isinstance(instance, dict) or all(k in instance for k in value)


def _items(value, instance, root, schema) -> bool:
    if not isinstance(instance, list):
        return True
    if "additionalItems" in schema:
        raise Unsure("additionalItems")
    if isinstance(value, list):  # one schema a position; items past them are free
        return all(_valid(sub, item, root) for sub, item in zip(value, instance))
    return all(_valid(value, item, root) for item in instance)


def _enum(value, instance, root, schema) -> bool:
    if not all(isinstance(v, str) for v in value):
        raise Unsure("enum")  # jsonschema's equality of numbers, bools and containers is not copied here
    return isinstance(instance, str) and instance in value


def _pattern(value, instance, root, schema) -> bool:
    return not isinstance(instance, str) or _compiled(value).search(instance) is not None


@lru_cache(maxsize=None)
def _compiled(pattern: str):
    return re.compile(pattern)


def _number(test):
    def check(value, instance, root, schema) -> bool:
        return not _is_type(instance, "number") or test(instance, value)
    return check


def _sized(kind: str, test):
    def check(value, instance, root, schema) -> bool:
        return not _is_type(instance, kind) or test(len(instance), value)
    return check


def _property_names(value, instance, root, schema) -> bool:
    return not isinstance(instance, dict) or all(_valid(value, k, root) for k in instance)


def _if(value, instance, root, schema) -> bool:
    branch = schema.get("then", True) if _valid(value, instance, root) else schema.get("else", True)
    return _valid(branch, instance, root)


def _dependencies(value, instance, root, schema) -> bool:
    if not isinstance(instance, dict):
        return True
    for key, needs in value.items():
        if key not in instance:
            continue
        if isinstance(needs, list):
            if not all(n in instance for n in needs):
                return False
        elif not _valid(needs, instance, root):
            return False
    return True


def _any_of(value, instance, root, schema) -> bool:
    return any(_valid(sub, instance, root) for sub in value)


def _branch(value, instance, root, schema) -> bool:
    return True  # then/else: applied by if


_KEYWORDS = {
    "type": _type, "properties": _properties, "additionalProperties": _additional, "required": _required,
    "items": _items, "enum": _enum, "pattern": _pattern, "propertyNames": _property_names, "if": _if,
    "then": _branch, "else": _branch, "dependencies": _dependencies, "anyOf": _any_of, "definitions": _branch,
    "minimum": _number(lambda x, v: x >= v), "maximum": _number(lambda x, v: x <= v),
    "exclusiveMinimum": _number(lambda x, v: x > v), "exclusiveMaximum": _number(lambda x, v: x < v),
    "minItems": _sized("array", lambda n, v: n >= v), "maxItems": _sized("array", lambda n, v: n <= v),
    "minLength": _sized("string", lambda n, v: n >= v), "maxLength": _sized("string", lambda n, v: n <= v),
    "minProperties": _sized("object", lambda n, v: n >= v), "maxProperties": _sized("object", lambda n, v: n <= v),
}
