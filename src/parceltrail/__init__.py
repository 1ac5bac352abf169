"""parceltrail: self-hostable tracking for label tracking numbers."""

__version__ = "0.1.0"
