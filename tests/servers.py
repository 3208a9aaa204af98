"""For the tests that start real servers: a free port, and waiting until a server answers."""
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional

START_TIMEOUT = 300  # seconds: Rasa loads TensorFlow, spaCy and the model, slowly on a busy machine


def free_port() -> int:
    """A port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(log: Path, chars: int = 3000) -> str:
    return log.read_text(errors="replace")[-chars:] if log.exists() else "(no log)"


def wait_until_up(url: str, process: Optional[subprocess.Popen], log: Path, timeout: float = START_TIMEOUT) -> None:
    """Polls `url` until it answers; fails the test with the log's tail if the process dies or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{process.args} exited {process.returncode}:\n{log_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not come up in {timeout} s:\n{log_tail(log)}")
