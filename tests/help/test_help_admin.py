"""What I can bring for the bridge figure: the offers by language and kind, CSV, removal."""

import csv
import io


def test_admin_sees_offers_by_language_and_kind_escaped(app, client, admin_client, offer):
    client.post("/m/help", data=offer(first_name="<i>Kasia</i>"))
    client.post("/m/help", data=offer(key="two", languages=["ar"], activities=["cooking"]))
    page = admin_client.get("/admin/voice?lang=en").get_data(as_text=True)
    polish = page.split('data-lang="pl"')[1].split("</section>")[0]
    assert "&lt;i&gt;Kasia&lt;/i&gt;" in polish and "Polski" in polish
    cooking = page.split('data-activity="cooking"')[1].split("</section>")[0]
    assert "Kasia" in cooking and "(1)" in cooking


def test_help_csv_neutralises_formulas(client, admin_client, offer):
    client.post("/m/help", data=offer(first_name="=cmd|' /C calc'!A0", contact="+32 470 11 22 33"))
    text = admin_client.get("/admin/voice/help.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][1] == "'=cmd|' /C calc'!A0" and rows[1][2] == "'+32 470 11 22 33"
    assert rows[1][3] == "Polski, Українська"


def test_help_csv_holds_the_text_as_typed(client, admin_client, offer):
    client.post("/m/help", data=offer(first_name="N'Diaye & Fatou", other='<b>"Naaien"</b>'))
    text = admin_client.get("/admin/voice/help.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][1] == "N'Diaye & Fatou" and rows[1][5] == '<b>"Naaien"</b>'


def test_admin_removes_an_offer(app, client, admin_client, offer, offers):
    client.post("/m/help", data=offer())
    [made] = offers()
    admin_client.post(f"/admin/voice/help/{made.id}/delete")
    assert offers() == []
