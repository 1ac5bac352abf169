"""Unsubscribe links: every e-mail names a link that ends its subscription without signing in.

The token is the subscription's id and an HMAC of it keyed by the subscription's own random secret, so
nothing new is stored, it cannot be guessed, and it dies with the subscription. The footer under every
e-mail is in the subscription's language.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from parceltrail.domain.notifications import Subscription
from parceltrail.services.ports import UnitOfWork

PATH = "/notify/unsubscribe/"
_TOKEN = re.compile(r"^(\d{1,10})\.([0-9a-f]{32})$")

# The line under every e-mail, per message language (as `services.notifications.messages`).
FOOTER = {
    "en": "To stop these e-mails, open: {link}",
    "de": "Um diese E-Mails abzubestellen, öffnen Sie: {link}",
    "fr": "Pour ne plus recevoir ces e-mails, ouvrez : {link}",
    "es": "Para dejar de recibir estos correos, abra: {link}",
    "pt": "Para deixar de receber estes e-mails, abra: {link}",
    "ru": "Чтобы отписаться от этих писем, откройте: {link}",
    "zh": "如需退订这些邮件，请打开：{link}",
    "it": "Per non ricevere più queste e-mail, apri: {link}",
    "pl": "Aby zrezygnować z tych wiadomości, otwórz: {link}",
    "nl": "Wilt u deze e-mails niet meer ontvangen, open dan: {link}",
    "cs": "Chcete-li tyto e-maily přestat dostávat, otevřete: {link}",
    "uk": "Щоб відписатися від цих листів, відкрийте: {link}",
    "tr": "Bu e-postaları artık almamak için açın: {link}",
    "ko": "이 이메일 수신을 중단하려면 여세요: {link}",
    "ja": "これらのメールの配信を停止するには、次を開いてください：{link}",
    "he": "כדי להפסיק לקבל הודעות אלה, פתחו: {link}",
    "ar": "لإيقاف هذه الرسائل، افتح: {link}",
    "sv": "Öppna denna länk för att sluta få de här e-postmeddelandena: {link}",
    "da": "Åbn dette link for at stoppe disse e-mails: {link}",
    "no": "Åpne denne lenken for å slutte å få disse e-postene: {link}",
    "fi": "Voit lopettaa näiden sähköpostien tilauksen avaamalla: {link}",
    "ro": "Pentru a nu mai primi aceste e-mailuri, deschideți: {link}",
    "hu": "Ha nem szeretne több ilyen e-mailt kapni, nyissa meg: {link}",
    "el": "Για να μη λαμβάνετε πλέον αυτά τα e-mail, ανοίξτε: {link}",
}


def token_for(subscription: Subscription) -> str:
    mac = hmac.new(subscription.secret.encode("utf-8"), f"unsubscribe:{subscription.id}".encode(),
                   hashlib.sha256).hexdigest()[:32]
    return f"{subscription.id}.{mac}"


def link_for(subscription: Subscription, public_url: str) -> str:
    return f"{public_url.rstrip('/')}{PATH}{token_for(subscription)}"


def footer(subscription: Subscription, public_url: str, lang: str | None) -> str:
    base = (lang or "en").replace("_", "-").split("-", 1)[0].lower()
    return FOOTER.get(base, FOOTER["en"]).format(link=link_for(subscription, public_url))


def find(uow: UnitOfWork, token: str) -> Subscription | None:
    """The subscription an unsubscribe token stands for (None when unknown, forged or already gone)."""
    found = _TOKEN.match(token[:64])
    if not found or not 0 < int(found.group(1)) < 2**31:
        return None
    subscription = uow.notifications.subscription(int(found.group(1)))
    if subscription is None or not hmac.compare_digest(token_for(subscription), token[:64]):
        return None
    return subscription


def unsubscribe(uow: UnitOfWork, token: str) -> Subscription | None:
    """End the subscription of a valid token, in the caller's transaction; the one ended, or None."""
    subscription = find(uow, token)
    if subscription is None:
        return None
    uow.notifications.delete_subscription(subscription.id)
    return subscription
