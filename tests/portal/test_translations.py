"""Every page and email in the member's language: complete catalogues, the switcher, RTL, emails, the ID card.

The catalogue checks fail when makemessages brings in a message nobody translated yet, when a
translation is marked fuzzy, or when a translation drops or invents a placeholder.
"""

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from members import rules
from members.models import Member
from outbox.services import email_queue
from tests.conftest import MEMBER_PASSWORD

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w+\}")
# What docs/translations.md tells translators to run (make catalogues).
MAKEMESSAGES_OPTIONS = ["--no-obsolete", "--extension=html,txt,py,jinja", "--ignore=tests", "--ignore=bench"]
LOGIN_TITLES = {
    "es": "Cuenta en línea de miembro",
    "pt-br": "Conta online do membro",
    "vi": "Tài khoản trực tuyến của hội viên",
    "zh-hant": "會員網上帳戶",
    "hmn": "As Khauj Online Tswv Cuab",
    "ht": "Kont Manm sou Entènèt",
    "ar": "الحساب الإلكتروني للعضو",
}


def catalogue(code: str) -> Path:
    return LOCALE_DIR / translation.to_locale(code) / "LC_MESSAGES" / "django.po"


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text)) | {m.group(0) for m in PLACEHOLDER.finditer(text)}


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_complete(code: str) -> None:
    po = polib.pofile(str(catalogue(code)))
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def message_ids(path: Path) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}


