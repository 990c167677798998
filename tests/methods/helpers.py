from engine import methods
from engine.model import Label, Measure


def measure(method: str, points: float = 1, unit: str = "", **params) -> Measure:
    """A Measure built the way the rubric builder builds one (defaults filled in)."""
    module = methods.get(method)
    full = {k: params.get(k, d) for k, d in module.PARAMS.items() if k in params or d is not methods.REQUIRED}
    return Measure("M1", Label.of("m"), method, points if module.KIND == "base" else 0.0, full, unit=unit)


def frac(m: Measure, raw) -> float:
    """Parse a raw value the way a submission is read, then take the method's fraction."""
    module = methods.get(m.method)
    return module.fraction(m, module.parse(m, raw).value)
