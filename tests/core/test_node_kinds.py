"""How an axillary node is told (bot/nlp/nodes.py, extract.short_answer): one kind per test, in words written for
the test, never an evaluation set's sentence."""
import pytest

import bot


@pytest.mark.parametrize("parts", ["Ultrasound of the right axilla: cortical thickening to 5 mm, fatty hilum lost.",
                                   "R axillary sonography - eccentric cortex of 4 mm and no hilum."])
def test_a_node_told_by_its_abnormal_parts_alone_is_a_suspicious_node(parts: str) -> None:
    """Only a lymph node has a cortex and a fatty hilum (reference: cortex > 3 mm, effaced hilum)."""
    result = bot.analyze(f"F 64, new right breast IDC 1.3 cm on core biopsy, untreated. Axilla unremarkable to "
                         f"palpation. {parts}")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-4", "mammography_or_us")


def test_normal_node_parts_leave_the_negative_exam() -> None:
    result = bot.analyze("F 64, new right breast IDC 1.3 cm on core biopsy, untreated. Axilla unremarkable to "
                         "palpation. Right axillary US: thin cortex, preserved fatty hilum.")
    assert result.variant_id == "axilla-3"


@pytest.mark.parametrize("request_", ["Could someone palpate her right axilla for nodes before Friday?",
                                      "To do: examine both armpits for lumps."])
def test_a_request_to_examine_the_axilla_is_no_finding(request_: str) -> None:
    result = bot.analyze(f"New R IDC 2.8 cm on core, 47F, untreated. {request_}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("differential", ["soft 2 cm swelling in the left armpit, lipoma versus node",
                                          "left axillary lump - cyst or lymph node?"])
def test_a_lump_that_may_be_no_node_leaves_the_nodes_open(differential: str) -> None:
    result = bot.analyze(f"Core-proven L breast IDC 1.6 cm, not yet treated, 52F; {differential}.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("called", ["an enlarged right axillary node on MRI, most likely reactive",
                                    "a mildly avid right axillary node on PET, favoured benign"])
def test_a_node_its_study_also_calls_reactive_leaves_the_nodes_open(called: str) -> None:
    result = bot.analyze(f"New right IDC 2.9 cm on core, untreated, 61F: {called}. No clinical exam recorded.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_benign_call_the_study_has_since_changed_is_no_doubt() -> None:
    result = bot.analyze("No breast cancer history, 57F. Mammogram: the right axillary node formerly called benign "
                         "has grown to 1.9 cm and is now suspicious. No breast mass.")
    assert result.variant_id == "axilla-11"


@pytest.mark.parametrize("today", ["On today's examination there are no palpable left axillary nodes.",
                                   "Her exam this morning shows nothing palpable in the left axilla."])
def test_an_exam_after_chemotherapy_is_not_the_status_before_it(today: str) -> None:
    """matching-rules.md: for variants 8 and 9 the nodal status is the one before chemotherapy."""
    result = bot.analyze(f"63F, neoadjuvant chemotherapy completed for a 3.3 cm left IDC. {today} Surgery soon.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("unknown", ["No idea what her axilla was like before chemotherapy.",
                                     "Nodal status at diagnosis unknown."])
def test_a_status_before_chemotherapy_said_unknown_is_asked(unknown: str) -> None:
    result = bot.analyze(f"63F, completed neoadjuvant AC-T for a 3.3 cm left IDC, no palpable left axillary "
                         f"nodes. {unknown}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("reply", ["very tender, couldn't examine properly", "hard to tell, maybe something firm",
                                   "the exam is difficult, she is very tender"])
def test_a_reply_to_the_node_question_that_does_not_know_answers_nothing(reply: str) -> None:
    found = bot.extract(reply, expecting="clinical_nodes", side="left", treatment="none")
    assert found.facts["clinical_nodes"] is None


@pytest.mark.parametrize("reply", ["firm, about 1 cm", "yes, hard and fixed"])
def test_a_reply_that_describes_a_felt_node_answers_yes(reply: str) -> None:
    found = bot.extract(reply, expecting="clinical_nodes", side="left", treatment="none")
    assert (found.facts["clinical_nodes"], found.facts["node_finding"]) == ("positive", "palpable")


def test_a_node_described_as_a_study_describes_it_with_no_study_named_asks_which_study() -> None:
    result = bot.analyze("Lump in the left armpit, 36F, no breast cancer ever. The report she brought says: "
                         "'L axilla - 2.3 cm node, cortex 6 mm, fatty hilum absent, BI-RADS 4.'")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["node_finding"])


@pytest.mark.parametrize("place", ["a firm lump just above her left collarbone", "a hard node over the L clavicle"])
def test_a_node_by_the_collarbone_is_supraclavicular(place: str) -> None:
    """matching-rules.md: a supraclavicular node beside a breast cancer is cN3, node-positive."""
    result = bot.analyze(f"New L IDC 1.2 cm on core, untreated, 66F; {place}; left axilla clear on exam.")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-4", "positive")


