"""Recognize label tracking numbers: normalize, detect, suggest, extract and issue.

Pure Python; the formats live as data in ``parceltrail/numbers/formats/*.toml``.
"""

from parceltrail.numbers.detect import (
    Candidate,
    carrier_name,
    carriers,
    detect,
    detect_best,
    is_known_carrier,
    precompile,
)
from parceltrail.numbers.extract import ExtractedNumber, extract, extract_from_email
from parceltrail.numbers.issue import IssueError, issue_range, issue_s10, sandbox_number
from parceltrail.numbers.normalize import InvalidNumberError, normalize
from parceltrail.numbers.suggest import Suggestion, passes_check, suggest

__all__ = [
    "Candidate",
    "ExtractedNumber",
    "InvalidNumberError",
    "IssueError",
    "Suggestion",
    "carrier_name",
    "carriers",
    "detect",
    "detect_best",
    "extract",
    "extract_from_email",
    "is_known_carrier",
    "issue_range",
    "issue_s10",
    "normalize",
    "passes_check",
    "precompile",
    "sandbox_number",
    "suggest",
]
