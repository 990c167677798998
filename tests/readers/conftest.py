"""The long-table tests' fixtures (rubric: the every-method demo rubric; table: a writer of long tables),
shared with tests/batch."""
from tests.batch.conftest import rubric, table  # noqa: F401
