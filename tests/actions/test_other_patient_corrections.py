"""Corrections that blame another patient for a fact of this case (session 29, breaker qa36): the case is corrected,
never cleared, through the actions with real trackers, in words written for these tests."""
import pytest
from action_harness import reply_after


@pytest.mark.parametrize("reply", [
    "apologies - axilla is clear on exam; that was a different patient",
    "oops, the palpable node was the other patient's - this lady has nothing palpable",
])
def test_a_node_blamed_on_another_patient_is_taken_out_of_the_case(domain, reply):
    answer = reply_after(domain, "71F, new L IDC 1.2 cm, palpable L axillary node, untreated", "axilla-4", reply)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-3")


def test_a_size_given_after_confusing_patients_corrects_the_size(domain):
    answer = reply_after(domain, "71F, new L IDC 3.2 cm, axilla clinically negative, untreated", "axilla-5",
                         "I confused her with another lady, the tumour is 1.9 cm")
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-3")
