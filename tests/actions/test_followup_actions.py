"""Follow-up answers and the fallback."""
import pytest
from action_harness import customs, make_tracker, run

from actions.followup import ActionAnswerFaq, ActionFallback
from bot import faq


@pytest.mark.parametrize("topic", faq.TOPICS)
def test_every_topic_is_answered_without_a_case(domain, topic):
    tracker = make_tracker("a question", f"faq_{topic}", form_active=False)
    events, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages) == [{"type": "faq", "topic": topic, "variant": None}]
    assert messages[0]["text"] and events == []


def test_a_follow_up_after_a_case_is_answered_for_its_variant(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive",
             "variant": "axilla-6"}
    tracker = make_tracker("would MRI not be the better test?", "faq_why_not_mri", slots, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages) == [{"type": "faq", "topic": "why_not_mri", "variant": "axilla-6"}]
    # variant 6's own ratings, written out here (ACR Imaging of the Axilla, variant 6), not the general answer
    assert "US axilla is Usually Appropriate" in messages[0]["text"]
    assert "MRI breast without and with IV contrast is May Be Appropriate" in messages[0]["text"]
    assert "Describe the patient" not in messages[0]["text"]


def test_a_proposed_order_heard_as_why_not_mri_gets_that_exams_rating(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive",
             "variant": "axilla-6"}
    tracker = make_tracker("could we book a breast MRI w/o contrast for her?", "faq_why_not_mri", slots,
                           form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    check = customs(messages)[0]
    # ACR Imaging of the Axilla, variant 6: MRI breast without IV contrast is Usually Not Appropriate
    assert (check["type"], check["procedure"], check["category"]) == (
        "order_check", "MRI breast without IV contrast", "Usually Not Appropriate")


def test_an_exam_named_alone_heard_as_order_wording_gets_its_rating(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive",
             "variant": "axilla-6"}
    tracker = make_tracker("and a plain CT?", "faq_order_wording", slots, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    check = customs(messages)[0]
    assert (check["type"], check["procedure"]) == ("order_check", "CT chest abdomen pelvis without IV contrast")


def test_a_proposed_order_is_checked_however_unsure_the_classifier(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive",
             "variant": "axilla-6"}
    tracker = make_tracker("could we order a CT with and without contrast?", "faq_order_wording", slots,
                           confidence=0.3, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    check = customs(messages)[0]
    assert (check["type"], check["procedure"]) == (
        "order_check", "CT chest abdomen pelvis without and with IV contrast")


def test_how_to_word_an_exams_order_stays_the_wording_question(domain):
    tracker = make_tracker("how do I word the request for the US?", "faq_order_wording", form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages)[0]["topic"] == "order_wording"


def test_a_declined_exam_stays_the_why_not_question(domain):
    tracker = make_tracker("so no breast MRI for her at all?", "faq_why_not_mri", form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages)[0]["topic"] == "why_not_mri"


def test_two_questions_in_one_message_get_two_answers(domain):
    tracker = make_tracker("why not MRI, and why not PET/CT?", "faq_why_not_mri", form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert [c["topic"] for c in customs(messages)] == ["why_not_mri", "why_not_pet"]


def test_one_question_in_two_parts_gets_one_answer(domain):
    tracker = make_tracker("why not MRI? would it not show the node better?", "faq_why_not_mri", form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert [c["topic"] for c in customs(messages)] == ["why_not_mri"]


def test_an_unsure_intent_takes_the_topic_the_keywords_recognise(domain):
    tracker = make_tracker("fna vs cnb for the node?", "faq_pitfalls", confidence=0.3, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages)[0]["topic"] == faq.detect_topic("fna vs cnb for the node?")


def test_a_comparison_with_mri_is_why_not_mri_whatever_the_classifier_said(domain):
    tracker = make_tracker("breast MRI versus axillary US: what makes the guidance pick the US?",
                           "faq_suspicious_features", confidence=0.9, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages)[0]["topic"] == "why_not_mri"


def test_a_comparison_of_doses_stays_a_radiation_question(domain):
    tracker = make_tracker("roughly how many mSv for a CT CAP vs a PET-CT?", "faq_radiation", confidence=0.9,
                           form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert customs(messages)[0]["topic"] == "radiation"


def test_the_fallback_answers_a_follow_up_it_recognises(domain):
    tracker = make_tracker("so what's TAD exactly", "nlu_fallback", confidence=0.2, form_active=False)
    _, messages = run(ActionFallback(), tracker, domain)
    assert customs(messages) == [{"type": "faq", "topic": "clip_tad", "variant": None}]


def test_the_fallback_says_it_did_not_understand(domain):
    tracker = make_tracker("blorp zzz", "nlu_fallback", confidence=0.2, form_active=False)
    _, messages = run(ActionFallback(), tracker, domain)
    assert customs(messages) == [{"type": "fallback"}]
    assert messages[0]["text"]
