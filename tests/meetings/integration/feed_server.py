"""A real HTTP server on 127.0.0.1 serving calendar feeds, for the calendar-source tests.

It answers conditional requests as a calendar host does (``ETag`` and ``Last-Modified``
on a 200; a 304 when ``If-None-Match`` matches) and records every request's path and
headers, so the tests can see what the fetcher sent.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Feed:
    body: bytes
    etag: str = '"v1"'
    last_modified: str = "Mon, 01 Mar 2027 07:00:00 GMT"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    redirect_to: str | None = None
    content_type: str = "text/calendar; charset=utf-8"


@dataclass
class FeedServer:
    port: int
    feeds: dict[str, Feed] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.requests if seen == path]


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    server_state = FeedServer(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            server_state.requests.append((self.path, headers))
            feed = server_state.feeds.get(self.path)
            if feed is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if feed.delay:
                time.sleep(feed.delay)
            if feed.redirect_to is not None:
                self.send_response(302)
                self.send_header("Location", feed.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if feed.status == 200 and headers.get("if-none-match") == feed.etag:
                self.send_response(304)
                self.send_header("ETag", feed.etag)
                self.end_headers()
                return
            self.send_response(feed.status)
            self.send_header("Content-Type", feed.content_type)
            self.send_header("ETag", feed.etag)
            self.send_header("Last-Modified", feed.last_modified)
            self.send_header("Content-Length", str(len(feed.body)))
            self.end_headers()
            # The fetcher may stop reading (a size limit): as intended.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(feed.body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
