"""API keys (hashed, compared in constant time), roles, and the review UI's signed session cookies.

A key looks like ``ss_<key id>_<secret>``: the key id finds the user, the sha256 of the whole key is compared with
``hmac.compare_digest``. A session cookie is ``<base64 payload>.<HMAC>``, the payload carrying user id, name, role,
a random session id and the expiry; cookie-authenticated unsafe requests need ``X-CSRF-Token`` (or a ``csrf_token``
form field) equal to ``csrf_token_for(cookie)``. Bearer requests need no CSRF token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Request
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from api.db import session_scope
from api.tables import User
from studysift.settings import get_settings

Role = Literal["anonymous", "reader", "reviewer", "admin"]
ROLES: tuple[str, ...] = ("reader", "reviewer", "admin")
RANK = {"anonymous": 0, "reader": 1, "reviewer": 2, "admin": 3}
SESSION_COOKIE = "studysift_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SESSION_SECONDS = 12 * 3600
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_PROCESS_SECRET = secrets.token_bytes(32)
_DUMMY_HASH = hashlib.sha256(b"no such key").hexdigest()


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role
    user_id: int | None = None

    def can(self, role: Role) -> bool:
        return RANK[self.role] >= RANK[role]


ANONYMOUS = Principal("anonymous", "anonymous")


# --- API keys -------------------------------------------------------------------------------------------------


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh (key id, key)."""
    key_id = secrets.token_hex(8)
    return key_id, f"ss_{key_id}_{secrets.token_urlsafe(32)}"


def create_user(session: Session, name: str, role: str) -> tuple[User, str]:
    """Add a user and return it with its new key (the only time the key is seen). Raises ValueError."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ValueError(f"user {name!r} already exists")
    key_id, key = new_key()
    user = User(name=name, role=role, key_id=key_id, key_hash=hash_key(key))
    session.add(user)
    session.commit()
    return user, key


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def principal_for_key(session: Session, key: str) -> Principal | None:
    parts = key.split("_", 2)
    key_id = parts[1] if len(parts) == 3 and parts[0] == "ss" else ""
    user = session.scalar(select(User).where(User.key_id == key_id)) if key_id else None
    ok = hmac.compare_digest(hash_key(key), user.key_hash if user else _DUMMY_HASH)
    if not ok or user is None:
        return None
    return Principal(user.name, user.role, user.id)  # type: ignore[arg-type]


# --- sessions -------------------------------------------------------------------------------------------------


def _secret() -> bytes:
    configured = get_settings().session_secret
    return configured.encode() if configured else _PROCESS_SECRET


def _sign(data: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(_secret(), data, hashlib.sha256).digest()).decode().rstrip("=")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_session(principal: Principal, *, seconds: int = SESSION_SECONDS) -> tuple[str, str]:
    """A signed session cookie value for ``principal`` and its CSRF token."""
    payload = {
        "uid": principal.user_id,
        "name": principal.name,
        "role": principal.role,
        "sid": secrets.token_urlsafe(16),
        "exp": int(time.time()) + seconds,
    }
    body = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    cookie = f"{body}.{_sign(body.encode())}"
    return cookie, _csrf(payload["sid"])  # type: ignore[arg-type]


def _session_payload(cookie_value: str) -> dict[str, object] | None:
    body, _, signature = cookie_value.partition(".")
    if not body or not hmac.compare_digest(signature, _sign(body.encode())):
        return None
    try:
        payload = json.loads(_b64decode(body))
    except ValueError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("exp"), int) or payload["exp"] < time.time():
        return None
    if payload.get("role") not in ROLES or not isinstance(payload.get("name"), str):
        return None
    return payload


def principal_from_session(cookie_value: str) -> Principal | None:
    """The principal a valid, unexpired session cookie names, else None."""
    payload = _session_payload(cookie_value)
    if payload is None:
        return None
    uid = payload.get("uid")
    return Principal(str(payload["name"]), payload["role"], uid if isinstance(uid, int) else None)  # type: ignore[arg-type]


def _csrf(sid: str) -> str:
    return _sign(b"csrf:" + sid.encode())


def csrf_token_for(cookie_value: str) -> str | None:
    payload = _session_payload(cookie_value)
    return None if payload is None else _csrf(str(payload.get("sid")))


# --- dependencies ---------------------------------------------------------------------------------------------


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


async def _csrf_ok(request: Request, cookie: str) -> bool:
    expected = csrf_token_for(cookie)
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    return expected is not None and given is not None and hmac.compare_digest(given, expected)


async def get_principal(request: Request) -> Principal:
    """Who is calling: a Bearer key, else a session cookie, else anonymous."""
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise _unauthorized("use 'Authorization: Bearer <key>'")
        engine: Engine = request.app.state.engine
        with session_scope(engine) as session:
            principal = principal_for_key(session, key.strip())
        if principal is None:
            raise _unauthorized("unknown API key")
        return principal
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie is not None:
        principal = principal_from_session(cookie)
        if principal is None:
            raise _unauthorized("session expired or invalid: sign in again")
        if request.method in UNSAFE_METHODS and not await _csrf_ok(request, cookie):
            raise HTTPException(403, "missing or wrong CSRF token")
        return principal
    return ANONYMOUS


def _require(role: Role, *, anonymous_setting: bool = False) -> Callable[..., Awaitable[Principal]]:
    async def dependency(request: Request, principal: Principal = Depends(get_principal)) -> Principal:
        if anonymous_setting and principal.role == "anonymous" and request.app.state.settings.anonymous_read:
            return principal
        if principal.role == "anonymous":
            raise _unauthorized("an API key is required")
        if not principal.can(role):
            raise HTTPException(403, f"needs the {role} role")
        return principal

    return dependency


require_reader = _require("reader", anonymous_setting=True)
require_reviewer = _require("reviewer")
require_admin = _require("admin")

Reader = Annotated[Principal, Depends(require_reader)]
Reviewer = Annotated[Principal, Depends(require_reviewer)]
Admin = Annotated[Principal, Depends(require_admin)]
