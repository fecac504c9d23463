"""A local stand-in for rss.arxiv.org and export.arxiv.org that answers with recorded responses.

Usage (any test, any helper):

    from tests.servers.arxiv import ArxivServer, Reply

    with ArxivServer() as server:
        url = server.feed("/rss/cs.CL", FIXTURES / "arxiv_rss" / "arxiv_cs_cl.xml")   # serve a saved feed
        api = server.api(Reply(429), Reply.api_fixture("id_0808.05394_...json"))   # scripted sequence
        ...
        server.requests          # every request received: time, path, query, headers
        server.requests_to("/api/query")

Each route holds a queue of replies: one reply is used per request, in order, and the last one repeats.
`Reply.delay` holds the answer back (for client timeouts); it is cut short when the server stops.
`Reply.drop` closes the connection without an answer; `Reply.short` promises that many bytes more than it sends
(Content-Length) and then closes: a body cut off in transit. `server.answer`, if set, picks the reply from
the request (answers by id_list, a fault at request k): it gets the request and the scripted reply.
`clock` (default time.monotonic) stamps requests: give it a fake clock to measure spacing without sleeping.
Unknown paths answer 404. Binds 127.0.0.1 on a free port; the network guard in conftest allows loopback.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RSS_DIR = FIXTURES / "arxiv_rss"
API_DIR = FIXTURES / "arxiv_api"

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"

HTML_ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n"
    b"<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p>"
    b"</body></html>\n"
)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = RSS_TYPE
    delay: float = 0.0  # seconds before answering (a hang longer than the client timeout)
    drip: float = 0.0  # seconds between the body's pieces (a server that trickles: every wait is short)
    drop: bool = False  # close the connection without answering
    short: int = 0  # Content-Length claims this many bytes more than are sent, then the connection closes

    @classmethod
    def file(cls, path: Path, *, status: int = 200, content_type: str = RSS_TYPE) -> Reply:
        """A saved feed (or any file), byte for byte."""
        return cls(status=status, body=Path(path).read_bytes(), content_type=content_type)

    @classmethod
    def rss(cls, name: str) -> Reply:
        """A feed from tests/fixtures/arxiv_rss/ by file name."""
        return cls.file(RSS_DIR / name)

    @classmethod
    def api_fixture(cls, name: str) -> Reply:
        """A recorded arXiv API answer (arxiv.py JSON wrapper: url, status_code, latin-1 `body`)."""
        doc = json.loads((API_DIR / name).read_text(encoding="utf-8"))
        return cls(status=doc["status_code"], body=doc["body"].encode("latin-1"), content_type=ATOM_TYPE)

    @classmethod
    def html(cls, status: int = 200, body: bytes = HTML_ERROR_PAGE) -> Reply:
        """What a proxy or an outage serves instead of XML."""
        return cls(status=status, body=body, content_type="text/html; charset=utf-8")

    @classmethod
    def hang(cls, seconds: float) -> Reply:
        return cls(status=200, body=b"", delay=seconds)


@dataclass(frozen=True)
class Request:
    time: float  # server clock when the request arrived
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a 0.15 s timeout on a loaded machine) resets the connection wherever the
        handler is, reading the request or flushing the answer: part of the timeout tests, not a server error,
        and its traceback on stderr would fail the tests that check stderr has none."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ArxivServer:
    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        import time

        self.clock = clock or time.monotonic
        self.requests: list[Request] = []
        self._routes: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.answer: Callable[[Request, Reply | None], Reply | None] | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> ArxivServer:
        handler = _make_handler(self)
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ArxivServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # ------------------------------------------------------------------ scripting

    def route(self, path: str, *replies: Reply) -> str:
        """Answer `path` with `replies` in order (the last repeats); returns the full URL."""
        if not replies:
            raise ValueError("give at least one reply")
        with self._lock:
            self._routes[path] = list(replies)
        return self.url + path

    def feed(self, path: str, file: Path | str) -> str:
        """Serve a saved RSS file at `path` (a bare name is looked up in tests/fixtures/arxiv_rss/)."""
        file = Path(file)
        if not file.is_absolute() and not file.exists():
            file = RSS_DIR / file
        return self.route(path, Reply.file(file))

    def api(self, *replies: Reply, path: str = "/api/query") -> str:
        """Script the arXiv API endpoint; returns the base URL to give ArxivClient."""
        return self.route(path, *replies)

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # ------------------------------------------------------------------ internals

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            queue = self._routes.get(path)
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _record(self, handler: BaseHTTPRequestHandler) -> Request:
        parts = urlsplit(handler.path)
        request = Request(
            time=self.clock(),
            method=handler.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k: v for k, v in handler.headers.items()},
        )
        with self._lock:
            self.requests.append(request)
        return request


def _make_handler(server: ArxivServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            request = server._record(self)
            reply = server._next_reply(request.path)
            if server.answer is not None:
                reply = server.answer(request, reply)
            if reply is None:
                reply = Reply(status=404, body=b"Not Found\n", content_type="text/plain")
            if reply.delay and server._stopping.wait(reply.delay):
                return
            if reply.drop:
                self.close_connection = True
                return
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body) + reply.short))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if reply.short:
                    self.close_connection = True
                if not reply.drip:
                    self.wfile.write(reply.body)
                    return
                step = max(1, len(reply.body) // 10)
                for start in range(0, len(reply.body), step):
                    if start and server._stopping.wait(reply.drip):
                        return
                    self.wfile.write(reply.body[start:start + step])
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
