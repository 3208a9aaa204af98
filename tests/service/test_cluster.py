"""The cluster of scripts/cluster.sh: shared PostgreSQL + Redis lock store, two Rasa servers behind nginx."""
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Set, Tuple

from service_harness import CASES, Cluster, bearer, custom, post

CONVERSATIONS = 50


def converse(cluster: Cluster, n: int) -> Tuple[str, str, Set[str]]:
    """Conversation n (case n % 5) through nginx: the variant expected, the one recommended, the servers used."""
    turns, expected = CASES[n % len(CASES)]
    sender, served = f"cluster-{n}-{uuid.uuid4().hex[:8]}", set()
    for turn in turns:
        messages, upstream = cluster.say(cluster.env["CHAT_URL"], sender, turn)
        served.add(upstream)
    answer = custom(messages)
    return expected, answer["type"] == "recommendation" and answer["variant"]["id"], served


def test_fifty_concurrent_conversations_each_get_their_own_recommendation(cluster: Cluster) -> None:
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        results = list(pool.map(lambda n: converse(cluster, n), range(CONVERSATIONS)))
    assert [got for _, got, _ in results] == [expected for expected, _, _ in results]
    servers = set().union(*(served for _, _, served in results))
    assert len(servers) == 2, servers
    # Sticky-free: multi-turn conversations had turns answered by different servers.
    assert any(len(served) == 2 for _, _, served in results)


def test_turns_alternating_between_the_two_servers_keep_the_facts(cluster: Cluster) -> None:
    urls = cluster.env["RASA_URLS"].split()
    for n, (turns, expected) in enumerate(CASES):
        sender = f"alternate-{n}-{uuid.uuid4().hex[:8]}"
        for i, turn in enumerate(turns):
            messages, _ = cluster.say(urls[(n + i) % 2], sender, turn)
        assert custom(messages)["variant"]["id"] == expected


def test_the_cluster_refuses_requests_without_the_token(cluster: Cluster) -> None:
    url = f"{cluster.env['CHAT_URL']}/webhooks/rest/webhook"
    body = {"sender": "intruder", "message": "hello"}
    assert post(url, body)[0] == 401
    assert post(url, body, bearer("guess"))[0] == 403
    # Rasa's HTTP API runs with --auth-token.
    tracker = f"{cluster.env['RASA_URLS'].split()[0]}/conversations/intruder/tracker"
    try:
        urllib.request.urlopen(tracker, timeout=30)
        raise AssertionError("the HTTP API answered without a token")
    except urllib.error.HTTPError as e:
        assert e.code == 401
    with urllib.request.urlopen(f"{tracker}?token={cluster.env['RASA_API_TOKEN']}", timeout=30) as answer:
        assert answer.status == 200


def listening_addresses(ports: Set[int]) -> List[Tuple[str, int]]:
    """(address in /proc/net hex, port) of every listening TCP socket on one of `ports`."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.split(":")
            if state == "0A" and int(port, 16) in ports:
                found.append((address, int(port, 16)))
    return found


def test_nothing_listens_beyond_localhost(cluster: Cluster) -> None:
    env = cluster.env
    ports = {int(p) for p in f"{env['RASA_PORTS']} {env['ACTION_PORTS']}".split()}
    ports |= {int(env[key]) for key in ("DB_PORT", "REDIS_PORT", "CHAT_PORT", "ACTIONS_PORT")}
    found = listening_addresses(ports)
    assert {port for _, port in found} == ports
    assert {address for address, _ in found} == {"0100007F"}, found  # 127.0.0.1
