"""Where sandbox parcels go: origin hubs in China, destination countries and their cities.

Every place carries its IANA time zone so event times get the local UTC offset a real carrier would show.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Place:
    city: str  # English / ASCII name, used in `city`
    local_name: str  # the name as the local carrier writes it in event texts
    label: str  # free-text location as the local carrier prints it
    country: str  # ISO 3166-1 alpha-2
    tz: str  # IANA zone
    latitude: float
    longitude: float

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)


@dataclass(frozen=True, slots=True)
class OriginHub:
    place: Place
    facility: str  # sorting centre name, Chinese
    airport: Place  # where the export flight leaves from


@dataclass(frozen=True, slots=True)
class Destination:
    country: str
    country_name: str  # English, for international-transit texts
    locale: str  # language of last-mile texts (also the events' `lang`)
    gateway: Place  # airport / office of exchange where the parcel lands and clears customs
    cities: tuple[Place, ...]  # last-mile delivery cities
    last_mile_carrier: str  # display name of the (fictional) last-mile carrier


_CN = "Asia/Shanghai"


def _cn(city: str, local: str, lat: float, lng: float) -> Place:
    return Place(city, local, f"{local}市", "CN", _CN, lat, lng)


SHENZHEN = _cn("Shenzhen", "深圳", 22.5431, 114.0579)
GUANGZHOU = _cn("Guangzhou", "广州", 23.1291, 113.2644)
SHANGHAI = _cn("Shanghai", "上海", 31.2304, 121.4737)
YIWU = _cn("Yiwu", "义乌", 29.3069, 120.0751)

ORIGIN_HUBS: tuple[OriginHub, ...] = (
    OriginHub(SHENZHEN, "深圳转运中心", SHENZHEN),
    OriginHub(YIWU, "义乌分拨中心", SHANGHAI),  # Yiwu has no big cargo airport: trucked to Pudong
    OriginHub(GUANGZHOU, "广州白云集散中心", GUANGZHOU),
    OriginHub(SHANGHAI, "上海浦东转运中心", SHANGHAI),
)


def _p(city: str, local: str, label: str, country: str, tz: str, lat: float, lng: float) -> Place:
    return Place(city, local, label, country, tz, lat, lng)


_BR, _ES, _RU = "America/Sao_Paulo", "Europe/Madrid", "Europe/Moscow"
_FR, _DE, _US, _GB = "Europe/Paris", "Europe/Berlin", "America/New_York", "Europe/London"

# Order matters: a serial's destination is DESTINATIONS[(serial - 1) % len(DESTINATIONS)].
DESTINATIONS: tuple[Destination, ...] = (
    Destination(
        "BR", "Brazil", "pt-BR",
        _p("Curitiba", "Curitiba", "CURITIBA - PR", "BR", _BR, -25.4284, -49.2733),
        (
            _p("Sao Paulo", "São Paulo", "SAO PAULO - SP", "BR", _BR, -23.5505, -46.6333),
            _p("Rio de Janeiro", "Rio de Janeiro", "RIO DE JANEIRO - RJ", "BR", _BR, -22.9068, -43.1729),
        ),
        "Sandbox Correio Local",
    ),
    Destination(
        "ES", "Spain", "es",
        _p("Madrid", "Madrid", "MADRID", "ES", _ES, 40.4168, -3.7038),
        (
            _p("Barcelona", "Barcelona", "BARCELONA", "ES", _ES, 41.3874, 2.1686),
            _p("Valencia", "Valencia", "VALENCIA", "ES", _ES, 39.4699, -0.3763),
        ),
        "Sandbox Reparto",
    ),
    Destination(
        "RU", "Russia", "ru",
        _p("Moscow", "Москва", "Москва", "RU", _RU, 55.7558, 37.6173),
        (
            _p("Saint Petersburg", "Санкт-Петербург", "Санкт-Петербург", "RU", _RU, 59.9311, 30.3609),
            _p("Kazan", "Казань", "Казань", "RU", _RU, 55.7961, 49.1064),
        ),
        "Sandbox Pochta",
    ),
    Destination(
        "FR", "France", "fr",
        _p("Paris", "Paris", "ROISSY EN FRANCE", "FR", _FR, 48.8566, 2.3522),
        (
            _p("Lyon", "Lyon", "LYON", "FR", _FR, 45.7640, 4.8357),
            _p("Marseille", "Marseille", "MARSEILLE", "FR", _FR, 43.2965, 5.3698),
        ),
        "Sandbox Colis",
    ),
    Destination(
        "DE", "Germany", "de",
        _p("Frankfurt am Main", "Frankfurt am Main", "Frankfurt am Main", "DE", _DE, 50.1109, 8.6821),
        (
            _p("Berlin", "Berlin", "Berlin", "DE", _DE, 52.5200, 13.4050),
            _p("Munich", "München", "München", "DE", _DE, 48.1351, 11.5820),
        ),
        "Sandbox Paketdienst",
    ),
    Destination(
        "US", "United States", "en-US",
        _p("New York", "New York", "JAMAICA, NY 11430", "US", _US, 40.7128, -74.0060),
        (
            _p("Philadelphia", "Philadelphia", "PHILADELPHIA, PA 19104", "US", _US, 39.9526, -75.1652),
            _p("Atlanta", "Atlanta", "ATLANTA, GA 30303", "US", _US, 33.7490, -84.3880),
        ),
        "Sandbox Parcel Post",
    ),
    Destination(
        "GB", "United Kingdom", "en-GB",
        _p("London", "London", "HEATHROW WORLDWIDE DC", "GB", _GB, 51.5072, -0.1276),
        (
            _p("Manchester", "Manchester", "MANCHESTER", "GB", _GB, 53.4808, -2.2426),
            _p("Birmingham", "Birmingham", "BIRMINGHAM", "GB", _GB, 52.4862, -1.8904),
        ),
        "Sandbox Parcel Delivery",
    ),
)

DESTINATION_BY_COUNTRY: dict[str, Destination] = {d.country: d for d in DESTINATIONS}


def destination_for_serial(serial: int) -> Destination:
    """Serials 1..7 map to BR, ES, RU, FR, DE, US, GB, then the cycle repeats."""
    return DESTINATIONS[(serial - 1) % len(DESTINATIONS)]
