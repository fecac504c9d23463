import socket

import pytest
import requests

from tests.conftest import NetworkBlocked


def test_real_network_is_blocked() -> None:
    """The guard itself, not this machine's lack of a network: a ConnectionError would pass without it."""
    with pytest.raises(NetworkBlocked):
        requests.get("https://export.arxiv.org/api/query?id_list=2401.16380", timeout=2)
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("140.82.112.3", 443), timeout=2)  # an address, no name to resolve


def test_loopback_is_allowed() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()
