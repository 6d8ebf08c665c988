"""The development mail backend (ospo_nl.core.console_mail): mail in the terminal as 8-bit text, links whole."""

import io
import os
import subprocess
import sys

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives

from ospo_nl.core.console_mail import EmailBackend

LINK = ("https://ospo.example.nl/account/confirm-email/"
        "MQ:1vQabc:a-key-long-enough-that-quoted-printable-would-break-it-somewhere-in-the-middle/?a=b")


def printed(message):
    stream = io.StringIO()
    assert EmailBackend(stream=stream).send_messages([message]) == 1
    return stream.getvalue()


def test_a_mail_with_html_prints_every_text_part_as_8bit_with_links_whole():
    message = EmailMultiAlternatives("Bevestig je e-mailadres — OSPO-NL", f"Hallo Één,\n\n{LINK}\n", "a@example.org",
                                     ["b@example.org"])
    message.attach_alternative(f'<p>Hallo Één, <a href="{LINK}">bevestig</a></p>', "text/html")
    text = printed(message)
    assert "Transfer-Encoding: quoted-printable" not in text and "=3D" not in text
    assert text.count("Content-Transfer-Encoding: 8bit") == 2
    assert f"\n{LINK}\n" in text and f'href="{LINK}"' in text
    assert "Hallo Één," in text
    assert "Subject: Bevestig je e-mailadres — OSPO-NL" in text
    assert text.endswith("-" * 79 + "\n")


def test_a_plain_mail_keeps_its_headers_and_an_attachment_stays_an_attachment():
    message = EmailMessage("Eén", "Plain één = gewoon", "a@example.org", ["b@example.org"])
    message.attach("afspraak.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "text/calendar")
    text = printed(message)
    assert "From: a@example.org" in text and "To: b@example.org" in text
    assert "Plain één = gewoon" in text
    assert 'Content-Disposition: attachment; filename="afspraak.ics"' in text


def test_django_s_own_console_backend_would_break_the_link():
    """Why the backend exists: the stock one prints the same message quoted-printable."""
    from django.core.mail.backends.console import EmailBackend as DjangoConsole

    stream = io.StringIO()
    DjangoConsole(stream=stream).send_messages([EmailMessage("x", f"Één {LINK}", "a@example.org", ["b@example.org"])])
    assert LINK not in stream.getvalue()


def test_make_run_prints_mail_with_it():
    """`make run` sets DEBUG=1 and no EMAIL_BACKEND: the settings then pick this backend."""
    env = {name: value for name, value in os.environ.items() if name not in ("EMAIL_BACKEND", "TESTING")}
    code = "import ospo_nl.settings as s; print(s.MAILERS['default']['BACKEND'])"
    result = subprocess.run([sys.executable, "-c", code], env={**env, "DEBUG": "1"}, capture_output=True, text=True,
                            cwd=settings.BASE_DIR, check=True)
    assert result.stdout.strip() == "ospo_nl.core.console_mail.EmailBackend"
