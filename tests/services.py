"""Real services that the fault tests start, stop and cut off: a Redis
server of the test's own and a TCP proxy whose stopping is a real outage of
the path to a server. Everything listens on 127.0.0.1 on a free port, and
every wait is bounded in time."""

import contextlib
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server

from django.core.handlers.wsgi import WSGIHandler
from django.db import connections


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, up=True, timeout=10):
    """Wait until something listens on `port` (or, up=False, nothing does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                listening = True
        except OSError:
            listening = False
        if listening == up:
            return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} still {'closed' if up else 'open'} after {timeout}s")


class RedisServer:
    """Debian's redis-server on its own port, without persistence: start()
    and stop() it as an operator would; a restart comes back empty."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        executable = shutil.which("redis-server")
        assert executable, "redis-server is not installed (Debian package redis-server)"
        self.process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
            wait_for_port(self.port, up=False)


@contextlib.contextmanager
def redis_server():
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a server. stop() closes the listening
    socket and cuts every open connection, as a failed network or a server
    restart does; start() lets new connections through again."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.connections = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.listener.settimeout(0.2)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        wait_for_port(self.port)

    def stop(self):
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()
        with self.lock:
            for sock in self.connections:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.connections.clear()

    def _accept(self, listener):
        while self.listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed by stop()
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self.lock:
                self.connections += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def tcp_proxy(host, port):
    proxy = TcpProxy(host, port)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def wsgi_server():
    """The portal served by Django's WSGI handler on 127.0.0.1, one request
    at a time in a thread of its own: unlike the test client, each request
    goes through the full request cycle, including the closing and
    replacing of broken database connections (close_old_connections).
    Yields fetch(path) -> (status, headers, text)."""
    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=_QuietHandler)

    def serve():
        try:
            server.serve_forever(poll_interval=0.1)
        finally:
            connections.close_all()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def fetch(path):
        url = f"http://127.0.0.1:{server.server_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    try:
        yield fetch
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
