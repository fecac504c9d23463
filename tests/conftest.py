"""Shared test fixtures. No test may reach the real network: real sockets to non-local hosts fail."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]

# A model with its own code (embedding.trust_remote_code) has that code copied into transformers' modules
# cache, ~/.cache/huggingface/modules by default: tests keep it in a folder of their own. transformers
# reads the variable once, at import, so it is set here, before any test imports it.
_MODULES = tempfile.mkdtemp(prefix="paperbot-test-hf-modules-")
os.environ["HF_MODULES_CACHE"] = _MODULES
atexit.register(shutil.rmtree, _MODULES, ignore_errors=True)

_LOCAL = {"127.0.0.1", "::1", "localhost", "0.0.0.0"}
_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(RuntimeError):
    pass


def _host_of(address: object) -> str | None:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return None  # unix sockets are fine


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = _host_of(address)
    if host is not None and host not in _LOCAL and not host.startswith("127."):
        raise NetworkBlocked(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object):
    if host is not None and str(host) not in _LOCAL and not str(host).startswith("127."):
        raise NetworkBlocked(f"test tried to resolve a network host: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Disable real sockets to anything but loopback for every test."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    for var in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL"):
        monkeypatch.delenv(var, raising=False)


def fail_dns(monkeypatch: pytest.MonkeyPatch, errno: int = socket.EAI_NONAME) -> None:
    """Every name lookup fails as a resolver says it: EAI_NONAME (no such host, or no network at all) or EAI_AGAIN
    (a temporary failure), without a query leaving the machine."""
    reason = {socket.EAI_AGAIN: "Temporary failure in name resolution"}.get(errno, "Name or service not known")

    def lookup(host: object, *args: object, **kwargs: object):
        raise socket.gaierror(errno, reason)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


def _no_feed_retry_sleep(seconds: float) -> None:
    raise AssertionError(f"a feed retry would sleep {seconds:g} s in a test: patch bot.feeds._sleep to count it")


@pytest.fixture(autouse=True)
def no_feed_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """feeds.retries (default 2) waits 30 s and 60 s: a test that meets a failing feed must say so."""
    from bot import feeds

    monkeypatch.setattr(feeds, "_sleep", _no_feed_retry_sleep)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
