"""The assistant's two servers as scripts/run.sh starts them (open REST channel, SQLite in a temp folder)."""
from typing import Iterator

import pytest
from robustness_harness import ROOT

from scripts.bench.servers import Servers


@pytest.fixture(scope="module")
def rasa_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Both servers, started once per test module."""
    assert list((ROOT / "models").glob("*.tar.gz")), "no trained model in models/: run `make train` first"
    servers = Servers(ROOT, tmp_path_factory.mktemp("robustness"))
    servers.start()
    try:
        servers.wait_answering()
        yield servers.url
    finally:
        servers.stop()
