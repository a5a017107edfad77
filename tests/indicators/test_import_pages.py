import io

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import Actual, ImportBatch, Indicator
from tests.conftest import make_user

CSV = b"Year,Sex,Value\n2024,,5256\n2024,Male,5000\n2024,Female,256\n"


def _upload(client, content=CSV, name="cleared.csv", code="area-cleared", **extra):
    indicator = Indicator.objects.get(code=code)
    data = {"indicator": indicator.pk, "status": "provisional", "source": "NRA", **extra}
    data["file"] = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post("/en/figures/import/", data)


def test_an_upload_is_previewed_then_imported_on_confirmation(data_officer_client, demo):
    response = _upload(data_officer_client)
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = data_officer_client.get(preview_url)
    html = preview.content.decode()
    assert "3 new" in html and "5,256" in html and "Sex: Male" in html
    assert not Actual.objects.filter(year=2024).exists()
    done = data_officer_client.post(preview_url)
    assert done.status_code == 302
    assert (
        Actual.objects.get(indicator__code="area-cleared", year=2024, disaggregation={}).value
        == 5256
    )
    batch = ImportBatch.objects.get()
    assert batch.summary == {"created": 3, "updated": 0, "unchanged": 0}
    assert batch.uploaded_by.username == "data"
    again = data_officer_client.post(preview_url)  # a second confirmation imports nothing
    assert again.status_code == 302 and Actual.objects.filter(year=2024).count() == 3


def test_the_imported_rows_are_in_the_history_with_the_importer(data_officer_client, demo):
    preview_url = _upload(data_officer_client)["Location"]
    data_officer_client.post(preview_url)
    actual = Actual.objects.get(indicator__code="area-cleared", year=2024, disaggregation={})
    assert actual.history.get().history_user.username == "data"


def test_a_file_with_problems_lists_them_and_stores_nothing(data_officer_client, demo):
    response = _upload(data_officer_client, b"Year,Value\n2024,20.436\n2024,-1\n")
    assert response.status_code == 400
    html = response.content.decode()
    assert "2 problems: nothing was imported." in html
    assert "Row 2" in html and "Row 3" in html
    assert not ImportBatch.objects.exists()


def test_a_renamed_executable_is_refused(data_officer_client, demo):
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
    response = _upload(data_officer_client, elf, name="figures.csv")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_limit_is_refused(data_officer_client, demo, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = _upload(data_officer_client, CSV * 10)
    assert response.status_code == 400
    assert "the largest accepted is 100" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_import_page_speaks_lao(data_officer_client, demo):
    html = data_officer_client.get("/lo/figures/import/").content.decode()
    assert 'lang="lo"' in html and "Import a file of figures" not in html


def test_blank_templates_download_in_csv_and_xlsx(data_officer_client, db):
    csv = data_officer_client.get("/en/figures/import/template.csv")
    assert csv.content.decode() == "year,component,value,status,source,as_of,note\n"
    xlsx = data_officer_client.get("/en/figures/import/template.xlsx")
    frame = pd.read_excel(io.BytesIO(xlsx.content))
    assert list(frame.columns) == [
        "year",
        "component",
        "value",
        "status",
        "source",
        "as_of",
        "note",
    ]


def test_the_export_link_gives_open_sdg_csv(data_officer_client, demo):
    response = data_officer_client.get("/en/figures/export/area-cleared/?layout=opensdg")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().startswith("Year,COMPONENT,Value\n2023,,5815\n")
    assert data_officer_client.get("/en/figures/export/area-cleared/?layout=pdf").status_code == 400
    assert data_officer_client.get("/en/figures/export/nope/").status_code == 404


URLS = [
    "/en/figures/import/",
    "/en/figures/import/template.csv",
    "/en/figures/export/area-cleared/",
    "/en/figures/quality/",
]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_users_are_sent_to_log_in(client, demo, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
def test_a_chair_is_refused(chair_client, demo, url):
    assert chair_client.get(url).status_code == 403


def test_a_chair_cannot_confirm_someone_elses_import(data_officer_client, demo, client):
    preview_url = _upload(data_officer_client)["Location"]
    chair = make_user("chair2", roles=["chair"])
    data_officer_client.force_login(chair)
    assert data_officer_client.post(preview_url).status_code == 403
    assert not Actual.objects.filter(year=2024).exists()


def test_wrong_methods_are_refused(data_officer_client, demo):
    assert data_officer_client.post("/en/figures/import/template.csv").status_code == 405
    assert data_officer_client.delete("/en/figures/import/").status_code == 405
    assert data_officer_client.post("/en/figures/quality/").status_code == 405
    assert data_officer_client.get("/en/figures/quality/note/").status_code == 405


ALL_GET_URLS = [
    "/en/figures/",
    "/en/figures/2024/",
    "/en/figures/import/",
    "/en/figures/import/template.xlsx",
    "/en/figures/export/area-cleared/",
    "/en/figures/quality/",
]


@pytest.mark.parametrize("url", ALL_GET_URLS)
def test_a_user_without_a_role_is_refused_everywhere(client, demo, url):
    client.force_login(make_user("nobody"))
    assert client.get(url).status_code == 403


def test_anonymous_posts_change_nothing(client, data_officer_client, demo):
    preview_url = _upload(data_officer_client)["Location"]
    client.logout()
    anonymous = type(client)()
    for url in (
        preview_url,
        "/en/figures/quality/note/",
        "/en/figures/2024/",
        "/en/figures/import/",
    ):
        response = anonymous.post(url, {"note": "x", "indicator": "area-cleared"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert not Actual.objects.filter(year=2024).exists()


def test_a_user_without_a_role_cannot_post_a_note(client, demo):
    client.force_login(make_user("nobody"))
    response = client.post(
        "/en/figures/quality/note/",
        {
            "indicator": "area-cleared",
            "year": "2023",
            "rule": "target_missed",
            "key": "k",
            "note": "n",
        },
    )
    assert response.status_code == 403
