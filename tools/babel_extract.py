"""pybabel extraction methods for the page texts (`babel.cfg`, `make messages`).

The pages ask for texts by key: `t("card.eta")` and `loc.plural("unit.days", n)` in templates and Python.
`page_calls` finds those calls in Jinja templates, where Jinja's own extractor only sees plain function
names (`t(...)`), not methods (`loc.plural(...)`). Many keys are built at run time (`f"step.{key}"`, error
codes), so no extractor can see them: `catalog_keys` lists the English catalog's keys as well, which keeps
`pybabel update` from dropping them and puts keys new in the code into every language.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.pofile import read_po
from jinja2 import Environment, nodes

Extracted = tuple[int, str | None, tuple[str | None, ...], list[str]]


def page_calls(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
               options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Calls of a keyword function or method (`t(...)`, `loc.t(...)`, `loc.plural(...)`) in a template;
    arguments that are not string literals are None, so Babel skips calls whose key is computed."""
    source = fileobj.read().decode(str(options.get("encoding", "utf-8")))
    tree = Environment(autoescape=True).parse(source)
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name):
            name = call.node.name
        elif isinstance(call.node, nodes.Getattr):
            name = call.node.attr
        else:
            continue
        if name not in keywords:
            continue
        strings = tuple(arg.value if isinstance(arg, nodes.Const) and isinstance(arg.value, str) else None
                        for arg in call.args)
        yield call.lineno, name, strings, []


def catalog_keys(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                 options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Every key of a .po catalog, plural entries through the `plural` keyword (`plural:1,1`), so the
    template keeps them plural."""
    singular = options.get("singular", "t")
    plural = options.get("plural", "plural")
    for message in read_po(fileobj):
        if not message.id:
            continue
        if message.pluralizable:
            yield message.lineno or 0, plural if plural in keywords else None, tuple(message.id), []
        else:
            yield message.lineno or 0, singular if singular in keywords else None, (message.id,), []
