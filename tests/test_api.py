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


def test_snapshot_etag_is_the_same_for_every_process(make_app):
    first, second = make_app(), make_app()
    assert (
        first.test_client().get("/api/v1/kiosk").headers["ETag"]
        == second.test_client().get("/api/v1/kiosk").headers["ETag"]
    )


def test_snapshot_speaks_the_language_asked_for(client):
    assert client.get("/api/v1/kiosk?lang=ar").json["lang"] == "ar"
    assert client.get("/api/v1/kiosk?lang=xx").json["lang"] == "nl"
