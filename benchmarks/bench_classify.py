"""Throughput of parceltrail.status.classify, in texts per second on one core (CPU time).

Run: .venv/bin/python benchmarks/bench_classify.py [--count 100000]

Three workloads: distinct texts (every text new, so no result cache helps: the rules'
own speed), a realistic stream (the same few hundred phrasings repeated, as carriers
emit them) and, if present, the 814 texts of the shared evaluation corpus. The named
peer is the single combined lookahead regex per language (`first_match_reference`),
run on the same distinct texts; its ratio shows what the n-gram candidate index buys.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections.abc import Callable
from pathlib import Path

from parceltrail.status import classify
from parceltrail.status.classifier import _classify
from parceltrail.status.normalize import guess_lang, normalize
from parceltrail.status.rules import rule_set

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/carrier_events/carrier_events.tsv"

PHRASES = [
    "已揽收",
    "快件离开【深圳转运中心】，已发往【广州国际处理中心】",
    "到达【深圳转运中心】",
    "Shipment information received",
    "Departed from origin airport",
    "Arrived at destination country",
    "Customs clearance in progress",
    "Arrived at facility in MEMPHIS, TN",
    "Out for delivery",
    "Delivery attempted - no one home",
    "Available for pickup at MAIN STREET POST OFFICE",
    "Delivered, In/At Mailbox",
    "Objeto postado",
    "Objeto saiu para entrega ao destinatário",
    "Objeto entregue ao destinatário",
    "Admitido en oficina",
    "En reparto",
    "Entregado",
    "Прием",
    "Прибыло в место вручения, Москва 101000",
    "Неудачная попытка вручения: Временное отсутствие адресата",
    "Вручение адресату",
    "Votre colis est en cours d'acheminement",
    "Votre colis est livré",
    "Die Sendung wurde in das Zustellfahrzeug geladen",
    "Die Sendung wurde zugestellt",
    # Further languages: their texts take the same path (script or hint words, then rules).
    "Przesyłka doręczona",
    "Wydana do doręczenia",
    "Zending is bezorgd bij de buren",
    "In consegna",
    "Zásilka převzata do přepravy",
    "Kargonuz dağıtıma çıkarıldı",
    "Відправлення прибуло у відділення",
    "お届け先にお届け済み",
    "배송출발",
    "Försändelsen har levererats",
    "הפריט נמסר לנמען",
    "تم التسليم",
    "Παραδόθηκε",
]


def _rate(texts: list[str], fn: Callable[[str], object], clear: bool) -> float:
    if clear:
        _classify.cache_clear()
    start = time.process_time()
    for text in texts:
        fn(text)
    return len(texts) / (time.process_time() - start)


def _reference(text: str) -> object:
    norm = normalize(text)
    rules = rule_set(guess_lang(norm))
    return rules.first_match_reference(norm) if rules else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    distinct = [f"{PHRASES[i % len(PHRASES)]} {i}" for i in range(args.count)]
    stream = [f"{rng.choice(PHRASES)} {rng.randrange(300)}" for _ in range(args.count)]
    for phrase in PHRASES:  # load and compile every language's data files outside the timing
        classify(phrase)

    fast = _rate(distinct, classify, clear=True)
    print(f"distinct texts        {fast:>10,.0f} texts/s")
    print(f"realistic stream      {_rate(stream, classify, clear=True):>10,.0f} texts/s")
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8", newline="") as fh:
            corpus = [r["text"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
        cold = max(_rate(corpus, classify, clear=True) for _ in range(5))
        print(f"evaluation corpus     {cold:>10,.0f} texts/s (814 texts, cold cache, best of 5)")
    peer = _rate(distinct, _reference, clear=True)
    print(f"peer: combined regex  {peer:>10,.0f} texts/s (rules only, distinct texts)")
    print(f"ratio classify/peer   {fast / peer:>10.2f}x")


if __name__ == "__main__":
    main()
