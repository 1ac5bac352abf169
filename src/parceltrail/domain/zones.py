"""Each country's main time zone: the calendar a recipient there most likely lives by.

One table for the whole system: the pure window rule (`predict.window`) reads it directly, and the
estimates, calendar feed and pages (`services.outlook.estimates`) read it where Babel's CLDR territory
zones name several zones for a country (or none).
"""

from __future__ import annotations

from collections.abc import Mapping

# ISO 3166-1 alpha-2 -> IANA zone; for countries with several zones, the one most of the population lives
# in (IANA tz database zone.tab comments, national statistics).
MAIN_ZONES: Mapping[str, str] = {
    "AE": "Asia/Dubai", "AR": "America/Argentina/Buenos_Aires", "AT": "Europe/Vienna",
    "AU": "Australia/Sydney", "BD": "Asia/Dhaka", "BE": "Europe/Brussels", "BG": "Europe/Sofia",
    "BR": "America/Sao_Paulo", "BY": "Europe/Minsk", "CA": "America/Toronto", "CD": "Africa/Kinshasa",
    "CH": "Europe/Zurich", "CL": "America/Santiago", "CN": "Asia/Shanghai", "CO": "America/Bogota",
    "CY": "Asia/Nicosia", "CZ": "Europe/Prague", "DE": "Europe/Berlin", "DK": "Europe/Copenhagen",
    "EC": "America/Guayaquil", "EE": "Europe/Tallinn", "EG": "Africa/Cairo", "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki", "FM": "Pacific/Pohnpei", "FR": "Europe/Paris", "GB": "Europe/London",
    "GL": "America/Nuuk", "GR": "Europe/Athens", "HK": "Asia/Hong_Kong", "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest", "ID": "Asia/Jakarta", "IE": "Europe/Dublin", "IL": "Asia/Jerusalem",
    "IN": "Asia/Kolkata", "IT": "Europe/Rome", "JP": "Asia/Tokyo", "KI": "Pacific/Tarawa", "KR": "Asia/Seoul",
    "KZ": "Asia/Almaty", "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg", "LV": "Europe/Riga",
    "MA": "Africa/Casablanca", "MH": "Pacific/Majuro", "MN": "Asia/Ulaanbaatar", "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur", "NG": "Africa/Lagos", "NL": "Europe/Amsterdam", "NO": "Europe/Oslo",
    "NZ": "Pacific/Auckland", "PE": "America/Lima", "PF": "Pacific/Tahiti", "PG": "Pacific/Port_Moresby",
    "PH": "Asia/Manila", "PK": "Asia/Karachi", "PL": "Europe/Warsaw", "PS": "Asia/Gaza",
    "PT": "Europe/Lisbon", "RO": "Europe/Bucharest", "RS": "Europe/Belgrade", "RU": "Europe/Moscow",
    "SA": "Asia/Riyadh", "SE": "Europe/Stockholm", "SG": "Asia/Singapore", "SI": "Europe/Ljubljana",
    "SK": "Europe/Bratislava", "TH": "Asia/Bangkok", "TR": "Europe/Istanbul", "TW": "Asia/Taipei",
    "UA": "Europe/Kyiv", "UM": "Pacific/Wake", "US": "America/New_York", "UZ": "Asia/Tashkent",
    "VN": "Asia/Ho_Chi_Minh", "ZA": "Africa/Johannesburg",
}


def main_zone(country: str | None) -> str | None:
    """The country's main zone name, or None when the table does not know the country."""
    return MAIN_ZONES.get((country or "").strip().upper())
