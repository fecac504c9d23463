"""bot.errors.connection_problem: what a user reads when a request gets no answer, and whether it is retried."""

from __future__ import annotations

import socket
import ssl

import pytest
import requests

from bot.errors import connection_problem


def _nested(root: BaseException) -> requests.ConnectionError:
    """The shape requests raises: its error, urllib3's, then the socket's, chained by `raise ... from`."""
    try:
        try:
            try:
                raise root
            except BaseException as inner:
                raise OSError("HTTPSConnection(host='x', port=443): Failed to resolve") from inner
        except OSError as middle:
            raise requests.ConnectionError("HTTPSConnectionPool(host='x', port=443): Max retries exceeded") from middle
    except requests.ConnectionError as outer:
        return outer


@pytest.mark.parametrize(("root", "expected"), [
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
     ("cannot resolve rss.arxiv.org: no such host, or no network", False)),
    (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"),
     ("cannot resolve rss.arxiv.org (temporary DNS failure)", True)),
    (ConnectionRefusedError(111, "Connection refused"), ("rss.arxiv.org refused the connection", True)),
    (ConnectionResetError(104, "Connection reset by peer"), ("rss.arxiv.org dropped the connection", True)),
])
def test_the_root_cause_is_named(root: BaseException, expected: tuple[str, bool]) -> None:
    assert connection_problem(_nested(root), "rss.arxiv.org") == expected


def test_a_certificate_not_accepted_is_not_retried() -> None:
    cert = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cert.verify_message = "self-signed certificate"
    assert connection_problem(_nested(cert), "github.example") == (
        "TLS certificate of github.example not accepted (self-signed certificate)", False)


def test_anything_else_is_its_innermost_words_on_one_line() -> None:
    problem, retry = connection_problem(_nested(OSError("network\nis unreachable")), None)
    assert (problem, retry) == ("connection failed: network is unreachable", True)
