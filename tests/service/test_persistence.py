"""Conversations survive a restart of the Rasa servers: on SQLite (one server) and on PostgreSQL (the cluster)."""
import uuid
from typing import Callable, Dict, List, Tuple

from service_harness import CASES, Cluster, Single, custom

Say = Callable[[str, str], List[Dict]]


def before_restart(say: Say) -> Tuple[str, str]:
    """A finished case and a case waiting for its size; their conversation ids."""
    done, waiting = f"done-{uuid.uuid4().hex[:8]}", f"waiting-{uuid.uuid4().hex[:8]}"
    [turn], _ = CASES[0]
    assert custom(say(done, turn))["variant"]["id"] == "axilla-6"
    assert custom(say(waiting, CASES[2][0][0]))["slot"] == "tumor_size_cm"
    return done, waiting


def after_restart(say: Say, done: str, waiting: str) -> None:
    """The variant is still the finished case's, and the waiting case keeps its facts."""
    faq = custom(say(done, "why not an MRI?"))
    assert (faq["type"], faq["variant"]) == ("faq", "axilla-6")
    answer = custom(say(waiting, "3 cm"))
    assert answer["variant"]["id"] == "axilla-5"
    assert answer["facts"]["age"] == 45 and answer["facts"]["clinical_nodes"] == "negative"


def test_a_conversation_survives_a_restart_on_sqlite(single: Single) -> None:
    done, waiting = before_restart(single.say)
    single.stop("rasa")
    single.start_rasa()
    after_restart(single.say, done, waiting)


def test_a_conversation_survives_a_restart_on_postgresql(cluster: Cluster) -> None:
    def say(sender: str, text: str) -> List[Dict]:
        return cluster.say(cluster.env["CHAT_URL"], sender, text)[0]

    done, waiting = before_restart(say)
    cluster.run("restart", "rasa", str(cluster.folder))
    after_restart(say, done, waiting)
