"""The page helpers without a browser: input splitting, language choice, the map, texts in every language."""

from __future__ import annotations

from parceltrail.entrypoints.web.geo import Stop, project, route_map
from parceltrail.entrypoints.web.i18n import Locale, pick_lang, pick_zone
from parceltrail.entrypoints.web.tracking import MAX_NUMBERS, split_input


def test_split_a_list_keeps_typos_and_an_email_does_not() -> None:
    numbers, cut = split_input("PTS01000000016\nPTS02000000014, PTS01000000017\nRB 1234 5678 5CN")
    assert numbers == ["PTS01000000016", "PTS02000000014", "PTS01000000017", "RB123456785CN"]
    assert not cut
    mail = ("From: shop@example.com\nSubject: Your order has shipped\n\nHello, your parcel PTS01000000016 is "
            "on its way. Order 123456789012 paid by card. Track it with PTS04000000010.\n")
    assert split_input(mail)[0] == ["PTS01000000016", "PTS04000000010"]
    assert split_input("no numbers in here at all")[0] == []


def test_split_is_bounded() -> None:
    many = "\n".join(f"PTS0100000{i:03d}0" for i in range(60))
    numbers, cut = split_input(many)
    assert len(numbers) <= MAX_NUMBERS


def test_language_choice() -> None:
    assert pick_lang(None, None, "pt-BR,pt;q=0.9,en;q=0.8") == "pt"
    assert pick_lang(None, None, "de-DE,ru;q=0.5,en;q=0.4") == "ru"
    assert pick_lang(None, "zh", "pt-BR") == "zh"
    assert pick_lang("es", "zh", "pt-BR") == "es"
    assert pick_lang("xx", None, "garbage;q=abc,,") == "en"
    assert pick_zone("America%2FSao_Paulo").key == "America/Sao_Paulo"
    assert pick_zone("../../etc/passwd").key == "UTC"
    assert pick_zone("Not/AZone").key == "UTC"


def test_plurals_follow_each_language() -> None:
    from zoneinfo import ZoneInfo

    def say(lang: str, count: int) -> str:
        return Locale(lang, ZoneInfo("UTC")).plural("card.map_caption", count)

    assert say("en", 1) == "Route so far: 1 place." and say("en", 2) == "Route so far: 2 places."
    assert say("ru", 1).endswith("1 место.") and say("ru", 3).endswith("3 места.")
    assert say("ru", 5).endswith("5 мест.") and say("ru", 21).endswith("21 место.")
    assert say("es", 1) == "Ruta hasta ahora: 1 lugar." and say("es", 4) == "Ruta hasta ahora: 4 lugares."
    assert Locale("en", ZoneInfo("UTC")).plural("unit.days", 1234) == "1,234 days"


def test_route_map() -> None:
    assert route_map([]) is None
    assert project(0, 0) == (180.0, 90.0)
    shanghai, curitiba = Stop(31.23, 121.47, "Shanghai"), Stop(-25.43, -49.27, "Curitiba")
    drawn = route_map([shanghai, shanghai, curitiba, Stop(200, 0, "bad")])
    assert drawn is not None
    assert len(drawn.dots) == 2 and drawn.dots[-1].last and drawn.dots[-1].label == "Curitiba"
    left, top, width, height = map(float, drawn.viewbox.split())
    assert abs(width - 2 * height) < 0.2
    assert left >= 0 and left + width <= 360 and top >= 0 and top + height <= 180


def test_notify_form_helpers() -> None:
    from zoneinfo import ZoneInfo

    import pytest
    from starlette.requests import Request

    from parceltrail.domain.errors import InputError
    from parceltrail.entrypoints.http.sessions import COOKIE
    from parceltrail.entrypoints.web import notify
    from parceltrail.entrypoints.web.i18n import Locale

    loc = Locale("es", ZoneInfo("UTC"))

    def request(cookies: str) -> Request:
        return Request({"type": "http", "method": "GET", "path": "/", "query_string": b"",
                        "headers": [(b"cookie", cookies.encode())]})

    assert notify.read_flash(request(f"{notify.FLASH_COOKIE}=subscribed:PTS01000000016"), loc) == \
        "Listo: le avisaremos de los cambios de PTS01000000016."
    assert notify.read_flash(request(f"{notify.FLASH_COOKIE}=subscribed:<b>hi</b>"), loc) is None
    assert notify.read_flash(request(f"{notify.FLASH_COOKIE}=hacked:PTS1"), loc) is None
    assert notify.csrf_token(request("")) is None
    one, other = notify.csrf_token(request(f"{COOKIE}=a.b.c")), notify.csrf_token(request(f"{COOKIE}=a.b.d"))
    assert one and other and one != other  # bound to the session
    assert notify.default_form(loc).language == "es" and notify.default_form(loc).events == ["status_change"]
    values = notify.FormValues(target="a@example.com", quiet_from="22:00", quiet_to="07:00")
    assert notify.to_request(values, 7, "Europe/Madrid").quiet_hours == "22:00-07:00"
    for bad in (notify.FormValues(target="a@example.com", quiet_from="22:00"),
                notify.FormValues(target="a@example.com", quiet_from="late", quiet_to="07:00"),
                notify.FormValues(target="a@example.com", events=[])):
        with pytest.raises(InputError):
            notify.to_request(bad, 7, "UTC")
