"""Which side each article speaks for: its outlet, or the outlet's country.

Country comes from the user's outlets file (`--outlets FILE`, YAML or CSV: outlet -> country, optionally a web
domain), else from the URL's country domain (.pk, .co.uk, .com.au ...). Generic domains (.com, .org, .tv, and the
country codes sold as generic ones, .io, .co, .me ...) say nothing about a country.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pycountry
import yaml

from newsgraph.errors import ConfigError

UNKNOWN = "unknown"
# Country-code domains used as generic ones: a site under them is not from that country.
GENERIC_CC = frozenset({"io", "co", "me", "tv", "fm", "ai", "ly", "am", "to", "cc", "ws", "gg", "is", "it", "la",
                        "nu", "sh", "st", "vc", "eu"})
DOMAIN_CC = {"uk": "GBR"}  # domains that differ from the ISO 3166 alpha-2 code


def country_code(value: str) -> str | None:
    """An ISO3 code from a code or a country name ('PAK', 'PK', 'Pakistan'), or None."""
    value = value.strip()
    if not value:
        return None
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        return None
    return found.alpha_3


def url_country(url: str | None) -> str | None:
    """The country of a URL's country-code domain ('https://x.com.pk/a' -> 'PAK'), or None."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in GENERIC_CC:
        return None
    if tld in DOMAIN_CC:
        return DOMAIN_CC[tld]
    found = pycountry.countries.get(alpha_2=tld.upper())
    return found.alpha_3 if found else None


def load_outlets(path: str | Path) -> dict[str, str]:
    """An outlets file as {outlet name or domain (lowercase): ISO3}.

    YAML: `Outlet Name: PAK` or `Outlet Name: {country: Pakistan, domain: example.com.pk}`.
    CSV: a header with `outlet` and `country` columns, optionally `domain`.

    Raises:
        ConfigError: the file is missing, unreadable, or names a country that does not exist.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read outlets file ({exc})") from exc
    entries: list[tuple[str, Any, Any]] = []
    if p.suffix.lower() == ".csv":
        reader = csv.DictReader(raw.splitlines())
        if not reader.fieldnames or not {"outlet", "country"} <= {f.strip().lower() for f in reader.fieldnames}:
            raise ConfigError(f"{p}: an outlets CSV needs the columns outlet and country")
        for row in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            entries.append((row["outlet"], row["country"], row.get("domain")))
    else:
        try:
            data = yaml.safe_load(raw) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{p}: not valid YAML ({str(exc).splitlines()[0]})") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: an outlets file maps outlet names to countries")
        for outlet, value in data.items():
            if isinstance(value, dict):
                entries.append((str(outlet), value.get("country"), value.get("domain")))
            else:
                entries.append((str(outlet), value, None))
    table: dict[str, str] = {}
    for outlet, country, domain in entries:
        code = country_code(str(country or ""))
        if code is None:
            raise ConfigError(f"{p}: outlet {outlet!r}: unknown country {country!r}")
        table[outlet.strip().lower()] = code
        if domain:
            table[str(domain).strip().lower().removeprefix("www.")] = code
    return table


def group_of(article: dict[str, Any], by: str, outlets: dict[str, str] | None = None) -> str:
    """The side an article is counted for: its outlet (`by="outlet"`) or its country (`by="country"`)."""
    outlet = (article.get("outlet") or "").strip()
    if by == "outlet":
        return outlet or _host(article.get("url")) or UNKNOWN
    if by != "country":
        raise ConfigError(f"--by must be outlet or country, not {by!r}")
    table = outlets or {}
    if outlet.lower() in table:
        return table[outlet.lower()]
    host = _host(article.get("url"))
    while host:
        if host in table:
            return table[host]
        host = host.partition(".")[2] if "." in host.partition(".")[2] else ""
    return url_country(article.get("url")) or UNKNOWN


def _host(url: str | None) -> str:
    if not url:
        return ""
    return (urlparse(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")
