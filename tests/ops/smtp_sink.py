"""A local SMTP server that keeps what it receives, for tests whose mail leaves another process."""

import asyncio
import email
import logging
import socket
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO


class Sink:
    def __init__(self, delay=0.0):
        self.messages = []
        self.delay = delay
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler hook name
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"

    def to(self, address):
        with self._lock:
            return [m for m in self.messages if address in (m["To"] or "")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_sink(delay=0.0):
    """Yields (sink, port); the server runs in a thread of this process and stops on exit. `delay`: seconds
    before each message is accepted, a slow mail server."""
    sink = Sink(delay)
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()
