import http.client

from tests.processes import ServerThread


def test_snapshot_has_the_keys_the_kiosk_reads(client):
    snapshot = client.get("/api/v1/kiosk").json
    for key in ("notices", "board", "photos", "cafe", "urgent"):
        assert key in snapshot


def test_snapshot_answers_304_to_its_own_etag(client):
    first = client.get("/api/v1/kiosk")
    etag = first.headers["ETag"]
    again = client.get("/api/v1/kiosk", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    # What a cache needs to keep its copy, and no more (RFC 9110, 15.4.5): the kiosk's
    # browser keeps the security headers of the answer it already has.
    assert again.headers["ETag"] == etag
    assert again.headers["Vary"] == "Cookie"
    assert again.headers["Cache-Control"] == "private, no-cache"
    assert "Content-Security-Policy" not in again.headers
    assert "Content-Security-Policy" in first.headers
    assert first.headers["Cache-Control"] == "private, no-cache"  # children's content


def test_snapshot_etag_is_the_same_for_every_process(make_app):
    first, second = make_app(), make_app()
    assert (
        first.test_client().get("/api/v1/kiosk").headers["ETag"]
        == second.test_client().get("/api/v1/kiosk").headers["ETag"]
    )


def test_snapshot_speaks_the_language_asked_for(client):
    assert client.get("/api/v1/kiosk?lang=ar").json["lang"] == "ar"
    assert client.get("/api/v1/kiosk?lang=xx").json["lang"] == "nl"


def test_a_kiosk_keeps_its_connection_across_polls_that_find_nothing_new(app):
    """Under waitress, as `flask serve` runs it: a 304 ends with its headers, so the
    kiosk's next poll goes over the same connection instead of opening a new one."""
    server = ServerThread(app, threads=2)
    try:
        kiosk = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        kiosk.request("GET", "/api/v1/kiosk")
        first = kiosk.getresponse()
        first.read()
        etag = first.getheader("ETag")
        polls = []
        for _ in range(3):
            kiosk.request("GET", "/api/v1/kiosk", headers={"If-None-Match": etag})
            poll = kiosk.getresponse()
            assert poll.read() == b""
            polls.append((poll.status, poll.getheader("Connection"), poll.will_close))
        assert polls == [(304, None, False)] * 3
        socket_of_the_polls = kiosk.sock
        kiosk.request("GET", "/api/v1/kiosk")
        assert kiosk.getresponse().read()
        assert kiosk.sock is socket_of_the_polls, "one connection for every poll"

        # A client that says it is done still gets its connection closed.
        kiosk.request(
            "GET", "/api/v1/kiosk", headers={"If-None-Match": etag, "Connection": "close"}
        )
        last = kiosk.getresponse()
        assert last.status == 304 and last.will_close
    finally:
        server.stop()
