"""Which request comes from one of the school's own screens (spec section 7).

Every view, API and file route that serves children's photos, symbols, first
names or choices, or team photos, asks `is_school_screen(request)` and never
decides this itself.
"""

import ipaddress
from functools import cache, lru_cache

from flask import current_app
from flask_login import current_user

from kiosk.registry import registry
from kiosk.screens import identity

_TRUSTED = "schoolpoort.trusted_network"


@cache
def _networks(setting: str):
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in setting.split(",")
        if part.strip()
    )


@lru_cache(maxsize=1024)
def _in_networks(setting: str, remote_addr: str) -> bool:
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(address in network for network in _networks(setting))


# Headers by which a proxy (or a client posing as one) says whom it forwards.
FORWARDING = ("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-Ip")


def _forwarded(request) -> bool:
    return any(name in request.headers for name in FORWARDING)


def from_trusted_network(request) -> bool:
    """True when the client address lies in KIOSK_TRUSTED_NETWORKS; worked out once a request.

    With KIOSK_PROXY_HOPS set, ProxyFix has already put the forwarded client
    address in remote_addr. Without it, a request that carries any forwarding
    header came through a proxy we were not told about (or a client spoofing
    one), so its address proves nothing; waitress lets these headers through.
    """
    environ = request.environ
    if _TRUSTED not in environ:
        config = current_app.config
        setting, remote_addr = config["KIOSK_TRUSTED_NETWORKS"], request.remote_addr
        environ[_TRUSTED] = (
            bool(setting and remote_addr)
            and (config["KIOSK_PROXY_HOPS"] or not _forwarded(request))
            and _in_networks(setting, remote_addr)
        )
    return environ[_TRUSTED]


def is_school_screen(request) -> bool:
    """True for a trusted network, a paired kiosk or a logged-in staff member."""
    if from_trusted_network(request) or identity.paired_kiosk(request) is not None:
        return True
    if any(check(request) for check in registry().trust_checks):
        return True
    # A staff login lives only in the session cookie (there is no remember-me), so a
    # request without one, as most phones and kiosks send, needs no session opened.
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies:
        return False
    return current_user.is_authenticated
