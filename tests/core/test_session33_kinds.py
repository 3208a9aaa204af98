"""Kinds of text found failing in session 33 (blind set s33a, breaker qa40, kinds left from earlier sets), each in
words of its own."""
from __future__ import annotations

import pytest

import bot


def decision(text: str) -> tuple:
    result = bot.analyze(text)
    return result.status, result.variant_id, tuple(result.missing)


# --- a finding dated at diagnosis before an operation still to come -------------------------------------------------

@pytest.mark.parametrize("text", [
    "71F, R breast ILC 2.6 cm, clinically node negative at diagnosis, mastectomy booked for Monday",
    "R ILC 2.6 cm at presentation, no palpable axillary nodes; she is listed for WLE and SLNB next month. 71F",
])
def test_a_finding_dated_at_diagnosis_before_an_operation_asks_what_was_given(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, tuple(result.missing)) == ("needs_info", ("treatment",))
    assert "no_treatment" not in result.assumption_keys  # not assumed while it is asked


@pytest.mark.parametrize("text", [
    "71F, R breast ILC 2.6 cm, clinically node negative, mastectomy booked for Monday",
    "Newly diagnosed R ILC 2.6 cm; no palpable nodes at diagnosis; mastectomy booked for Monday. 71F",
    "Age at diagnosis: 71. R breast ILC 2.6 cm, cN0. Mastectomy booked for Monday.",
])
def test_an_undated_or_new_finding_before_an_operation_is_untreated(text: str) -> None:
    assert decision(text) == ("matched", "axilla-5", ())


# --- short replies to the assistant's questions -----------------------------------------------------------------------

@pytest.mark.parametrize("reply", ["lymph node present", "felt it again with the fellow: obvious node",
                                   "a definite node"])
def test_a_reply_that_a_node_is_there_answers_the_node_question(reply: str) -> None:
    facts = bot.extract(reply, expecting="clinical_nodes").facts
    assert (facts.get("clinical_nodes"), facts.get("node_finding")) == ("positive", "palpable")


@pytest.mark.parametrize("reply", ["node present on MRI", "node present in the neck", "a node?"])
def test_a_reply_naming_a_node_elsewhere_or_in_doubt_is_not_a_yes(reply: str) -> None:
    assert bot.extract(reply, expecting="clinical_nodes").facts.get("node_finding") != "palpable"


def test_a_lone_size_with_the_study_it_came_from_answers_the_size_question() -> None:
    facts = bot.extract("take 1.7, the ultrasound measurement is the correct one", expecting="tumor_size_cm").facts
    assert facts.get("tumor_size_cm") == 1.7


def test_two_sizes_each_with_a_study_do_not_answer_the_size_question() -> None:
    assert bot.extract("1.7 on ultrasound, 2.4 on MRI", expecting="tumor_size_cm").facts.get("tumor_size_cm") is None


# --- bounds typed without their sign ----------------------------------------------------------------------------------

@pytest.mark.parametrize("bound", [">/= 2 cm", "> or = 20 mm", "&gt;/= 2cm", "≧ 2 cm", "=> 2 cm",
                                   "greater than or equal to 2 cm", r"$\ge 2\,\mathrm{cm}$"])
def test_at_least_two_centimetres_in_any_typed_form_is_asked(bound: str) -> None:
    assert decision(f"66F, newly diagnosed R IDC {bound}, no palpable axillary nodes, untreated") == (
        "needs_info", None, ("tumor_size_cm",))


@pytest.mark.parametrize("bound, variant", [("beyond 2 cm", "axilla-5"), ("surpassing 2 cm", "axilla-5"),
                                            ("< or = 1.6 cm", "axilla-3"), ("=< 1.6 cm", "axilla-3")])
def test_other_typed_bounds_take_their_side(bound: str, variant: str) -> None:
    assert decision(f"66F, newly diagnosed R IDC {bound}, no palpable axillary nodes, untreated") == (
        "matched", variant, ())


def test_latex_markup_is_read_as_its_words() -> None:
    text = (r"\begin{itemize}\item 58-year-old \textbf{man}, new $2.6\,\mathrm{cm}$ R IDC \item palpable R node"
            r"\end{itemize}")
    result = bot.analyze(text)
    assert (result.status, result.facts.get("sex"), result.facts.get("tumor_size_cm")) == ("out_of_scope", "male", 2.6)


