"""The test suite (a package, so tests/html/ never shadows the standard library's html module)."""
