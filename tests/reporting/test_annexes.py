import io
import struct
import zipfile
import zlib

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from reporting import annexes
from reporting.models import Annex, Report, SectorWorkingGroup
from tests.conftest import make_member, make_user

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64


def _png() -> bytes:
    """A real one-pixel PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _zip(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part in parts:
            package.writestr(part, '<?xml version="1.0" encoding="UTF-8"?><part/>')
    return buffer.getvalue()


PNG = _png()
DOCX = _zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")
XLSX = _zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")
PLAIN_ZIP = _zip("maps/site-1.txt", "maps/site-2.txt")
ZIP_WITHOUT_CONTENT_TYPES = _zip("word/document.xml")

REFUSED_KIND = (
    "Only PDF, Word (DOCX), Excel (XLSX), PNG and JPEG files can be annexed; "
    "this file is none of them."
)


# What a file is, from its content alone: no database.


@pytest.mark.parametrize(
    "content, kind",
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (JPEG, "jpeg"),
        (DOCX, "docx"),
        (XLSX, "xlsx"),
        (EXECUTABLE, None),
        (ELF, None),
        (PLAIN_ZIP, None),
        (ZIP_WITHOUT_CONTENT_TYPES, None),
        (b"PK\x03\x04 but not a zip at all", None),
        (b"Year,Value\n2023,5815\n", None),
        (b"", None),
    ],
)
def test_the_kind_is_read_from_the_content(content, kind):
    upload = io.BytesIO(content)
    assert annexes.detect_kind(content[:16], upload) == kind
    assert upload.tell() == 0


@given(st.binary(max_size=300))
def test_any_bytes_after_a_zip_signature_give_a_kind_or_none_without_raising(tail):
    content = b"PK\x03\x04" + tail
    assert annexes.detect_kind(content[:16], io.BytesIO(content)) in {None, "docx", "xlsx"}


def test_the_download_name_is_the_title_made_safe_with_the_real_extension():
    assert annexes.download_name("Annex 1: Clearance maps", "pdf") == "Annex 1 Clearance maps.pdf"
    assert annexes.download_name('../../etc/"passwd"\r\nX-Evil: 1', "jpeg") == (
        "etc passwd X-Evil 1.jpg"
    )
    assert annexes.download_name("ແຜນທີ່", "xlsx") == "ແຜນທີ່.xlsx"
    assert annexes.download_name("...", "docx") == "annex.docx"


# The pages.


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def login(client, role, swg_code="uxo"):
    client.force_login(make_member(f"{role}-{swg_code}", role, swg_code=swg_code))
    return client


@pytest.fixture
def secretariat(client, report_demo):
    return login(client, "secretariat")


@pytest.fixture
def annex(report_demo) -> Annex:
    return annexes.annex_add(
        report=report_demo,
        user=make_member("author", "secretariat"),
        title="Annex 1: Clearance maps",
        upload=SimpleUploadedFile("maps.pdf", PDF),
        kind="pdf",
    )


def upload_url(report) -> str:
    return f"/en/reports/{report.pk}/annexes/"


def delete_url(annex) -> str:
    return f"/en/reports/{annex.report_id}/annexes/{annex.pk}/delete/"


def download_url(annex) -> str:
    return f"/en/reports/{annex.report_id}/annexes/{annex.pk}/"


def post_upload(client, report, content=PDF, name="maps.pdf", title="Annex 1: Clearance maps"):
    data = {"title": title, "file": SimpleUploadedFile(name, content)}
    return client.post(upload_url(report), data)


@pytest.mark.parametrize(
    "content, name, kind",
    [
        (PDF, "maps.pdf", "pdf"),
        (DOCX, "minutes.docx", "docx"),
        (XLSX, "budget.xlsx", "xlsx"),
        (PNG, "photo.png", "png"),
        (JPEG, "photo.jpg", "jpeg"),
    ],
)
def test_the_secretariat_annexes_a_file_to_a_draft(
    secretariat, report_demo, media, content, name, kind
):
    response = post_upload(secretariat, report_demo, content, name)
    assert response.status_code == 302
    assert response["Location"] == f"/en/reports/{report_demo.pk}/#annexes"
    assert messages_of(response) == ["The annex “Annex 1: Clearance maps” was added."]
    annex = Annex.objects.get()
    assert (annex.report, annex.title, annex.kind) == (report_demo, "Annex 1: Clearance maps", kind)
    assert annex.size == len(content)
    assert annex.uploaded_by.username == "secretariat-uxo"
    assert annex.file.name.startswith("annexes/")
    assert [p.read_bytes() for p in stored_files(media)] == [content]


def test_the_stored_name_follows_the_content_not_the_senders_name(secretariat, report_demo):
    post_upload(secretariat, report_demo, DOCX, name="../../report.pdf")
    annex = Annex.objects.get()
    assert annex.kind == "docx"
    assert annex.file.name.endswith(".docx") and "report" not in annex.file.name


@pytest.mark.parametrize(
    "content",
    [EXECUTABLE, ELF, PLAIN_ZIP, ZIP_WITHOUT_CONTENT_TYPES, b"just text"],
    ids=["exe", "elf", "plain-zip", "zip-without-content-types", "text"],
)
def test_a_file_that_is_not_an_accepted_kind_is_refused_and_nothing_stored(
    secretariat, report_demo, media, content
):
    response = post_upload(secretariat, report_demo, content, name="report.pdf")
    assert response.status_code == 302
    assert response["Location"] == f"/en/reports/{report_demo.pk}/#annexes"
    assert messages_of(response) == [f"File: {REFUSED_KIND}"]
    assert not Annex.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_and_nothing_stored(
    secretariat, report_demo, media, settings
):
    settings.ANNEX_MAX_BYTES = 100
    response = post_upload(secretariat, report_demo, PDF)
    size, limit = filesizeformat(len(PDF)), filesizeformat(100)
    assert messages_of(response) == [f"File: The file is {size}; the largest accepted is {limit}."]
    assert not Annex.objects.exists()
    assert stored_files(media) == []


def test_every_problem_of_the_form_is_in_the_message(secretariat, report_demo, media):
    response = post_upload(secretariat, report_demo, EXECUTABLE, title="")
    assert messages_of(response) == [f"Title: This field is required. File: {REFUSED_KIND}"]
    assert not Annex.objects.exists()


WRONG_ROLES = [
    ("chair", "uxo"),
    ("co_chair", "uxo"),
    ("data_officer", "uxo"),
    ("secretariat", "other"),
]


@pytest.mark.parametrize("role, swg_code", WRONG_ROLES)
def test_only_the_reports_secretariat_may_upload(client, report_demo, media, role, swg_code):
    response = post_upload(login(client, role, swg_code), report_demo)
    assert response.status_code == 403
    assert not Annex.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize("role, swg_code", WRONG_ROLES)
def test_only_the_reports_secretariat_may_delete(client, annex, media, role, swg_code):
    response = login(client, role, swg_code).post(delete_url(annex), {"confirm": "yes"})
    assert response.status_code == 403
    assert Annex.objects.filter(pk=annex.pk).exists()
    assert len(stored_files(media)) == 1


def test_a_user_with_no_role_may_not_upload(client, report_demo):
    client.force_login(make_user("nobody"))
    assert post_upload(client, report_demo).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client, annex):
    responses = [
        post_upload(client, annex.report),
        client.post(delete_url(annex), {"confirm": "yes"}),
        client.get(download_url(annex)),
    ]
    for response in responses:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Annex.objects.count() == 1


def test_upload_and_delete_only_accept_post(secretariat, annex):
    assert secretariat.get(upload_url(annex.report)).status_code == 405
    assert secretariat.get(delete_url(annex)).status_code == 405


def test_download_only_accepts_get(secretariat, annex):
    assert secretariat.post(download_url(annex)).status_code == 405


def test_a_missing_report_or_annex_is_not_found(secretariat, annex):
    assert post_upload(secretariat, Report(pk=999_999)).status_code == 404
    missing = f"/en/reports/{annex.report_id}/annexes/999999/"
    assert secretariat.get(missing).status_code == 404
    assert secretariat.post(missing + "delete/", {"confirm": "yes"}).status_code == 404


def test_an_annex_is_only_reached_through_its_own_report(secretariat, report_demo, media):
    other_swg = SectorWorkingGroup.objects.create(code="other", name_lo="o", name_en="Other")
    other_report = Report.objects.create(swg=other_swg, year=2023, template=report_demo.template)
    foreign = annexes.annex_add(
        report=other_report,
        user=make_member("other-author", "secretariat", swg_code="other"),
        title="Not yours",
        upload=SimpleUploadedFile("x.pdf", PDF),
        kind="pdf",
    )
    through_ours = f"/en/reports/{report_demo.pk}/annexes/{foreign.pk}/"
    assert secretariat.get(through_ours).status_code == 404
    assert secretariat.post(through_ours + "delete/", {"confirm": "yes"}).status_code == 404
    assert Annex.objects.filter(pk=foreign.pk).exists()


def test_a_chair_of_the_swg_downloads_an_annex_as_an_attachment(client, annex):
    response = login(client, "chair").get(download_url(annex))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Annex 1 Clearance maps.pdf"'


@pytest.mark.parametrize("role, swg_code", [("chair", "other"), ("secretariat", "other")])
def test_a_non_member_may_not_download(client, annex, role, swg_code):
    assert login(client, role, swg_code).get(download_url(annex)).status_code == 403


def test_delete_without_confirmation_changes_nothing(secretariat, annex, media):
    response = secretariat.post(delete_url(annex))
    assert response.status_code == 302
    assert response["Location"] == f"/en/reports/{annex.report_id}/#annexes"
    assert messages_of(response) == ["The annex was not deleted: confirm the deletion first."]
    assert Annex.objects.filter(pk=annex.pk).exists()
    assert len(stored_files(media)) == 1


def test_delete_with_confirmation_removes_the_annex_and_its_file(
    secretariat, annex, media, django_capture_on_commit_callbacks
):
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(delete_url(annex), {"confirm": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/reports/{annex.report_id}/#annexes"
    assert messages_of(response) == ["The annex “Annex 1: Clearance maps” was deleted."]
    assert not Annex.objects.exists()
    assert stored_files(media) == []


def test_a_submitted_report_takes_no_new_annex_and_keeps_its_annexes(secretariat, annex, media):
    report = annex.report
    report.status = Report.Status.SUBMITTED
    report.save()
    assert post_upload(secretariat, report, PNG, "photo.png").status_code == 403
    assert secretariat.post(delete_url(annex), {"confirm": "yes"}).status_code == 403
    assert list(Annex.objects.all()) == [annex]
    assert len(stored_files(media)) == 1
    assert secretariat.get(download_url(annex)).status_code == 200


# The fragment on the report page.


def render_annexes(rf, report, user, **context) -> str:
    request = rf.get(f"/en/reports/{report.pk}/")
    request.user = user
    context = {"report": report} | annexes.annexes_context(report, user) | context
    return render_to_string("reporting/includes/annexes.html", context, request=request)


def test_the_secretariat_sees_the_annexes_with_delete_and_upload_forms(rf, annex):
    html = render_annexes(rf, annex.report, make_member("sec", "secretariat"))
    assert 'id="annexes"' in html and "<script" not in html
    assert f'href="{download_url(annex)}"' in html and "Annex 1: Clearance maps" in html
    assert "PDF" in html and filesizeformat(annex.size) in html and "added by author" in html
    assert f'action="{delete_url(annex)}"' in html
    assert 'name="confirm" value="yes"' in html and "data-confirm=" in html
    assert f'action="{upload_url(annex.report)}"' in html
    assert 'enctype="multipart/form-data"' in html and 'name="csrfmiddlewaretoken"' in html
    assert "No annexes yet." not in html


def test_a_chair_sees_the_annexes_without_forms(rf, annex):
    html = render_annexes(rf, annex.report, make_member("chair", "chair"))
    assert "Annex 1: Clearance maps" in html
    assert "<form" not in html and "data-confirm" not in html


def test_a_report_without_annexes_says_so(rf, report_demo):
    html = render_annexes(rf, report_demo, make_member("sec", "secretariat"))
    assert "No annexes yet." in html and "<li" not in html
