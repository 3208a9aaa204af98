"""The node question answered with a doubt (qa38): "felt something, not convinced", "yes?", one examiner against
another. Asked again, never answered as node-positive or node-negative; a plain answer is taken. Through the actions
with real trackers, in words written for these tests."""
import pytest
from action_harness import customs, form_turn

FIRST = "53F, newly diagnosed L breast IDC 2.7 cm on core biopsy, no treatment yet"


def asked(domain):
    slots, messages = form_turn(domain, {}, FIRST, "describe_case")
    assert [(c["type"], c.get("slot")) for c in customs(messages)] == [("question", "clinical_nodes")]
    return slots


@pytest.mark.parametrize("reply", ["palpated something, but not convinced", "yeah?",
                                   "my registrar felt one, I couldn't"])
def test_a_doubted_node_answer_is_asked_again(domain, reply):
    _, messages = form_turn(domain, asked(domain), reply, "inform", requested="clinical_nodes", turn=2)
    found = customs(messages)
    assert not any(c["type"] == "recommendation" for c in found)
    assert ("question", "clinical_nodes") in [(c["type"], c.get("slot")) for c in found]


def test_a_plain_node_answer_is_taken(domain):
    _, messages = form_turn(domain, asked(domain), "yes, a firm palpable one, about 1 cm", "inform",
                            requested="clinical_nodes", turn=2)
    answer = customs(messages)[-1]
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")