def test_catalogues_hold_every_message_the_code_has(tmp_path: Path) -> None:
    # makemessages over a copy of the sources: a string added to a template or module without
    # being added to the catalogues would otherwise stay English in every other language.
    source = tmp_path / "src"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(
            ".*", "var", "bench", "test-artifacts", "__pycache__", "*.mo", "node_modules"
        ),
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "es", *MAKEMESSAGES_OPTIONS, "-v0"],
        cwd=source,
        check=True,
    )
    extracted = message_ids(source / "locale" / "es" / "LC_MESSAGES" / "django.po")
    for code in TRANSLATED:
        assert message_ids(catalogue(code)) == extracted, code


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_their_placeholders(code: str) -> None:
    wrong = []
    for entry in polib.pofile(str(catalogue(code))).translated_entries():
        if entry.msgid_plural:
            # Some languages spell "one" or "zero" out, so a form may leave the number away,
            # but it may never use a placeholder the code does not supply.
            known = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            if any(not placeholders(form) <= known for form in entry.msgstr_plural.values()):
                wrong.append(entry.msgid)
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(entry.msgid)
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_passes_msgfmt_check(code: str) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    result = subprocess.run(  # noqa: S603
        [msgfmt, "--check", "-o", "/dev/null", str(catalogue(code))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", TRANSLATED)
def test_browser_language_picks_the_first_page_language(client: Client, code: str) -> None:
    response = client.get(reverse("account_login"), headers={"accept-language": f"{code},en;q=0.5"})
    assert LOGIN_TITLES[code] in response.text
    assert f'lang="{code}"' in response.text


@pytest.mark.parametrize("code", TRANSLATED)
def test_switcher_changes_the_language_when_logged_out(client: Client, code: str) -> None:
    login = reverse("account_login")
    response = client.post(reverse("set_language"), {"language": code, "next": login}, follow=True)
    assert LOGIN_TITLES[code] in response.text


def test_switcher_lists_every_language_by_its_own_name(client: Client) -> None:
    response = client.get(reverse("account_login"))
    for name in ["Español", "Português", "Tiếng Việt", "繁體中文", "Hmoob", "Kreyòl ayisyen", "العربية"]:
        assert name in response.text


def test_switcher_refuses_a_language_we_do_not_offer(client: Client) -> None:
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    response = client.get(reverse("account_login"))
    assert 'lang="en"' in response.text


def test_spanish_pages_use_the_help_pages_spanish_labels_without_the_english(client: Client) -> None:
    # The Spanish help page writes "SUBMIT (Enviar)" because that plan's portal is English-only;
    # ours is translated, so its bracketed words are the labels and no English is left.
    response = client.get(reverse("signup"), headers={"accept-language": "es"})
    assert "Crear una cuenta en línea de miembro" in response.text
    assert "ENVIAR" in response.text and "Verifique su contraseña" in response.text
    for english in ["Create Member Online Account", "SUBMIT", "Verify Password"]:
        assert english not in response.text


def test_arabic_pages_read_right_to_left(client: Client) -> None:
    response = client.get(reverse("account_login"), headers={"accept-language": "ar"})
    assert 'dir="rtl"' in response.text
    english = client.get(reverse("account_login"), headers={"accept-language": "en"})
    assert 'dir="ltr"' in english.text


def test_hmong_login_errors_are_in_hmong(client: Client, member: Member) -> None:
    # Django and allauth ship no Hmong: these messages come from our own catalogue.
    response = client.post(
        reverse("account_login"),
        {"login": "jose.nunez", "password": "wrong password"},
        headers={"accept-language": "hmn"},
    )
    assert "Npe siv thiab/los yog lo lus zais koj sau tsis yog." in response.text
    response = client.post(reverse("account_login"), {}, headers={"accept-language": "hmn"})
    assert "Sau koj lub npe siv." in response.text and "Sau koj lo lus zais." in response.text


def test_dates_follow_the_page_language() -> None:
    day = datetime.date(2025, 10, 1)
    for code, expected in [
        ("es", "1 de octubre de 2025"),
        ("ht", "1 oktòb 2025"),
        ("hmn", "Lub Kaum Hlis 1, 2025"),
    ]:
        with translation.override(code):
            assert date_format(day, "DATE_FORMAT") == expected


def test_member_who_switches_language_keeps_it(member_client: Client, member: Member) -> None:
    member_client.post(reverse("set_language"), {"language": "pt-br", "next": "/"})
    assert member.user is not None
    member.user.refresh_from_db()
    assert member.user.preferred_language == "pt-br"


@pytest.mark.parametrize("code", TRANSLATED)
def test_home_page_title_is_the_home_page_not_a_home_address(member_client: Client, code: str) -> None:
    # "Home" is also an address and a phone kind; the page must take the navigation's word.
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    title = re.search(r"<title>(.*?) \u2013 ", member_client.get("/").text)
    with translation.override(code):
        assert title is not None
        assert title.group(1) == translation.pgettext("home page", "Home")
        assert title.group(1) != translation.gettext("Home")


def test_stored_language_applies_at_log_in(client: Client, member: Member) -> None:
    assert member.user is not None
    member.user.preferred_language = "vi"
    member.user.save()
    response = client.post(
        reverse("account_login"), {"login": "jose.nunez", "password": MEMBER_PASSWORD}, follow=True
    )
    assert 'lang="vi"' in response.text


def test_email_queued_in_spanish_has_a_spanish_subject(db: None) -> None:
    email = email_queue(
        to="jose@example.org",
        template="members/signup_code",
        context={"code": "123456", "code_lifetime_minutes": rules.code_lifetime_minutes()},
        language="es",
    )
    assert email.subject == "Su código de verificación"
    assert "Servicios para Miembros" in email.body_text


def test_id_card_pdf_has_spanish_labels(member_client: Client, carded_member: Member, tmp_path: Path) -> None:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    member_client.post(reverse("set_language"), {"language": "es", "next": "/"})
    response = member_client.get(reverse("idcard_print"))
    assert response.status_code == 200
    path = tmp_path / "card.pdf"
    path.write_bytes(response.content)
    printed = subprocess.run([tool, str(path), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603
    text = " ".join(printed.split())  # labels may wrap on the small card
    assert "Servicios para Miembros" in text
    assert "Nombre del miembro" in text


def test_no_spanish_label_keeps_its_english_in_front_of_brackets() -> None:
    # The seed's "LOG IN (Iniciar sesión)" is an English-only portal's way; ours says "INICIAR SESIÓN".
    bracketed = re.compile(r"\b[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* \([^()%]+\)")
    offenders = [
        entry.msgstr
        for entry in polib.pofile(str(catalogue("es")))
        if "(" not in PLACEHOLDER.sub("", entry.msgid) and bracketed.search(entry.msgstr)
    ]
    assert offenders == []
