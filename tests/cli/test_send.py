"""``digest send`` delivers the built message to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from digest.cli import main
from digest.publish.mail import build_message, render_html, render_text
from samples import sample_briefing


class Inbox:
    """An aiosmtpd handler that keeps what arrives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == b"digest" and auth_data.password == b"s3cr\xc3\xa9t"
        return AuthResult(success=ok, handled=False)

    controller = Controller(
        inbox, hostname="127.0.0.1", port=free_port(),
        authenticator=authenticator, auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def eml(tmp_path):
    briefing = sample_briefing()
    path = tmp_path / "digest.eml"
    path.write_bytes(bytes(build_message(briefing, render_html(briefing), render_text(briefing))))
    return path


def received(inbox) -> email.message.EmailMessage:
    assert len(inbox.envelopes) == 1
    return email.message_from_bytes(inbox.envelopes[0].original_content, policy=email.policy.default)


def test_send_delivers_both_parts_with_utf8_subject_and_umlauts(smtp_server, eml, capsys):
    controller, inbox = smtp_server
    code = main(["send", str(eml), "--to", "leser@example.org", "--smtp-host", "127.0.0.1",
                 "--port", str(controller.port)])
    assert code == 0, capsys.readouterr().err
    envelope = inbox.envelopes[0]
    assert envelope.rcpt_tos == ["leser@example.org"]
    assert envelope.mail_from == "digest@example.org"
    msg = received(inbox)
    assert msg["Subject"] == "Luxembourg AI & Tech Briefing — 22 November 2026 — 3 stories"
    assert msg["To"] == "leser@example.org"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in msg.get_body(("plain",)).get_content()
    assert "Partnerschaft mit Mistral AI an" in msg.get_body(("html",)).get_content()
    assert "Sent " in capsys.readouterr().out


def test_send_keeps_the_message_to_and_from_when_not_overridden(smtp_server, eml):
    controller, inbox = smtp_server
    assert main(["send", str(eml), "--smtp-host", "127.0.0.1", "--port", str(controller.port)]) == 0
    assert inbox.envelopes[0].rcpt_tos == ["juergen@example.org"]
    assert received(inbox)["To"] == "Jürgen Müller <juergen@example.org>"


def test_send_logs_in_with_the_password_from_the_environment(smtp_server, eml, monkeypatch):
    controller, inbox = smtp_server
    monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "s3crét")
    args = ["send", str(eml), "--to", "a@example.org", "--to", "b@example.org,c@example.org",
            "--from", "Redaktion <redaktion@example.org>", "--smtp-host", "127.0.0.1",
            "--port", str(controller.port), "--user", "digest"]
    assert main(args) == 0
    assert inbox.envelopes[0].rcpt_tos == ["a@example.org", "b@example.org", "c@example.org"]
    assert received(inbox)["From"] == "Redaktion <redaktion@example.org>"


def test_wrong_password_is_one_line_and_exit_1(smtp_server, eml, monkeypatch, capsys):
    controller, inbox = smtp_server
    monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "wrong")
    code = main(["send", str(eml), "--smtp-host", "127.0.0.1", "--port", str(controller.port), "--user", "digest"])
    err = capsys.readouterr().err
    assert code == 1 and inbox.envelopes == []
    assert err.count("\n") == 1 and "login refused for digest" in err and "Traceback" not in err


def test_user_without_password_variable_is_a_usage_error(eml, monkeypatch, capsys):
    monkeypatch.delenv("DIGEST_SMTP_PASSWORD", raising=False)
    assert main(["send", str(eml), "--smtp-host", "127.0.0.1", "--user", "digest"]) == 2
    assert "DIGEST_SMTP_PASSWORD" in capsys.readouterr().err


def test_missing_message_names_the_file(tmp_path, capsys):
    missing = tmp_path / "nope.eml"
    assert main(["send", str(missing), "--smtp-host", "127.0.0.1"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err


def test_no_server_listening_is_one_line_and_exit_1(eml, capsys):
    code = main(["send", str(eml), "--smtp-host", "127.0.0.1", "--port", str(free_port()), "--timeout", "5"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot send" in err and err.count("\n") == 1


def test_starttls_refused_by_the_server_is_one_line_and_exit_1(smtp_server, eml, capsys):
    controller, inbox = smtp_server  # this server offers no STARTTLS: never send in the clear instead
    code = main(["send", str(eml), "--smtp-host", "127.0.0.1", "--port", str(controller.port), "--starttls"])
    err = capsys.readouterr().err
    assert code == 1 and inbox.envelopes == []
    assert "STARTTLS" in err and err.count("\n") == 1


def test_default_message_is_digest_eml_in_the_output_folder(smtp_server, eml, capsys):
    controller, inbox = smtp_server
    code = main(["send", "--out", str(eml.parent), "--smtp-host", "127.0.0.1", "--port", str(controller.port)])
    assert code == 0 and len(inbox.envelopes) == 1
    assert str(eml) in capsys.readouterr().out


def test_password_is_not_a_flag():
    with pytest.raises(SystemExit):
        main(["send", "--smtp-host", "h", "--password", "x"])


def test_a_message_built_without_addresses_is_refused_until_they_are_given(smtp_server, tmp_path, capsys):
    controller, inbox = smtp_server
    port = controller.port
    briefing = sample_briefing(email_from="", email_to="")
    html, text = render_html(briefing), render_text(briefing)
    path = tmp_path / "digest.eml"
    path.write_bytes(build_message(briefing, html, text).as_bytes())
    assert "example.invalid" in path.read_text(encoding="utf-8")

    assert main(["send", str(path), "--smtp-host", "127.0.0.1", "--port", str(port)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and str(path) in error and "placeholder address" in error
    assert inbox.envelopes == []

    assert main(["send", str(path), "--smtp-host", "127.0.0.1", "--port", str(port),
                 "--from", "briefing@example.org", "--to", "team@example.org"]) == 0
    assert inbox.envelopes[0].rcpt_tos == ["team@example.org"]
