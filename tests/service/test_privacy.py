"""Health information stays out of the logs, is deleted after the retention period, and one conversation can
be exported or deleted on request."""
import json
import logging
import subprocess
import uuid
from pathlib import Path

from service_harness import CASES, PY, ROOT, Cluster, Single, custom, post

from service import logs, retention

SECRET_CASE = "67F, new 2.8 cm IDC right breast, palpable 2 cm right axillary node, no treatment yet"


def test_a_failing_action_answers_without_the_conversation(single: Single) -> None:
    broken = {"next_action": "validate_case_form", "domain": {},
              "tracker": {"sender_id": "broken", "latest_message": {"text": SECRET_CASE}, "events": 5, "slots": 7}}
    status, answer = post(f"http://127.0.0.1:{single.actions_port}/webhook", broken,
                          {"X-Action-Token": single.action_token})
    assert status == 500 and SECRET_CASE not in json.dumps(answer)


def test_case_text_never_reaches_the_logs(single: Single, cluster: Cluster) -> None:
    sender = f"privacy-{uuid.uuid4().hex[:8]}"
    assert custom(single.say(sender, SECRET_CASE))["type"] == "recommendation"
    assert custom(cluster.say(cluster.env["CHAT_URL"], sender, SECRET_CASE)[0])["type"] == "recommendation"
    texts = [SECRET_CASE] + [turn for turns, _ in CASES for turn in turns if len(turn) > 20]
    logged = single.logs() + "".join(log.read_text() for log in (cluster.folder / "logs").glob("*.log"))
    assert "INFO" in logged  # the servers did log at INFO
    assert [text for text in texts if text in logged] == []


def test_the_filter_redacts_the_current_message_at_info_and_above() -> None:
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    handler.addFilter(logs.MessageTextFilter())
    logger = logging.getLogger("test_privacy")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    token = logs.current_text.set(SECRET_CASE)
    try:
        logger.debug("debug %s", SECRET_CASE)
        logger.info("parsed %r", {"text": SECRET_CASE})
        try:
            raise ValueError(f"cannot read {json.dumps(SECRET_CASE)}")
        except ValueError:
            logger.exception("failed")
    finally:
        logs.current_text.reset(token)
        logger.removeHandler(handler)
    assert SECRET_CASE in records[0].getMessage()
    assert records[1].getMessage() == "parsed {'text': '[redacted]'}"
    assert SECRET_CASE not in records[2].exc_text and "[redacted]" in records[2].exc_text


def service_cli(single: Single, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PY), "-W", "ignore", "-m", "service", "--endpoints", str(single.endpoints), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_retention_deletes_only_conversations_idle_for_longer(single: Single) -> None:
    old, recent = f"old-{uuid.uuid4().hex[:8]}", f"recent-{uuid.uuid4().hex[:8]}"
    for sender in (old, recent):
        single.say(sender, CASES[1][0][0])
    store = retention.open_store(str(single.endpoints))
    stored = {sender: f"rest:{sender}" for sender in (old, recent)}  # the REST channel's namespace
    last = {sender: retention.export(store, stored[sender])["events"][-1]["timestamp"] for sender in (old, recent)}
    # 30 days after a moment between the two conversations' last events.
    now = (last[old] + last[recent]) / 2 + 30 * 86400
    assert stored[old] in retention.purge(store, days=30, now=now)
    assert retention.export(store, stored[old]) is None and retention.export(store, stored[recent]) is not None

    proc = service_cli(single, "purge", "--days", "30")
    assert proc.returncode == 0 and "deleted 0 conversation(s)" in proc.stdout, proc.stderr


def test_one_conversation_can_be_exported_and_deleted(single: Single, tmp_path: Path) -> None:
    sender = f"export-{uuid.uuid4().hex[:8]}"
    single.say(sender, CASES[0][0][0])
    proc = service_cli(single, "export", sender, "-o", str(tmp_path / "export.json"))
    assert proc.returncode == 0, proc.stderr
    exported = json.loads((tmp_path / "export.json").read_text())
    assert exported["sender_id"] == f"rest:{sender}"  # a bare id names a REST conversation
    assert service_cli(single, "export", f"rest:{sender}").returncode == 0
    assert service_cli(single, "export", f"web:{sender}").returncode == 1
    assert any(e["event"] == "user" and e["text"] == CASES[0][0][0] for e in exported["events"])
    assert any(e["event"] == "slot" and e["name"] == "variant" and e["value"] == "axilla-6" for e in exported["events"])

    proc = service_cli(single, "delete", sender)
    assert proc.returncode == 0 and "deleted conversation" in proc.stdout
    assert service_cli(single, "export", sender).returncode == 1
    # The assistant starts that conversation afresh.
    assert custom(single.say(sender, "3 cm"))["type"] != "recommendation"
