"""Kinds of text found failing in session 28 (blind set s28a and breaker qa35), each in words of its own."""
from __future__ import annotations

import pytest

import bot
from bot.nlp.normalise import normalise


def facts(text: str) -> dict:
    return bot.analyze(text).facts


# --- e-mail threads: the earlier messages first, the reply last ---------------------------------------------------

def test_a_reply_above_its_quoted_case_adds_to_it() -> None:
    text = ("Quick update - I examined the axilla today, nothing palpable either side.\n\n"
            "On Fri 2 May, J. Okafor wrote:\n"
            "> 62F referred with a core-proven R breast IDC, 3.4 cm on US.\n"
            "> Treatment not started. Exam findings not available to me.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["clinical_nodes"]) == \
        ("axilla-5", 3.4, "negative")


def test_an_outlook_divider_marks_the_earlier_message() -> None:
    text = ("Further to the below: her node IS palpable on the left, about 1 cm, firm.\n\n"
            "-----Original Message-----\nFrom: T. Lindqvist\nSent: 04 June 2025 10:02\n"
            "70F, new L breast ILC 2.8 cm, untreated. Axilla not yet examined.")
    assert facts(text)["clinical_nodes"] == "positive"


def test_nested_quotes_are_read_oldest_first() -> None:
    text = ("And she finished the last dose of chemo yesterday.\n\n"
            "> Was it node-negative at diagnosis?\n>\n"
            ">> 54F with a 3.6 cm R IDC, axilla clinically clear before treatment, on neoadjuvant chemo.\n")
    norm = normalise(text)[0].text
    assert norm.index("54F") < norm.index("Was it") < norm.index("last dose")


def test_the_mail_headers_are_not_the_story() -> None:
    norm = normalise("Subject: query\n\nsee below\n\nOn Mon, A wrote:\n> From: Ward 6\n> Sent: 3 Mar 2019\n"
                     "> 45F new L IDC")[0].text
    assert "2019" not in norm and "Ward" not in norm and norm.index("query") < norm.index("45F")


def test_evidence_from_a_reordered_thread_quotes_the_message_as_sent() -> None:
    text = "Nodes impalpable on my exam today.\n\nOn Tue, B wrote:\n> 66F new R IDC 1.4 cm, untreated"
    result = bot.analyze(text).to_dict()
    for spans in result["evidence"].values():
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"]


def test_a_comparison_line_is_no_quote() -> None:
    assert facts("new R IDC\n> 2 cm on US, palpable R axillary node, no tx")["tumor_over_2cm"] is True


def test_a_colleague_s_questions_in_the_thread_state_nothing() -> None:
    text = ("Answers: no previous breast cancer, nothing imaged, and the lump is on the right only.\n\n"
            "On Wed, R wrote:\n> Could you confirm any prior history of breast cancer, and whether both sides?\n"
            ">> 38-year-old woman with a tender lump in the armpit for two weeks.")
    result = bot.analyze(text)
    assert (result.status, result.variant_id, result.facts["cancer_history"]) == ("matched", "axilla-1", None)


# --- sizes ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("taken_back", ["the 2.6 cm I mentioned was the node, not the primary",
                                        "the 2.6 cm figure was for the axillary node"])
def test_a_size_said_to_be_the_node_s_is_denied_wherever_it_is_given(taken_back: str) -> None:
    result = bot.analyze(f"71F, new L IDC 2.6 cm, palpable L axillary node, untreated. Sorry - {taken_back}.")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


@pytest.mark.parametrize("unknown", ["we haven't got the tumour size yet", "I do not have the measurements",
                                     "the team doesn't know the size"])
def test_a_size_said_not_to_be_known_is_asked(unknown: str) -> None:
    result = bot.analyze(f"New R IDC, cN0, untreated, 2.5 cm on the referral's sketch; {unknown}.")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


@pytest.mark.parametrize("later", ["Update: the MRI this morning measures 2.6 cm.",
                                   "Update: the MRI this morning measures 1.2 cm."])
def test_an_update_from_another_study_is_a_second_reading_not_a_correction(later: str) -> None:
    first = "1.5 cm" if "2.6" in later else "2.8 cm"
    result = bot.analyze(f"53F, new R IDC {first} on ultrasound, axilla clinically negative, untreated. {later}")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


def test_an_update_of_the_same_study_still_corrects() -> None:
    text = "53F, new R IDC 2.8 cm on ultrasound, cN0, untreated. Update: ultrasound re-measured, 1.4 cm."
    assert facts(text)["tumor_size_cm"] == 1.4


# --- axillary lumps ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("more", ["Correction: there's a lump on the left too.",
                                  "On second look there is another lump, on the left."])
def test_one_more_lump_named_after_an_axillary_one_is_the_other_side(more: str) -> None:
    result = bot.analyze(f"50F, no breast cancer ever, firm lump in the right axilla, not imaged. {more}")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-2", "bilateral")


