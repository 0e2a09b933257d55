"""Helpers for the browser tests: the built site served on loopback under a subpath, and Debian's Chromium driven by Playwright.

Every request that leaves loopback is blocked and recorded, so a test can prove the page needs none.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

CHROMIUM = Path("/usr/bin/chromium")
SUBPATH = "/chipwise/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, as a GitHub Pages project site is served: a missing address under
    SUBPATH gets the site's 404.html with status 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_subpath__")
        return super().translate_path("/" + path[len(SUBPATH) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not self.path.startswith(SUBPATH) or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving_on_loopback(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free loopback port in a thread; yields the server's address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageLog:
    """What a page did while it loaded: console errors, page errors, failed and foreign requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [*self.console_errors, *self.page_errors, *self.failed_requests, *self.foreign_requests]


def open_page(
    browser: Browser, url: str, *, color_scheme: str = "light", width: int = 1280, height: int = 900, javascript: bool = True
) -> tuple[Page, PageLog]:
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=color_scheme, java_script_enabled=javascript  # type: ignore[arg-type]
    )
    page = context.new_page()
    log = PageLog()

    def route(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            log.foreign_requests.append(f"request to another host: {route.request.url}")
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(f"console error: {message.text}")

    def on_failed(request: Request) -> None:
        if urlsplit(request.url).hostname in ("127.0.0.1", "localhost"):
            log.failed_requests.append(f"failed request: {request.url} ({request.failure})")

    def on_response(response: object) -> None:
        status = getattr(response, "status", 200)
        if status >= 400:
            log.failed_requests.append(f"HTTP {status}: {getattr(response, 'url', '')}")

    page.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(f"page error: {error}"))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    # Network quiet does not mean parsed: on a busy machine a long page can still be parsing, with its
    # deferred scripts not yet run. They have run once the load event has fired.
    page.wait_for_load_state("load")
    return page, log
