"""A throwaway PostgreSQL server for the tests: initdb into a temp dir, start, stop.

Debian's ``postgresql`` package puts its programs under
``/usr/lib/postgresql/<major>/bin``. The server listens on loopback only, on a
free port, with ``trust`` authentication (nothing outside the machine can reach
it, and it lives as long as the test session). ``initdb`` refuses to run as
root, so as root every server program runs as the ``postgres`` user through
``runuser`` and the data folder is handed to that user first.

Durability is switched off (``fsync=off``): the data is thrown away at the end,
and the tests are about behaviour, not about surviving a power cut.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

SUPERUSER = "postgres"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL programs on this machine (the reason says what to install)."""


def find_bindir() -> Path:
    """The newest ``/usr/lib/postgresql/*/bin`` holding initdb (or ``$PG_BINDIR``)."""
    explicit = os.environ.get("PG_BINDIR")
    candidates = [explicit] if explicit else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
        if Path(p).parent.name.isdigit() else 0, reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerUnavailable(
        "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin): "
        "apt-get install postgresql, or run `make test`, which installs it")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@dataclass
class PgServer:
    """A running server; :meth:`url` names a database on it for ``open_catalog``."""

    bindir: Path
    root: Path
    port: int

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, database: str, *, user: str = SUPERUSER,
            scheme: str = "postgresql+psycopg") -> str:
        return f"{scheme}://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        """A superuser connection to the ``postgres`` database, autocommit."""
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                               dbname="postgres", autocommit=True)

    def create_database(self, prefix: str = "t", *, template: str | None = None) -> str:
        """A new empty database (or a copy of *template*); returns its name."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            clause = f" TEMPLATE {template}" if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def sql(self, database: str, statement: str) -> None:
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                             dbname=database, autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def stop(self) -> None:
        subprocess.run(_as_server_user([str(self.bindir / "pg_ctl"), "-D", str(self.datadir),
                                        "-m", "immediate", "-w", "stop"]),
                       capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start(*, max_connections: int = 100) -> PgServer:
    """initdb and start a server on a free loopback port; raise ServerUnavailable if none."""
    bindir = find_bindir()
    root = Path(tempfile.mkdtemp(prefix="liaison-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    os.chmod(root, 0o700)
    server = PgServer(bindir, root, _free_port())
    try:
        subprocess.run(_as_server_user([
            str(bindir / "initdb"), "-D", str(server.datadir), "-U", SUPERUSER,
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
            capture_output=True, check=True, text=True)
        options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} "
                   f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   f"-c max_connections={max_connections} -c log_min_messages=fatal")
        subprocess.run(_as_server_user([
            str(bindir / "pg_ctl"), "-D", str(server.datadir), "-l", str(root / "server.log"),
            "-o", options, "-w", "-t", "60", "start"]),
            capture_output=True, check=True, text=True)
    except subprocess.CalledProcessError as exc:
        log = root / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        with contextlib.suppress(Exception):
            server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr}\n{detail}") from exc
    return server
