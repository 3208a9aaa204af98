"""Session fixtures: the real servers the service tests talk to, started once and stopped at the end."""
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from service_harness import ROOT, Cluster, Single


def workdir(name: str) -> Path:
    """A fresh folder under build/tests (reachable by the postgres user, unlike pytest's private tmp)."""
    (ROOT / "build" / "tests").mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=ROOT / "build" / "tests"))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="session")
def single() -> Iterator[Single]:
    """One Rasa server + one action server, tokens on, conversations in SQLite."""
    server = Single(workdir("single"))
    try:
        server.start_actions()
        server.start_rasa()
        yield server
    finally:
        server.stop("rasa")
        server.stop("actions")
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    """scripts/cluster.sh: PostgreSQL, Redis, two Rasa servers and two action servers behind nginx."""
    servers = Cluster(workdir("cluster"))
    try:
        servers.run("start", str(servers.folder))
        yield servers
    finally:
        servers.run("stop", str(servers.folder))
        shutil.rmtree(servers.folder, ignore_errors=True)