# --- AJCC's N0 with isolated tumour cells -----------------------------------------------------------------------------

@pytest.mark.parametrize("category", ["cN0(i+)", "N0(mol+)", "cN0 ( i+ )"])
def test_n0_with_isolated_tumour_cells_is_node_negative(category: str) -> None:
    assert decision(f"newly diagnosed R IDC 2.7 cm, {category}, no treatment so far, 70F") == (
        "matched", "axilla-5", ())


# --- treatment under a plan heading, operations told in the past ----------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("R IDC 4 cm, node negative at diagnosis. Management plan - neoadjuvant TC, cycle 3 given today.", "out_of_scope"),
    ("R IDC 4 cm, node negative at diagnosis. PLAN: neoadjuvant TC, finished two weeks ago; no new lumps.", "axilla-8"),
])
def test_a_plan_heading_over_a_course_in_progress_does_not_make_it_a_plan(text: str, want: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id or result.status) == want


def test_a_plan_heading_over_a_course_to_come_is_still_a_plan() -> None:
    assert decision("R IDC 4 cm, node negative. Plan: neoadjuvant TC, to be started on the 5th.") == (
        "matched", "axilla-5", ())


@pytest.mark.parametrize("said", ["the operation was 10 days ago", "lumpectomy happened on Tuesday",
                                  "the tumour was excised yesterday", "she is back from theatre",
                                  "mastectomy has been completed", "final pathology showed ypT0",
                                  "axillary nodes 0/14"])
def test_an_operation_told_in_the_past_is_done(said: str) -> None:
    assert decision(f"R IDC 4 cm, cN0 at diagnosis, neoadjuvant TC completed; {said}.")[0] == "out_of_scope"


@pytest.mark.parametrize("said", ["the operation is in 10 days", "lumpectomy to be excised next week",
                                  "Surgical pathology: core biopsy of the R breast shows IDC"])
def test_an_operation_to_come_or_a_core_report_is_not_done(said: str) -> None:
    assert decision(f"R IDC 4 cm, cN0 at diagnosis, neoadjuvant TC completed; {said}.") == ("matched", "axilla-8", ())


# --- the exam, the patient's years and sex ---------------------------------------------------------------------------

def test_an_exam_of_the_armpit_not_done_is_asked() -> None:
    assert decision("new R IDC 1.2 cm, 45F, untreated; examination of the axillae was not performed today") == (
        "needs_info", None, ("clinical_nodes",))


def test_the_years_after_the_person_are_an_age_not_a_size() -> None:
    result = bot.analyze("new L ILC 15 mm, palpable L axillary node, untreated - female 71")
    assert (result.variant_id, result.facts.get("age"), result.facts.get("tumor_size_cm")) == ("axilla-4", 71, 1.5)


def test_years_after_an_event_are_no_age() -> None:
    assert bot.analyze("a woman, 12 years after her lumpectomy for L IDC, now with a new L axillary lump").facts.get(
        "age") is None


@pytest.mark.parametrize("text", ["Patient aged 66, masculine sex, new L breast IDC 2.2 cm, cN0, untreated",
                                  "66 yo, new L breast IDC 2.2 cm, cN0, untreated; seen with his wife"])
def test_a_male_patient_named_by_a_word_for_word_rendering_or_by_his_relative(text: str) -> None:
    assert bot.analyze(text).facts.get("sex") == "male"


# --- a lump supposed to come during chemotherapy ----------------------------------------------------------------------

@pytest.mark.parametrize("supposed", ["If she ever develops a new lump in the R axilla, how would we image it?",
                                      "In the event that a R axillary lump appears, which study."])
def test_a_lump_supposed_to_come_during_chemotherapy_is_no_new_lump(supposed: str) -> None:
    assert decision(f"R IDC 3.9 cm, cN0 at diagnosis, on neoadjuvant EC, cycle 3 of 4. {supposed}")[1] != "axilla-7"


def test_a_lump_that_has_appeared_during_chemotherapy_is_a_new_lump() -> None:
    assert decision("R IDC 3.9 cm, cN0 at diagnosis, on neoadjuvant EC, cycle 3 of 4. A new R axillary lump "
                    "appeared this week.") == ("matched", "axilla-7", ())


