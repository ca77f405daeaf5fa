"""Harness for the review UI's browser tests: the real app on a free port, headless Chromium, a reviewer, articles.

Import the fixtures into a test module: ``from tests.api.browser import app_server, chromium  # noqa: F401``.
The server runs uvicorn in a thread on 127.0.0.1 with a temporary SQLite database; Chromium is Debian's
(``STUDYSIFT_TEST_CHROMIUM``, default ``/usr/bin/chromium``), driven by Playwright.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine

from tests.conftest import REPO

# The README's screenshots are rewritten only on request, so a test run leaves the tracked files alone.
SCREENSHOTS = REPO / "docs" / "screenshots"
UPDATE_SCREENSHOTS = os.environ.get("STUDYSIFT_UPDATE_SCREENSHOTS") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class AppServer:
    url: str
    engine: Engine

    def user(self, name: str, role: str = "reviewer") -> str:
        """A new user's API key."""
        from api import auth
        from api.db import session_scope

        with session_scope(self.engine) as session:
            _user, key = auth.create_user(session, name, role)
        return key

    def save(self, raw: str, result: Any, source: str | None = None) -> str:
        """Store an article (and its records) through ``api.store``; returns the article id."""
        from api import store
        from api.db import session_scope

        with session_scope(self.engine) as session:
            article_id = store.save_article(session, raw=raw, result=result, source=source)
        return str(article_id if isinstance(article_id, str) else getattr(article_id, "id", article_id))

    def records(self, article_id: str) -> list[dict[str, Any]]:
        from api import store
        from api.db import session_scope

        with session_scope(self.engine) as session:
            detail = store.get_article(session, article_id)
        return [r.model_dump(mode="json") for r in detail.records]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    from api.app import create_app
    from studysift.settings import Settings, get_settings

    db = tmp_path_factory.mktemp("review") / "review.db"
    saved = {k: os.environ.get(k) for k in ("STUDYSIFT_DATABASE_URL", "STUDYSIFT_SESSION_SECRET")}
    os.environ["STUDYSIFT_DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["STUDYSIFT_SESSION_SECRET"] = "review-ui-test-secret"
    get_settings.cache_clear()
    settings = Settings()
    app = create_app(settings, warm=False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the app server did not start")
        time.sleep(0.05)
    try:
        yield AppServer(f"http://127.0.0.1:{port}", app.state.engine)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_settings.cache_clear()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("STUDYSIFT_TEST_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"no Chromium at {executable} (set STUDYSIFT_TEST_CHROMIUM; CI installs Debian's chromium)")
    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


def new_page(browser: Any, errors: list[str] | None = None) -> Any:
    """A page in a fresh context (its own cookies), recording uncaught page errors and console errors."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    if errors is not None:
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    return page


def sign_in(page: Any, server: AppServer, key: str, path: str = "/review") -> None:
    page.goto(server.url + path)
    page.fill("#api-key", key)
    page.click("form.login button[type=submit]")
    page.wait_for_selector("body[data-ready='1'] header .who")


def screenshot(page: Any, name: str, tmp_dir: Path) -> Path:
    """Save a screenshot: into docs/screenshots with STUDYSIFT_UPDATE_SCREENSHOTS=1, else into ``tmp_dir``."""
    folder = SCREENSHOTS if UPDATE_SCREENSHOTS else tmp_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 0
    return path