def test_the_lump_told_again_takes_the_side_it_is_given() -> None:
    text = "Lump in the armpit for a month, no cancer history, 33F, not imaged. The lump is on the right only."
    assert facts(text)["axillary_lump"] == "unilateral"


def test_the_lump_after_a_breast_lump_stays_the_breast_s() -> None:
    text = "New 2.2 cm lump in the L breast, biopsy pending. The lump is firm. 48F"
    assert bot.analyze(text).to_dict()["scope_rule"] == "no_tissue_diagnosis"


@pytest.mark.parametrize("question", ["What is the right first test?", "is US the right imaging to order?"])
def test_right_as_correct_names_no_side(question: str) -> None:
    text = f"61F, no breast cancer history, new lump in the L axilla, nothing imaged. {question}"
    assert (bot.analyze(text).variant_id, facts(text)["axillary_lump"]) == ("axilla-1", "unilateral")


@pytest.mark.parametrize("dimensions", ["AP 1.2 x TR 2.4 x CC 1.6 cm", "TRV 24 x AP 12 mm"])
def test_axis_labels_before_each_dimension_leave_the_largest(dimensions: str) -> None:
    assert facts(f"New L IDC, sonographic dims {dimensions}, cN0, no tx, 59F")["tumor_size_cm"] == 2.4


@pytest.mark.parametrize("spoken, size", [("too point four centimetres", 2.4), ("for point one centi meters", 4.1),
                                          ("won point seven sent a meters", 1.7)])
def test_dictated_homophones_of_a_decimal_s_whole_part(spoken: str, size: float) -> None:
    assert facts(f"new left breast cancer measuring {spoken} node negative on exam untreated")["tumor_size_cm"] == size


def test_a_regimen_glued_to_its_count_is_read() -> None:
    text = "s/p 6xTCHP, done last week. L IDC 3.1 cm at dx, cN0. For mastectomy. 39F"
    assert facts(text)["treatment"] == "neoadjuvant_completed"


def test_a_node_a_study_found_was_not_felt() -> None:
    text = ("By an MRI of the spine for back pain in a 58 year old woman, they have found a suspect lymph node in the "
            "left axilla. She never had breast cancer.")
    assert (bot.analyze(text).variant_id, facts(text)["node_finding"]) == ("axilla-12", "other_imaging")


def test_she_found_a_lump_herself_is_felt() -> None:
    assert facts("58F found a lump in her L armpit last week, no cancer history, no imaging")["node_finding"] == \
        "palpable"


def test_a_node_said_to_be_there_beside_a_negative_exam_is_asked() -> None:
    text = "R IDC 1.6 cm, new, untreated, 66F. me: nothing palpable R axilla. my boss: 'certainly a node there'."
    assert bot.analyze(text).status == bot.NEEDS_INFO


def test_a_query_mark_before_a_finding_keeps_it_queried() -> None:
    text = "Completed neoadjuvant chemo for a 4.1 cm L IDC; at diagnosis the exam says 'is ?L axillary LN'. 60F"
    assert bot.analyze(text).missing == ["clinical_nodes"]


def test_a_diagnosis_revised_to_benign_is_no_cancer() -> None:
    text = "L breast 2.1 cm mass, core first called ILC, reclassified as benign PASH at review. Palpable L ax node."
    assert bot.analyze(text).facts["diagnosis"] != "new_primary"


def test_an_addendum_that_finds_no_carcinoma_takes_the_cancer_back() -> None:
    text = "R breast mass 2.8 cm, core: IDC.\nADDENDUM: on review no carcinoma identified; fibroadenoma.\n" \
           "Exam: palpable R axillary node. 52F"
    result = bot.analyze(text)
    assert result.status == bot.NEEDS_INFO and "diagnosis" in result.missing


@pytest.mark.parametrize("phase", ["Completed 4/4 EC; weekly docetaxel begins next week.",
                                   "Final cycle of neoadjuvant chemotherapy is tomorrow."])
def test_a_course_with_a_part_still_to_give_is_not_completed(phase: str) -> None:
    text = f"{phase} 3.3 cm R IDC, cN0 at diagnosis. New palpable R axillary lump this morning."
    assert facts(text)["treatment"] != "neoadjuvant_completed"


@pytest.mark.parametrize("story", [
    "In 2016 she was diagnosed with a 2.2 cm R IDC with a palpable R axillary node; all treatment was over in 2017.",
    "She had breast cancer in 2016 (2.2 cm, node positive), finished chemo and radiotherapy in 2017.",
    "12 years out from a 2 cm R breast cancer with positive nodes."])
def test_a_cancer_told_as_a_dated_past_story_is_history(story: str) -> None:
    result = bot.analyze(f"{story} Now: new palpable L axillary lump, no imaging yet. 63F")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_the_size_of_a_source_said_to_be_wrong_is_not_the_size() -> None:
    text = "new R IDC 1.4 cm per the outside letter, our US 2.6 cm, the letter was wrong. cN0, untreated, 47F"
    assert bot.analyze(text).facts["tumor_size_cm"] != 1.4