# --- a cancer named without tissue ------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["(working diagnosis)", "- radiologically diagnosed", "on imaging alone",
                                  "- she declined a core biopsy", "- biopsy deemed unnecessary",
                                  "- bx result still outstanding"])
def test_a_cancer_named_without_tissue_is_out_of_scope(said: str) -> None:
    assert decision(f"63F, R breast carcinoma 2.2 cm {said}, no palpable axillary nodes")[0] == "out_of_scope"


def test_a_cancer_proven_on_core_is_not_named_without_tissue() -> None:
    assert decision("63F, R breast carcinoma 2.2 cm, core biopsy: IDC, no palpable axillary nodes, untreated") == (
        "matched", "axilla-5", ())


# --- the axilla said to be felt, beside a negative status -------------------------------------------------------------

def test_an_axilla_felt_after_a_negative_status_is_asked() -> None:
    assert decision("new R IDC 1.1 cm, untreated, cN0; update: on re-examination her axilla is palpable") == (
        "needs_info", None, ("clinical_nodes",))


def test_nothing_felt_in_the_axilla_stays_negative() -> None:
    assert decision("new R IDC 1.1 cm, untreated, axilla: nothing palpable, cN0") == ("matched", "axilla-3", ())


def test_a_size_past_a_bound_is_over_it() -> None:
    assert decision("new R IDC past 20 mm, untreated, cN0, 40F") == ("matched", "axilla-5", ())


# --- forms, autocorrect and non-native tense --------------------------------------------------------------------------

def test_an_unchecked_box_drops_its_option_before_a_wide_gap() -> None:
    result = bot.analyze("[x] Female    [ ] Male      Age: 61\n[x] Newly diagnosed invasive carcinoma, 1.2 cm\n"
                         "[x] no palpable axillary node\n[x] untreated")
    assert (result.status, result.variant_id, result.facts.get("sex")) == ("matched", "axilla-3", "female")


def test_ticked_boxes_at_the_start_of_lines_are_no_footnotes() -> None:
    result = bot.analyze("Sex: [ ] F [x] M\n[x] New primary, 3.1 cm\n[x] palpable axillary node")
    assert (result.status, result.facts.get("sex"), result.facts.get("tumor_size_cm")) == ("out_of_scope", "male", 3.1)


@pytest.mark.parametrize("text, variant", [
    ("51 yo woman, a lumpy under her right arm, never had breast cancer, nothing imaged", "axilla-1"),
    ("51 yo woman, R axillary node on POCUS, round, no hilum, not palpable, never had breast cancer", "axilla-11"),
])
def test_a_phone_s_words_for_the_lump_and_the_scan(text: str, variant: str) -> None:
    assert decision(text) == ("matched", variant, ())


def test_a_doubtful_treatment_field_does_not_matter_without_a_cancer() -> None:
    text = "age\tsex\tcancer hx\tfinding\ttreatment\n47\tF\tnone\tpalpable L axillary lump, not imaged\t?"
    assert decision(text) == ("matched", "axilla-1", ())


def test_a_treatment_to_continue_post_op_leaves_the_operation_to_come() -> None:
    assert decision("EC-T neoadjuvant, course complete 2 weeks ago; trastuzumab to continue post-op; R IDC 3.3 cm at "
                    "diagnosis, cN0; lumpectomy booked") == ("matched", "axilla-8", ())


def test_finish_already_is_a_completed_course() -> None:
    assert decision("She finish the chemo already one month. Before chemo R breast cancer 3.1 cm, node palpable, "
                    "biopsy positive. Operation next week.") == ("matched", "axilla-9", ())


def test_endocrine_therapy_called_neoadjuvant_in_brackets_is_out_of_scope() -> None:
    assert decision("79F, R breast IDC 3.0 cm, cN0; on primary (neoadjuvant) letrozole since May; "
                    "operation deferred")[0] == "out_of_scope"


def test_a_size_its_teller_cannot_remember_is_asked() -> None:
    assert decision("new R IDC, untreated, cN0, 60F; was it 2.2 or 1.8 - I really don't remember") == (
        "needs_info", None, ("tumor_size_cm",))


def test_forgetting_something_else_leaves_the_size() -> None:
    assert decision("new R IDC 1.8 cm, untreated, cN0, 60F; I can't remember the side of her biopsy clip") == (
        "matched", "axilla-3", ())
