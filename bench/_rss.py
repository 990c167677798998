"""Run the scorecard CLI in this process and print its peak memory (with its worker processes) to stderr.

    python bench/_rss.py score DIR -f json -o out.json
"""
import atexit
import resource
import sys


def _report() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK_RSS_KB {max(own, kids)}", file=sys.stderr)


atexit.register(_report)
from engine.cli import main  # noqa: E402

sys.argv = ["scorecard", *sys.argv[1:]]
main()
