"""Where notifications may go: webhook URLs that do not point into the operator's own network, and the
public tracking link put into every message."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import apprise

from parceltrail.domain.emails import AddressError, normalize_address
from parceltrail.domain.errors import InputError
from parceltrail.domain.network import refusal
from parceltrail.settings import NotifySettings

MAX_URL_LENGTH = 2000


class UnsafeUrlError(InputError):
    code = "unsafe_url"


class InvalidUrlError(InputError):
    code = "invalid_url"


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """What the operator allows as notification targets (PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE,
    PARCELTRAIL_WEBHOOK_ALLOW_HTTP, PARCELTRAIL_APPRISE_EXTRA_SCHEMES)."""

    allow_private: bool = False
    allow_http: bool | None = None  # None: follows allow_private (plain-HTTP receivers are the LAN case)
    extra_schemes: frozenset[str] = field(default_factory=frozenset)
    egress_allow: frozenset[str] = field(default_factory=frozenset)  # exact "ip:port" allowed though private

    @property
    def http_allowed(self) -> bool:
        return self.allow_private if self.allow_http is None else self.allow_http


def _policy(allow_private: bool, targets: TargetPolicy | None) -> TargetPolicy:
    return targets if targets is not None else TargetPolicy(allow_private=allow_private)


def tracking_link(public_url: str, number: str) -> str:
    return f"{public_url.rstrip('/')}/track/{quote(number, safe='')}"


def parse_http_url(url: str) -> tuple[str, int]:
    """(host, port) of an http(s) URL; InvalidUrlError otherwise."""
    if len(url) > MAX_URL_LENGTH or any(ch.isspace() or not ch.isprintable() for ch in url):
        raise InvalidUrlError("the URL is too long or contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InvalidUrlError(f"not a valid URL: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidUrlError("a webhook URL must be http:// or https:// with a host")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def check_host(host: str, port: int, *, allow_private: bool, allowed: frozenset[str] = frozenset()) -> None:
    """Resolve `host` and refuse it when any of its addresses is private, loopback, link-local or otherwise
    not public (unless the operator allows that). UnsafeUrlError when refused or unresolvable."""
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeUrlError(f"the host {host!r} does not resolve") from None
    addresses = {str(info[4][0]) for info in infos}
    if not addresses:
        raise UnsafeUrlError(f"the host {host!r} does not resolve")
    for address in sorted(addresses):
        endpoint = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        reason = None if endpoint in allowed else refusal(address)
        if reason is not None:
            raise UnsafeUrlError(
                f"the host {host!r} resolves to {address} ({reason}), not a public address; "
                "set PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE=1 to allow such targets")


def check_webhook_url(url: str, *, allow_private: bool = False, targets: TargetPolicy | None = None) -> None:
    policy = _policy(allow_private, targets)
    host, port = parse_http_url(url)
    # Where it points is the graver fault, so it is the one reported when both apply.
    check_host(host, port, allow_private=policy.allow_private, allowed=policy.egress_allow)
    if urlsplit(url).scheme == "http" and not policy.http_allowed:
        raise UnsafeUrlError("a webhook URL must be https:// (set PARCELTRAIL_WEBHOOK_ALLOW_HTTP=1 to allow "
                             "plain http://)")


# Apprise schemes this server sends to. Every connection they make goes through the egress guard at send
# time; this list keeps a scheme added by a newer Apprise (which nobody has looked at yet) and the ones that
# act on the server machine itself (syslog) out until the operator allows them.
KNOWN_APPRISE_SCHEMES = frozenset({
    "46elks", "acs", "amqp", "amqps", "apprise", "apprises", "aprs", "atalk", "awswhatsapp", "azure",
    "bale", "bark", "barks", "betterstack", "bluesky", "brevo", "bsky", "bulksms", "bulkvs", "burstsms",
    "chanify", "clickatell", "clicksend", "cliq", "cm", "d7sms", "dapnet", "deltachat", "deltachats",
    "dingtalk", "discord", "dot", "eight00com", "elks", "emby", "embys", "enigma2", "enigma2s", "evolution",
    "evolutions", "exotel", "fcm", "feishu", "firehydrant", "flock", "flowtriq", "flowtriqs", "fluxer",
    "fluxers", "form", "forms", "freemobile", "gchat", "github", "goalert", "goalerts", "gorush", "gorushs",
    "gotify", "gotifys", "groundmail", "groupme", "guilded", "gupshup", "hassio", "hassios", "httpsms",
    "humhub", "humhubs", "ifttt", "ilert", "incidentio", "infobip", "instagram", "irc", "ircs", "jellyfin",
    "jellyfins", "jira", "join", "json", "jsons", "kakao", "kakaotalk", "kaleyra", "kavenegar", "klr",
    "kodi", "kodis", "kook", "kudosity", "kumulos", "lametric", "lametrics", "lark", "lauther", "lfg",
    "line", "mailersend", "mailgun", "mailto", "mailtos", "mastodon", "mastodons", "matrix", "matrixs",
    "misskey", "misskeys", "mmost", "mmosts", "mobilemessage", "mobilemsg", "mqtt", "mqtts", "msg91",
    "msgbird", "ncloud", "nclouds", "nctalk", "nctalks", "nexmo", "nostr", "notica", "noticas", "notifiarr",
    "notifico", "notificos", "notifyapp", "notifyre", "ntfy", "ntfys", "o365", "octopush", "onebot",
    "onebots", "onesignal", "opsgenie", "opsimate", "opsimates", "pagerduty", "pagertree", "parsep",
    "parseps", "pbul", "pinglet", "pinglets", "pingram", "pjet", "pjets", "plivo", "postmark", "pover",
    "prowl", "psafer", "psafers", "push", "pushdeer", "pushdeers", "pushed", "pushme", "pushplus",
    "pushward", "pushy", "qq", "reddit", "resend", "revolt", "ringc", "rocket", "rockets", "ryver", "schan",
    "sendgrid", "sendpulse", "serwersms", "ses", "session", "sessions", "seven", "sfr", "signal",
    "signalgrid", "signals", "signl4", "simplepush", "sinch", "slack", "smsc", "smseagle", "smseagles",
    "smsmanager", "smsmgr", "smstunnel", "smtp2go", "sns", "sogs", "sparkpost", "spike", "splunk",
    "spugpush", "spush", "squadcast", "stackfield", "strmlabs", "synology", "synologys", "telesign",
    "telnyx", "tgram", "threema", "toot", "toots", "trigv", "trigvs", "tweet", "twilio", "twist", "twitter",
    "vapid", "viber", "victorops", "voipms", "vonage", "webex", "wechat", "wecom", "wecombot", "whapi",
    "whatsapp", "workflow", "workflows", "wpush", "wxpusher", "wxteams", "x", "xbmc", "xbmcs", "xmatters",
    "xml", "xmls", "youlmk", "zalo", "zcliq", "zohocliq", "zoom", "zulip"
})

# Schemes whose host is wherever the user says (not a fixed public service): resolved and checked at input.
_SELF_HOSTED = {"json", "jsons", "xml", "xmls", "form", "forms", "ntfy", "ntfys", "gotify", "gotifys",
                "apprise", "apprises", "mmost", "mmosts", "rocket", "rockets", "matrix", "matrixs", "kodi",
                "kodis", "xbmc", "xbmcs", "emby", "embys", "jellyfin", "jellyfins", "hassio", "hassios",
                "nctalk", "nctalks", "ncloud", "nclouds", "mastodon", "mastodons", "misskey", "misskeys",
                "bark", "barks", "synology", "synologys", "notica", "noticas", "enigma2", "enigma2s",
                "parsep", "parseps", "signal", "signals", "gorush", "gorushs", "lametric", "lametrics",
                "mqtt", "mqtts", "amqp", "amqps", "irc", "ircs", "humhub", "humhubs", "evolution",
                "evolutions", "smseagle", "smseagles", "opsimate", "opsimates", "goalert", "goalerts",
                "flowtriq", "flowtriqs", "fluxer", "fluxers", "pinglet", "pinglets", "trigv", "trigvs",
                "pjet", "pjets", "psafer", "psafers", "pushdeer", "pushdeers", "notifico", "notificos",
                "onebot", "onebots", "deltachat", "deltachats", "sessions", "session", "nostr", "sogs",
                "mailto", "mailtos"}


class InvalidAppriseUrlError(InputError):
    code = "invalid_apprise_url"


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def check_apprise_url(url: str, *, allow_private: bool = False, targets: TargetPolicy | None = None) -> None:
    policy = _policy(allow_private, targets)
    if len(url) > MAX_URL_LENGTH or any(not ch.isprintable() for ch in url):
        raise InvalidAppriseUrlError("the Apprise URL is too long or contains control characters")
    scheme = url.partition("://")[0].lower()
    if scheme not in KNOWN_APPRISE_SCHEMES and scheme not in policy.extra_schemes:
        raise InvalidAppriseUrlError(
            f"Apprise scheme {scheme[:20]!r} is not enabled on this server (the operator can add it with "
            "PARCELTRAIL_APPRISE_EXTRA_SCHEMES)")
    if not apprise.Apprise().add(url):
        raise InvalidAppriseUrlError("not an Apprise URL this server can send to (see Apprise's list of "
                                     "services, e.g. ntfy://topic, tgram://token/chat, json://host/path)")
    parts = urlsplit(url)
    host = parts.hostname
    if not host or policy.allow_private:
        return
    try:
        port = parts.port or 80
    except ValueError:
        raise InvalidAppriseUrlError("the Apprise URL has an invalid port") from None
    if _is_ip_literal(host) or host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        endpoint = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        reason = f"{host} is a local name" if not _is_ip_literal(host) else \
            None if endpoint in policy.egress_allow else refusal(host)
        if reason is not None:
            raise UnsafeUrlError(f"the Apprise URL points at {host} ({reason}), not a public address; "
                                 "set PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE=1 to allow such targets")
    # A dotless "host" is usually a topic or a token (ntfy://my-topic); the connect-time guard covers it.
    if scheme in _SELF_HOSTED and "." in host:
        check_host(host, port, allow_private=False, allowed=policy.egress_allow)


class InvalidEmailError(InputError):
    code = "invalid_email"


def check_address(address: str) -> str:
    """The address normalized for sending (the same rule as users' e-mails); InvalidEmailError if none."""
    try:
        return normalize_address(address)
    except AddressError as error:
        raise InvalidEmailError(str(error)) from None



def policy_of(settings: NotifySettings) -> TargetPolicy:
    """The target policy the operator's settings give."""
    return TargetPolicy(allow_private=settings.allow_private, allow_http=settings.allow_http,
                        extra_schemes=settings.apprise_extra_schemes, egress_allow=settings.egress_allow)