@pytest.mark.parametrize("felt", ["I palpated her left armpit myself and there was nothing",
                                  "had a proper feel of both axillae, nothing at all"])
def test_the_armpit_felt_and_nothing_found_is_a_negative_exam(felt: str) -> None:
    result = bot.analyze(f"New L IDC 2.2 cm on core, untreated, 66F. {felt}.")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-5", "negative")


@pytest.mark.parametrize("study", ["a sestamibi study (molecular breast imaging)", "breast-specific gamma imaging"])
def test_nuclear_breast_imaging_is_another_modality(study: str) -> None:
    result = bot.analyze(f"43F, never had breast cancer; {study} shows a suspicious right axillary node, breasts "
                         "clear. What next?")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")


@pytest.mark.parametrize("study, variant", [("a CT of the chest for a cough showed a 2.2 cm mass in the right axilla",
                                             "axilla-12"),
                                            ("her screening mammogram showed a 1.6 cm lump in the right axilla",
                                             "axilla-11"),
                                            ("a chest X-ray found an axillary mass on the right", "axilla-12")])
def test_an_axillary_mass_a_study_found_is_an_imaging_finding(study: str, variant: str) -> None:
    """matching-rules.md: an imaging finding takes precedence over a lump (the next study, not the first)."""
    result = bot.analyze(f"59F, never had breast cancer: {study}. Not felt on exam.")
    assert result.variant_id == variant


def test_a_lump_beside_a_study_only_asked_about_is_still_not_imaged() -> None:
    result = bot.analyze("Would an MRI be the first test for a 44F with a new left axillary lump? No breast cancer, "
                         "nothing imaged yet.")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("fix", ["cN1. Correction: cN0, her exam was normal", "node +. Retract that: node neg"])
def test_a_node_status_put_right_in_the_same_message_is_the_corrected_one(fix: str) -> None:
    result = bot.analyze(f"New left IDC 1.7 cm on core, 45F, no treatment, {fix}.")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


def test_a_corrected_exam_does_not_cancel_a_node_imaging_found() -> None:
    result = bot.analyze("New left IDC 1.7 cm on core, 45F, no treatment. US: suspicious left axillary node. Palpable "
                         "node too - correction: no palpable node on exam.")
    assert result.variant_id == "axilla-4"


@pytest.mark.parametrize("mark, nodes", [("Axillary node palpable ✘", None), ("Axillary node palpable: ✘", "negative")])
def test_a_cross_after_an_item_is_asked_and_a_cross_as_its_answer_is_no(mark: str, nodes: str) -> None:
    assert bot.extract(f"64F, new L IDC 1.2 cm on core, untreated. {mark}").facts["clinical_nodes"] == nodes


def test_lumps_with_both_sides_named_after_a_comma_are_bilateral() -> None:
    result = bot.analyze("Never had breast cancer, 35F: two new palpable lumps, left & right armpit, not yet imaged.")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-2", "bilateral")


def test_an_answer_naming_the_lump_s_side_and_the_other_side_s_normal_exam_is_no_conflict() -> None:
    """matching-rules.md: a negative exam on the other side says nothing about the node's side."""
    result = bot.analyze("44F, no breast cancer ever; axillary nodes felt, side not recorded. It's the left only - "
                         "the right axilla is clear.")
    assert result.facts["clinical_nodes"] == "positive"


@pytest.mark.parametrize("examiner", ["on GP exam", "on the surgeon's exam", "on registrar exam"])
def test_an_examiner_named_between_the_node_and_the_exam_felt_it(examiner: str) -> None:
    result = bot.analyze(f"63F, no breast cancer history, left axillary lymphadenopathy {examiner}, no imaging yet")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("asked", ["side?", "size?", "laterality??"])
def test_a_query_mark_after_another_property_asks_that_not_the_node(asked: str) -> None:
    result = bot.analyze(f"50F, never had breast cancer, axillary node felt on exam, {asked} not in the letter. "
                         "No imaging.")
    assert result.facts["clinical_nodes"] == "positive"


def test_swollen_glands_under_the_arm_are_a_lump() -> None:
    result = bot.analyze("38-year-old woman, no cancer history, swollen glands under her left arm for 3 weeks, "
                         "nothing imaged")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("other", ["med onc does not", "the rad onc can't", "the NP did not"])
def test_a_second_examiner_by_a_short_title_who_feels_nothing_is_a_disagreement(other: str) -> None:
    """matching-rules.md: two examiners who disagree about the same axilla are contradictory: ask."""
    result = bot.analyze(f"new L IDC 2.4 cm, untreated, 48F; breast surgeon feels a L axillary node, {other}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])
