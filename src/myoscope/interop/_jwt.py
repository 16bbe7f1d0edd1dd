"""Verification of the JWT a CDS Client sends with every call (CDS Hooks 2.0, "Trusting CDS Clients").

The client signs with an asymmetric key (ES384 or RS384, the spec's recommendation); ``none`` and
every symmetric (HMAC) algorithm are refused. The issuer must be on the service's allow-list,
which also names the JWKS URL its keys come from (a ``jku`` header must equal it); ``aud`` must
be the exact URL called; ``exp`` must lie ahead of the service's clock and each ``jti`` is
accepted once until it expires. Signatures are checked by PyJWT with ``cryptography``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jwt

ALGORITHMS = ("ES384", "RS384")
REQUIRED_CLAIMS = ("iss", "aud", "exp", "iat", "jti")


class Refused(Exception):
    """The token is not accepted; the message says why (safe to show the caller)."""


KeyLookup = Callable[[str, str | None], Any]
"""(issuer, kid) -> a verification key."""


class JwksKeys:
    """Keys fetched from each allowed issuer's JWKS URL (cached by PyJWT's client)."""

    def __init__(self, issuers: Mapping[str, str]) -> None:
        self._clients = {iss: jwt.PyJWKClient(url, cache_keys=True, timeout=5) for iss, url in issuers.items()}

    def __call__(self, issuer: str, kid: str | None) -> Any:
        client = self._clients[issuer]
        try:
            if kid is None:
                keys = client.get_signing_keys()
                if len(keys) != 1:
                    raise Refused("the token has no kid and the issuer publishes several keys")
                return keys[0].key
            return client.get_signing_key(kid).key
        except jwt.PyJWKClientError as exc:
            raise Refused(f"no key for this token at the issuer's JWKS URL ({exc.__class__.__name__})") from None


class StaticKeys:
    """Keys from JWK sets given in advance, per issuer (configuration or tests)."""

    def __init__(self, sets: Mapping[str, Mapping[str, Any]]) -> None:
        self._sets = {iss: jwt.PyJWKSet.from_dict(dict(data)) for iss, data in sets.items()}

    def __call__(self, issuer: str, kid: str | None) -> Any:
        keys = self._sets[issuer].keys
        match = [k for k in keys if kid is None or k.key_id == kid]
        if len(match) != 1:
            raise Refused("no single key of the issuer matches the token's kid")
        return match[0].key


@dataclass
class ReplayGuard:
    """Remembers each ``jti`` until its token expires."""

    seen: dict[str, float] = field(default_factory=dict)
    limit: int = 100_000
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, jti: str, exp: float, now: float) -> None:
        with self._lock:
            if len(self.seen) > self.limit // 2:
                self.seen = {k: v for k, v in self.seen.items() if v > now}
            if jti in self.seen:
                raise Refused("this token was already used (jti replay)")
            if len(self.seen) >= self.limit:
                raise Refused("too many live tokens; try again later")
            self.seen[jti] = exp


def verify(
    token: str,
    *,
    audiences: tuple[str, ...],
    issuers: Mapping[str, str],
    keys: KeyLookup,
    replay: ReplayGuard,
    now: Callable[[], float] = time.time,
) -> dict[str, Any]:
    """The verified claims of ``token``; raises :class:`Refused` otherwise."""
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise Refused("not a JSON Web Token") from None
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        raise Refused(f"signing algorithm {str(alg)[:20]!r} not accepted (ES384 or RS384 only)")
    issuer = unverified.get("iss")
    if not isinstance(issuer, str) or issuer not in issuers:
        raise Refused("issuer not on this service's allow-list")
    if "jku" in header and header["jku"] != issuers[issuer]:
        raise Refused("jku is not the JWKS URL registered for this issuer")
    key = keys(issuer, header.get("kid"))
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[alg],
            audience=list(audiences),
            issuer=issuer,
            options={"verify_exp": False, "verify_iat": False, "verify_nbf": False, "require": list(REQUIRED_CLAIMS)},
        )
    except jwt.InvalidAudienceError:
        raise Refused("aud is not this service's URL") from None
    except jwt.PyJWTError as exc:
        raise Refused(f"token refused ({exc.__class__.__name__})") from None
    moment = now()
    if not isinstance(claims["exp"], (int, float)) or claims["exp"] <= moment:
        raise Refused("token expired")
    if "nbf" in claims and isinstance(claims["nbf"], (int, float)) and claims["nbf"] > moment:
        raise Refused("token not valid yet")
    replay.check(str(claims["jti"]), float(claims["exp"]), moment)
    return claims
