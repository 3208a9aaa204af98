"""`make run` (scripts/run.sh) supervises its processes: a crashed one is restarted and logged, and the
start-up output is the assistant's, not the libraries' warnings."""
import os
import signal
import time
from pathlib import Path
from typing import Any, Dict, List

from server_harness import say
from servers import wait_until_up


def descendants(pid: int) -> List[int]:
    """Every process below `pid` (from /proc)."""
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    """True while `pid` is a live process (not gone, not a zombie)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def action_server(run: Dict[str, Any]) -> int:
    """The pid of the action server that scripts/run.sh started."""
    for pid in descendants(run["pid"]):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"service.action_server" in command and str(run["actions_port"]).encode() in command:
            return pid
    raise AssertionError("no action server among the processes of scripts/run.sh")


def test_a_killed_action_server_is_restarted_and_the_next_turn_answers(run_sh: Dict[str, Any]) -> None:
    killed = action_server(run_sh)
    os.kill(killed, signal.SIGKILL)
    time.sleep(2)
    wait_until_up(f"http://127.0.0.1:{run_sh['actions_port']}/health", None, run_sh["log"], 240)
    assert action_server(run_sh) != killed
    messages = say(run_sh["url"], "after-crash", "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary "
                                                 "node, no treatment yet")
    [answer] = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
    assert answer["type"] == "recommendation" and answer["variant"]["id"] == "axilla-6"
    log = run_sh["log"].read_text(errors="replace")
    assert "exited: actions" in log and "spawned: 'actions'" in log  # the restart is logged


def test_start_up_output_is_the_assistants_not_library_warnings(run_sh: Dict[str, Any]) -> None:
    lines = run_sh["log"].read_text(errors="replace").splitlines()
    noise = [line for line in lines if "Warning" in line or "declare_namespace" in line
             or "deprecated" in line.lower()]
    assert len(noise) <= 2, "\n".join(noise[:20])


def test_zz_ctrl_c_stops_every_process(run_sh: Dict[str, Any]) -> None:
    """Last in the session (it stops the servers the other tests share): Ctrl-C, i.e. SIGINT to the
    terminal's process group, stops supervisord and every process it started."""
    started = descendants(run_sh["pid"])
    assert len(started) >= 3  # the action server, the Rasa server, the page server
    os.killpg(run_sh["pid"], signal.SIGINT)
    run_sh["process"].wait(timeout=90)
    time.sleep(1)
    assert not [pid for pid in started if running(pid)]
    assert "stopped: rasa" in run_sh["log"].read_text(errors="replace")
