"""Human messages (e-mail, Apprise) in the recipient's language, from `status.message` texts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parceltrail.status import message

# The few words around the status texts, per language (the status texts themselves are `status.message`).
_WORDS: dict[str, dict[str, str]] = {
    "en": {"late": "Running late, now expected by {eta}", "late_body": "It was due by {due}.",
           "parcel": "Parcel", "track": "Track your parcel", "next": "What to do",
           "stale": "No news for {days} days",
           "stale_body": "The carrier has reported nothing since {since}.",
           "eta": "New estimated delivery: {eta}", "digest": "Your parcels today", "was": "before"},
    "de": {"late": "Verspätet, jetzt erwartet bis {eta}", "late_body": "Sie war bis {due} fällig.",
           "parcel": "Sendung", "track": "Sendung verfolgen", "next": "Was zu tun ist",
           "stale": "Seit {days} Tagen keine Neuigkeiten",
           "stale_body": "Der Paketdienst hat seit {since} nichts gemeldet.",
           "eta": "Neue voraussichtliche Zustellung: {eta}", "digest": "Ihre Sendungen heute",
           "was": "vorher"},
    "fr": {"late": "En retard, attendu désormais d'ici le {eta}",
           "late_body": "Il était attendu pour le {due}.",
           "parcel": "Colis", "track": "Suivre votre colis", "next": "Que faire",
           "stale": "Aucune nouvelle depuis {days} jours",
           "stale_body": "Le transporteur n'a rien signalé depuis le {since}.",
           "eta": "Nouvelle date de livraison estimée : {eta}", "digest": "Vos colis aujourd'hui",
           "was": "avant"},
    "es": {"late": "Con retraso, ahora se espera antes del {eta}",
           "late_body": "Se esperaba antes del {due}.",
           "parcel": "Paquete", "track": "Seguir su paquete", "next": "Qué hacer",
           "stale": "Sin novedades desde hace {days} días",
           "stale_body": "El transportista no ha informado nada desde el {since}.",
           "eta": "Nueva entrega estimada: {eta}", "digest": "Sus paquetes hoy", "was": "antes"},
    "pt": {"late": "Atrasada, agora prevista até {eta}", "late_body": "Era esperada até {due}.",
           "parcel": "Encomenda", "track": "Acompanhar sua encomenda", "next": "O que fazer",
           "stale": "Sem novidades há {days} dias",
           "stale_body": "A transportadora não informou nada desde {since}.",
           "eta": "Nova previsão de entrega: {eta}", "digest": "Suas encomendas hoje", "was": "antes"},
    "ru": {"late": "Задерживается, теперь ожидается до {eta}", "late_body": "Ожидалась до {due}.",
           "parcel": "Посылка", "track": "Отследить посылку", "next": "Что делать",
           "stale": "Нет новостей {days} дн.", "stale_body": "Перевозчик ничего не сообщал с {since}.",
           "eta": "Новая ожидаемая дата доставки: {eta}", "digest": "Ваши посылки сегодня", "was": "ранее"},
    "zh": {"late": "已延误，现预计 {eta} 前送达", "late_body": "原定 {due} 前送达。",
           "parcel": "包裹", "track": "跟踪您的包裹", "next": "下一步", "stale": "{days} 天没有更新",
           "stale_body": "承运商自 {since} 起没有任何更新。", "eta": "新的预计送达日期：{eta}",
           "digest": "您今天的包裹", "was": "之前"},
}


def base_lang(lang: str | None) -> str:
    base = (lang or "en").replace("_", "-").split("-", 1)[0].lower()
    return base if base in _WORDS else "en"


@dataclass(frozen=True, slots=True)
class Text:
    subject: str
    body: str


def _status_lines(subtag: str | None, lang: str) -> tuple[str, list[str]]:
    if not subtag:
        return "", []
    try:
        msg = message(subtag, lang)
    except ValueError:
        return subtag, []
    return msg.title, [msg.meaning, f"{_WORDS[lang]['next']}: {msg.next_step}"]


def render(payload: dict[str, Any], lang: str | None) -> Text:
    """Subject and plain-text body of one notification (or of a digest) in `lang` (default English)."""
    lang = base_lang(lang)
    words = _WORDS[lang]
    if payload.get("kind") == "digest":
        lines = [words["digest"], ""]
        for item in payload.get("items", []):
            one = render(item, lang)
            lines += [f"* {one.subject}", *("  " + line for line in one.body.splitlines() if line), ""]
        return Text(words["digest"], "\n".join(lines).rstrip() + "\n")
    number = payload.get("tracking_number", "")
    title = payload.get("title") or number
    kind = payload.get("kind")
    if kind == "not_updated":
        headline = words["stale"].format(days=payload.get("stale_days", "?"))
        body = [words["stale_body"].format(since=str(payload.get("stale_since", ""))[:10])]
    elif kind == "late":
        headline = words["late"].format(eta=payload.get("eta") or "?")
        body = [words["late_body"].format(due=payload.get("was_due") or "-")]
    elif kind == "eta_changed":
        headline = words["eta"].format(eta=payload.get("eta", "?"))
        body = [f"{words['was']}: {payload.get('previous_eta') or '-'}"]
    else:
        headline, body = _status_lines(payload.get("subtag"), lang)
        latest = payload.get("latest_event")
        if latest:
            body = [*body, "", f"{str(latest.get('occurred_at', ''))[:16].replace('T', ' ')}  "
                    f"{latest.get('location') or ''}  {latest.get('text', '')}".strip()]
    lines = [f"{words['parcel']} {number}: {headline}", "", *body, "",
             f"{words['track']}: {payload.get('link')}"]
    return Text(f"{title}: {headline}", "\n".join(lines) + "\n")