def test_a_tumour_board_is_no_tumour_and_a_node_s_pending_fna_no_missing_diagnosis() -> None:
    text = ("Tumor board, Tuesday. 64F. Dx: R breast invasive ductal carcinoma, 2.9 cm. Exam: no palpable nodes. "
            "US: R axillary node, cortex 4 mm, suspicious -> FNA pending. No treatment yet.")
    assert bot.analyze(text).variant_id == "axilla-6"


@pytest.mark.parametrize("said, value", [("clinically N-", "negative"), ("cN-", "negative")])
def test_a_clinical_n_minus_is_node_negative(said: str, value: str) -> None:
    assert facts(f"new R ILC 3.3 cm, {said}, untreated, 70F")["clinical_nodes"] == value


def test_bc_after_a_side_is_a_breast_cancer_and_alone_is_because() -> None:
    assert facts("68f, new L bc 2.7cm, no nodes on exam, untreated")["tumor_size_cm"] == 2.7
    assert facts("lump in L armpit, asking bc she is worried, no cancer hx, 40F")["diagnosis"] == "none_known"


@pytest.mark.parametrize("heading, asked", [("Item {n}:", "Decision needed for item 2 only."),
                                            ("P{n}.", "QUERY (P2 only): axillary imaging?"),
                                            ("({letter})", "QUESTION (b): imaging of the axilla?")])
def test_a_meeting_list_read_for_the_entry_its_question_names(heading: str, asked: str) -> None:
    first = heading.format(n=1, letter="a")
    second = heading.format(n=2, letter="b")
    text = (f"Breast MDM list\n{first} 71F, L IDC 1.2 cm, cN0, for surgery.\n"
            f"{second} 44F, new R IDC 3.4 cm, palpable R axillary node, no treatment yet.\n{asked}")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["age"]) == ("axilla-6", 44)


def test_a_study_s_verb_ends_the_negation_of_a_history() -> None:
    text = "Screening MRI in a 51F with no cancer hx detected a suspicious L axillary node; breasts clear."
    assert bot.analyze(text).variant_id == "axilla-12"


def test_a_json_list_of_dimensions_under_a_unit_key() -> None:
    text = '{"dx": "new L IDC", "dims_mm": [17, 26, 12], "axilla": "no palpable nodes", "tx": "none", "age": 52}'
    assert facts(text)["tumor_size_cm"] == 2.6


def test_an_axilla_clinically_without_findings_is_node_negative() -> None:
    assert facts("new R IDC 2.2 cm, untreated; the axilla was clinically without findings")["clinical_nodes"] == \
        "negative"


def test_echo_of_the_axilla_is_ultrasound() -> None:
    text = "Woman of 47, never breast cancer. Echo of the left axilla: lymph node with thick cortex, suspicious."
    assert facts(text)["node_finding"] == "mammography_or_us"


def test_write_before_armpit_is_the_side() -> None:
    assert facts("new lump in her write armpit no breast cancer ever no imaging")["axillary_lump"] == "unilateral"


def test_a_size_named_and_taken_back_is_not_read() -> None:
    text = "New R IDC 1.7 cm on our US, cN0, untreated, 58F. Please disregard the 2.8 cm from the GP's letter."
    assert bot.analyze(text).variant_id == "axilla-3"


def test_a_comma_list_of_adjectives_before_the_node_describes_it() -> None:
    text = "New R IDC 1.6 cm, 59F, untreated. Exam: a hard, fixed, approximately 2 cm node in the right axilla."
    assert (bot.analyze(text).variant_id, facts(text)["node_finding"]) == ("axilla-4", "palpable")


def test_there_s_nothing_after_feeling_the_axillae_is_a_negative_exam() -> None:
    text = "New L IDC 2.4 cm, 61F, untreated. Felt both armpits and there's nothing at all."
    assert facts(text)["clinical_nodes"] == "negative"


def test_a_terse_negative_of_the_other_axilla_says_nothing_of_the_case_s() -> None:
    assert bot.extract("nothing palpable in the left axilla", side="right").facts["clinical_nodes"] is None
    assert bot.extract("nothing palpable", side="right").facts["clinical_nodes"] == "negative"


def test_a_fresh_node_during_chemotherapy_is_a_new_one() -> None:
    text = "On NAC, cycle 4 of 6, for a R IDC that was cN0 at baseline; a fresh palpable R axillary node today."
    assert facts(text)["new_lump_during_treatment"] is True


@pytest.mark.parametrize("reply, value", [("yep, can feel one in the R armpit", "positive"),
                                          ("yes, could feel one in the left armpit", None)])
def test_yes_felt_in_the_case_s_own_armpit_answers_the_node_question(reply: str, value: object) -> None:
    assert bot.extract(reply, expecting="clinical_nodes", side="right").facts["clinical_nodes"] == value
