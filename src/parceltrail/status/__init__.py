"""Carrier event understanding: canonical statuses, messages and a multilingual classifier.

Pure Python: imports nothing else from parceltrail and reads only its own packaged data
(`rules/`, `codes/`, `messages/`).
"""

from parceltrail.status.classifier import UNCLASSIFIED_RULE, Classification, classify
from parceltrail.status.messages import Message, base_lang, message, message_lang, message_langs
from parceltrail.status.taxonomy import (
    PROGRESS_STEPS,
    SUBTAGS,
    CustomsState,
    Subtag,
    SubtagInfo,
    Tag,
    customs_state,
    default_subtag,
    from_17track,
    is_customs,
    is_terminal,
    progress_rank,
    subtag_info,
    subtags_of,
    tag_of,
    to_17track,
)

__all__ = [
    "PROGRESS_STEPS",
    "SUBTAGS",
    "UNCLASSIFIED_RULE",
    "Classification",
    "CustomsState",
    "Message",
    "Subtag",
    "SubtagInfo",
    "Tag",
    "base_lang",
    "classify",
    "customs_state",
    "default_subtag",
    "from_17track",
    "is_customs",
    "is_terminal",
    "message",
    "message_lang",
    "message_langs",
    "progress_rank",
    "subtag_info",
    "subtags_of",
    "tag_of",
    "to_17track",
]
