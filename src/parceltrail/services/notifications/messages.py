"""Human messages (e-mail, Apprise) in the recipient's language, from `status.message` texts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parceltrail.services.notifications.unsubscribe import FOOTER
from parceltrail.status import base_lang as message_lang
from parceltrail.status import message, message_langs

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
    "it": {"late": "In ritardo, ora prevista entro il {eta}", "late_body": "Era prevista entro il {due}.",
           "parcel": "Spedizione", "track": "Segui la tua spedizione", "next": "Cosa fare",
           "stale": "Nessuna novità da {days} giorni",
           "stale_body": "Il corriere non ha comunicato nulla dal {since}.",
           "eta": "Nuova consegna prevista: {eta}", "digest": "Le tue spedizioni oggi", "was": "prima"},
    "pl": {"late": "Opóźniona, teraz spodziewana do {eta}", "late_body": "Miała dotrzeć do {due}.",
           "parcel": "Przesyłka", "track": "Śledź przesyłkę", "next": "Co zrobić",
           "stale": "Brak nowych informacji od {days} dni",
           "stale_body": "Przewoźnik nie przekazał żadnych informacji od {since}.",
           "eta": "Nowy przewidywany termin doręczenia: {eta}", "digest": "Twoje przesyłki dzisiaj",
           "was": "wcześniej"},
    "nl": {"late": "Vertraagd, nu verwacht uiterlijk {eta}",
           "late_body": "Het werd uiterlijk {due} verwacht.",
           "parcel": "Pakket", "track": "Volg uw pakket", "next": "Wat u kunt doen",
           "stale": "Al {days} dagen geen nieuws",
           "stale_body": "De vervoerder heeft sinds {since} niets gemeld.",
           "eta": "Nieuwe verwachte bezorging: {eta}", "digest": "Uw pakketten vandaag", "was": "eerder"},
    "cs": {"late": "Zpožděno, nyní očekáváno do {eta}", "late_body": "Mělo dorazit do {due}.",
           "parcel": "Zásilka", "track": "Sledovat zásilku", "next": "Co dělat",
           "stale": "Žádné novinky už {days} dní",
           "stale_body": "Dopravce od {since} nic nenahlásil.",
           "eta": "Nový předpokládaný termín doručení: {eta}", "digest": "Vaše zásilky dnes",
           "was": "dříve"},
    "uk": {"late": "Затримується, тепер очікується до {eta}", "late_body": "Очікувалася до {due}.",
           "parcel": "Посилка", "track": "Відстежити посилку", "next": "Що робити",
           "stale": "Немає новин {days} дн.", "stale_body": "Перевізник нічого не повідомляв з {since}.",
           "eta": "Нова очікувана дата доставки: {eta}", "digest": "Ваші посилки сьогодні",
           "was": "раніше"},
    "tr": {"late": "Gecikiyor, artık en geç {eta} bekleniyor", "late_body": "En geç {due} bekleniyordu.",
           "parcel": "Gönderi", "track": "Gönderinizi takip edin", "next": "Ne yapmalı",
           "stale": "{days} gündür yeni bilgi yok",
           "stale_body": "Kargo firması {since} tarihinden beri bilgi vermedi.",
           "eta": "Yeni tahmini teslimat: {eta}", "digest": "Bugünkü gönderileriniz", "was": "önceki"},
    "ko": {"late": "지연 중, 이제 {eta}까지 도착 예정",
           "late_body": "원래 {due}까지 도착 예정이었습니다.",
           "parcel": "소포", "track": "배송 조회하기", "next": "해야 할 일",
           "stale": "{days}일째 새 소식 없음",
           "stale_body": "택배사가 {since} 이후 아무 정보도 알리지 않았습니다.",
           "eta": "새 도착 예정일: {eta}", "digest": "오늘의 소포", "was": "이전"},
    "ja": {"late": "遅れています。現在の到着予定は{eta}までです",
           "late_body": "当初の予定は{due}まででした。",
           "parcel": "お荷物", "track": "お荷物を追跡する", "next": "次にすること",
           "stale": "{days}日間更新がありません",
           "stale_body": "配送業者から{since}以降、情報がありません。",
           "eta": "新しいお届け予定日：{eta}", "digest": "本日のお荷物", "was": "以前"},
    "he": {"late": "מתעכב, צפוי כעת עד {eta}", "late_body": "היה צפוי להגיע עד {due}.",
           "parcel": "חבילה", "track": "מעקב אחר החבילה", "next": "מה לעשות",
           "stale": "אין חדשות כבר {days} ימים", "stale_body": "חברת השילוח לא דיווחה דבר מאז {since}.",
           "eta": "מועד מסירה משוער חדש: {eta}", "digest": "החבילות שלכם היום", "was": "קודם"},
    "ar": {"late": "متأخر، ومن المتوقع الآن وصوله بحلول {eta}",
           "late_body": "كان من المتوقع وصوله بحلول {due}.",
           "parcel": "الطرد", "track": "تتبّع طردك", "next": "ما العمل",
           "stale": "لا جديد منذ {days} يومًا", "stale_body": "لم تُبلغ شركة الشحن بأي جديد منذ {since}.",
           "eta": "موعد التسليم المتوقع الجديد: {eta}", "digest": "طرودك اليوم", "was": "سابقًا"},
    "sv": {"late": "Försenat, väntas nu senast {eta}", "late_body": "Det skulle ha kommit senast {due}.",
           "parcel": "Paket", "track": "Spåra ditt paket", "next": "Vad du kan göra",
           "stale": "Inga nyheter på {days} dagar",
           "stale_body": "Transportören har inte rapporterat något sedan {since}.",
           "eta": "Ny beräknad leverans: {eta}", "digest": "Dina paket i dag", "was": "tidigare"},
    "da": {"late": "Forsinket, forventes nu senest {eta}", "late_body": "Den var ventet senest {due}.",
           "parcel": "Pakke", "track": "Følg din pakke", "next": "Hvad du skal gøre",
           "stale": "Ingen nyheder i {days} dage",
           "stale_body": "Fragtfirmaet har ikke meldt noget siden {since}.",
           "eta": "Ny forventet levering: {eta}", "digest": "Dine pakker i dag", "was": "tidligere"},
    "no": {"late": "Forsinket, ventes nå innen {eta}", "late_body": "Den var ventet innen {due}.",
           "parcel": "Pakke", "track": "Spor pakken din", "next": "Hva du gjør",
           "stale": "Ingen nyheter på {days} dager",
           "stale_body": "Transportøren har ikke meldt noe siden {since}.",
           "eta": "Ny forventet levering: {eta}", "digest": "Pakkene dine i dag", "was": "tidligere"},
    "fi": {"late": "Myöhässä, odotetaan nyt viimeistään {eta}",
           "late_body": "Sen piti saapua viimeistään {due}.",
           "parcel": "Lähetys", "track": "Seuraa lähetystäsi", "next": "Mitä tehdä",
           "stale": "Ei uutisia {days} päivään",
           "stale_body": "Kuljetusliike ei ole ilmoittanut mitään {since} jälkeen.",
           "eta": "Uusi arvioitu toimitus: {eta}", "digest": "Lähetyksesi tänään", "was": "aiemmin"},
    "ro": {"late": "Întârziat, acum estimat până pe {eta}", "late_body": "Era așteptat până pe {due}.",
           "parcel": "Colet", "track": "Urmăriți coletul", "next": "Ce aveți de făcut",
           "stale": "Nicio noutate de {days} zile",
           "stale_body": "Curierul nu a mai raportat nimic din {since}.",
           "eta": "Noua dată estimată de livrare: {eta}", "digest": "Coletele dumneavoastră de azi",
           "was": "înainte"},
    "hu": {"late": "Késik, most {eta}-ig várható",
           "late_body": "Eredetileg {due}-ig kellett volna megérkeznie.",
           "parcel": "Csomag", "track": "Csomag nyomon követése", "next": "Teendő",
           "stale": "{days} napja nincs új információ",
           "stale_body": "A futárszolgálat {since} óta nem jelentett semmit.",
           "eta": "Új várható kézbesítés: {eta}", "digest": "Az Ön mai csomagjai", "was": "korábban"},
    "el": {"late": "Καθυστερεί, αναμένεται πλέον έως {eta}", "late_body": "Αναμενόταν έως {due}.",
           "parcel": "Δέμα", "track": "Παρακολουθήστε το δέμα σας", "next": "Τι να κάνετε",
           "stale": "Καμία ενημέρωση εδώ και {days} ημέρες",
           "stale_body": "Η εταιρεία μεταφοράς δεν έχει αναφέρει τίποτα από {since}.",
           "eta": "Νέα εκτιμώμενη παράδοση: {eta}", "digest": "Τα δέματά σας σήμερα", "was": "πριν"},
}


def notification_langs() -> tuple[str, ...]:
    """Languages a notification is written in from end to end: the status texts, the words around
    them and the unsubscribe line. Only these are accepted for a subscription, so a recipient never
    gets an e-mail or a push that is half in English."""
    return tuple(lang for lang in message_langs() if lang in _WORDS and lang in FOOTER)


def base_lang(lang: str | None) -> str:
    base = message_lang(lang)
    return base if base in notification_langs() else "en"


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
