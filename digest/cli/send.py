"""``digest send``: deliver the built ``digest.eml`` over SMTP.

The message is sent exactly as built (same Message-ID, same parts); only
From/To are replaced when given, so what a subscriber receives is what
``digest build`` wrote and a reader could inspect beforehand.  The password
comes from an environment variable, never a flag, so it stays out of shell
history and process listings.
"""

from __future__ import annotations

import sys
from pathlib import Path

PASSWORD_VARIABLE = "DIGEST_SMTP_PASSWORD"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "send",
        help="send the built email (digest.eml) over SMTP",
        description="Send a built digest.eml to one or more addresses over SMTP. "
        f"The SMTP password is read from ${PASSWORD_VARIABLE} (never a flag).",
    )
    parser.add_argument(
        "message", nargs="?", type=Path,
        help="the .eml file to send (default: digest.eml in the output folder)",
    )
    parser.add_argument("--to", action="append", metavar="ADDR",
                        help="recipient; repeat or separate with commas (default: the message's To)")
    parser.add_argument("--from", dest="sender", metavar="ADDR", help="sender (default: the message's From)")
    parser.add_argument("--smtp-host", required=True, metavar="HOST", help="SMTP server")
    parser.add_argument("--port", type=int, metavar="P",
                        help="SMTP port (default: 465 with --ssl, 587 with --starttls, else 25)")
    security = parser.add_mutually_exclusive_group()
    security.add_argument("--starttls", action="store_true", help="upgrade the connection with STARTTLS")
    security.add_argument("--ssl", action="store_true", help="connect over TLS from the start (SMTPS)")
    parser.add_argument("--user", metavar="U", help=f"log in as U with the password in ${PASSWORD_VARIABLE}")
    parser.add_argument("--out", type=Path, metavar="DIR", help="output folder of the build (default: from config)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: ./digest.toml)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="give up when the whole send has taken S seconds (default 30)")
    parser.set_defaults(func=run)


def run(args) -> int:
    import email
    import email.policy
    import os
    import smtplib
    import ssl
    from email.utils import getaddresses

    from ..config import ConfigError, load_config

    path = args.message
    if path is None:
        try:
            settings = load_config(args.config)
        except ConfigError as exc:
            return _fail(str(exc), EXIT_USAGE)
        path = (args.out or settings.out) / "digest.eml"
    try:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    except OSError as exc:
        return _fail(f"{path}: cannot read the message: {exc.strerror or exc}", EXIT_USAGE)
    if not msg.keys() or not msg.get("Subject"):
        return _fail(f"{path}: not an email message (run 'digest build' first)", EXIT_USAGE)

    recipients = [addr for _, addr in getaddresses(args.to or [str(msg.get("To", ""))]) if "@" in addr]
    if not recipients:
        return _fail(f"{path}: no recipient: give --to ADDR", EXIT_USAGE)
    if args.to:
        del msg["To"]
        msg["To"] = ", ".join(args.to)
    if args.sender:
        del msg["From"]
        msg["From"] = args.sender
    senders = [addr for _, addr in getaddresses([str(msg.get("From", ""))]) if "@" in addr]
    if not senders:
        return _fail(f"{path}: no sender: give --from ADDR", EXIT_USAGE)
    placeholders = [addr for addr in senders[:1] + recipients if addr.lower().endswith(".invalid")]
    if placeholders:
        return _fail(f"{path}: placeholder address {placeholders[0]} (built without email_from/email_to): "
                     "set them in digest.toml and build again, or give --from and --to", EXIT_USAGE)

    password = os.environ.get(PASSWORD_VARIABLE, "")
    if args.user and not password:
        return _fail(f"--user {args.user}: set the password in ${PASSWORD_VARIABLE}", EXIT_USAGE)

    port = args.port or (465 if args.ssl else 587 if args.starttls else 25)
    where = f"{args.smtp_host}:{port}"
    deadline = Deadline(args.timeout)
    try:
        with deadline:
            if args.ssl:
                client = smtplib.SMTP_SSL(timeout=args.timeout, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(timeout=args.timeout)
            # the greeting is read inside connect(): the socket is watched from the moment it exists
            opened = client._get_socket
            client._get_socket = lambda *where: deadline.watch(opened(*where))
            client.connect(args.smtp_host, port)
            with client:
                if args.starttls:
                    client.starttls(context=ssl.create_default_context())
                    deadline.watch(client.sock)
                if args.user:
                    _login(client, args.user, password)
                refused = client.send_message(msg, from_addr=senders[0], to_addrs=recipients)
    except TimedOut:
        return _fail(f"{where}: timed out after {args.timeout:g} s; the message was not sent", EXIT_FAILED)
    except smtplib.SMTPAuthenticationError as exc:
        return _fail(f"{where}: login refused for {args.user}: {_reply(exc)}", EXIT_FAILED)
    except smtplib.SMTPRecipientsRefused as exc:
        return _fail(f"{where}: all recipients refused: {', '.join(exc.recipients)}", EXIT_FAILED)
    except smtplib.SMTPResponseException as exc:
        return _fail(f"{where}: the server refused the message: {_reply(exc)}", EXIT_FAILED)
    except (smtplib.SMTPException, OSError) as exc:
        return _fail(f"{where}: cannot send: {exc}", EXIT_FAILED)

    for addr, (code, reply) in refused.items():
        print(f"digest: {where}: refused {addr}: {code} {reply.decode(errors='replace')}", file=sys.stderr)
    delivered = [r for r in recipients if r not in refused]
    print(f"Sent {path} ({msg['Subject']}) to {', '.join(delivered)} via {where}")
    return EXIT_FAILED if refused else EXIT_OK


class TimedOut(Exception):
    """The whole send took longer than ``--timeout``."""


class Deadline:
    """One time limit for the whole SMTP conversation.

    smtplib's ``timeout`` bounds each socket operation only, so a server that
    sends one byte every two seconds could hold a send for good.  When the time
    is up, a timer thread shuts the socket down: the blocked read returns at
    once, and the ``with`` block ends with :class:`TimedOut`.
    """

    def __init__(self, seconds: float):
        import threading

        self.expired = False
        self._sock = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock):
        """The connection to cut when time is up (again after STARTTLS replaces it); returns it."""
        self._sock = sock
        if self.expired:
            self._expire()
        return sock

    def _expire(self) -> None:
        import socket

        self.expired = True
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> "Deadline":
        self._timer.start()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._timer.cancel()
        if self.expired and kind is not None:
            raise TimedOut() from value


def _login(client, user: str, password: str) -> None:
    """Log in; smtplib encodes credentials as ASCII, so UTF-8 ones use AUTH PLAIN (RFC 4616)."""
    import base64
    import smtplib

    if (user + password).isascii():
        client.login(user, password)
        return
    client.ehlo_or_helo_if_needed()
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, reply = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _reply(exc) -> str:
    text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}"


def _fail(message: str, code: int) -> int:
    print(f"digest: error: {message}", file=sys.stderr)
    return code
