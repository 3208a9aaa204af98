"""Facts said in everyday, hedged or roundabout words (bot/nlp): one kind per test, in words written for the test,
never an evaluation set's sentence."""
import pytest

import bot


@pytest.mark.parametrize("unproven", ["malignancy not yet confirmed", "still unconfirmed on tissue",
                                      "pending histological confirmation", "not biopsy proven as yet",
                                      "yet to be proven histologically"])
def test_a_cancer_whose_proof_is_still_to_come_has_no_tissue_diagnosis(unproven: str) -> None:
    """matching-rules.md, "No tissue diagnosis yet": the breast mass is worked up first."""
    result = bot.analyze(f"63-year-old woman, 2.7 cm mass of the left breast, {unproven}. Firm left axillary node "
                         "felt. No treatment.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_an_axillary_node_not_yet_proven_leaves_the_proven_cancer() -> None:
    result = bot.analyze("Core-proven R IDC 3.4 cm, untreated, 58F; a hard R axillary node, not biopsy-proven yet.")
    assert result.variant_id == "axilla-6"


@pytest.mark.parametrize("hedged", ["core-proven IDC, I believe roughly 1.7 cm across",
                                    "biopsy-proven IDC, I think about 1.7 cm on ultrasound"])
def test_a_doubt_said_after_a_comma_reaches_only_what_it_closes(hedged: str) -> None:
    result = bot.analyze(f"Right breast {hedged}. Axilla unremarkable to palpation. Untreated. 51F")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.7)


def test_a_doubt_that_closes_a_node_finding_still_doubts_it() -> None:
    result = bot.analyze("Right breast core-proven IDC 1.7 cm, untreated, 51F; a right axillary node palpable I think.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("operated", ["she was operated on last spring", "segmentectomy 5 weeks ago",
                                      "had her cancer operation a fortnight ago",
                                      "the tumour was cut out in the summer",
                                      "treated with oncoplastic surgery", "found in a reduction specimen"])
def test_an_operation_in_everyday_words_is_post_surgery(operated: str) -> None:
    result = bot.analyze(f"R breast IDC 2.3 cm, {operated}. Now a new lump in the right armpit. 57F")
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "post_surgery")


@pytest.mark.parametrize("plan", ["she is to be treated with lumpectomy", "to be operated on in January",
                                  "surgery booked, then radiotherapy"])
def test_an_operation_still_to_come_is_no_treatment(plan: str) -> None:
    result = bot.analyze(f"New R breast IDC 2.3 cm on core biopsy, no palpable axillary nodes; {plan}. 57F")
    assert result.variant_id == "axilla-5"


def test_a_past_aside_in_brackets_leaves_what_it_follows_current() -> None:
    result = bot.analyze("Recurrent IDC of the right breast on core (previous right lumpectomy 2014), 2.2 cm. "
                         "No palpable nodes. 68F.")
    assert result.variant_id == "axilla-10"


@pytest.mark.parametrize("doubt", ["1.6 cm, or was it 2.6? I'd need to check", "16 mm (or perhaps 26)"])
def test_a_size_offered_with_another_in_doubt_is_asked(doubt: str) -> None:
    """matching-rules.md: sizes on both sides of 2 cm are contradictory."""
    result = bot.analyze(f"New right breast IDC {doubt}; axilla clinically negative; untreated. 48F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


@pytest.mark.parametrize("done", ["has just wrapped up her NACT", "is through with neoadjuvant chemotherapy"])
def test_chemotherapy_wrapped_up_is_completed(done: str) -> None:
    result = bot.analyze(f"55F {done} for a 3.6 cm R IDC, node-negative at diagnosis; surgery in 3 weeks.")
    assert result.facts["treatment"] == "neoadjuvant_completed"


@pytest.mark.parametrize("into", ["two cycles into neoadjuvant EC", "5 weeks into her weekly paclitaxel"])
def test_so_far_into_chemotherapy_is_under_way(into: str) -> None:
    result = bot.analyze(f"55F, {into} for a 3.6 cm R IDC, node-negative at diagnosis; new palpable R axillary lump.")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-7", "neoadjuvant_ongoing")


def test_a_number_after_a_measure_other_than_a_length_is_that_measure_s() -> None:
    result = bot.analyze("A 70-year-old woman with a newly diagnosed 1.4-cm IDC of the left breast, whose PET/CT "
                         "showed an avid left axillary node (SUVmax 5.2); no treatment yet.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-4", 1.4)


@pytest.mark.parametrize("aside", ["(the referral letter said 1.8, which was a typo)", "(previous report: 1.8)"])
def test_a_time_word_in_an_aside_dates_the_number_it_stands_before(aside: str) -> None:
    result = bot.analyze(f"New L IDC 2.8 cm {aside}, axilla clinically negative, untreated, 49F.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.8)


@pytest.mark.parametrize("measure", ["longest core 2.3 cm", "total core length 2.3 cm", "4 cores, each 2.3 cm long",
                                     "a 2.3 cm vacuum-assisted biopsy specimen",
                                     "the needle was advanced 2.3 cm into the mass"])
def test_a_biopsy_s_own_measure_is_no_tumour_size(measure: str) -> None:
    result = bot.analyze(f"67F, new right breast ILC on biopsy ({measure}); no size on imaging yet; no palpable "
                         "nodes; untreated.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_core_s_length_given_as_the_size_answers_nothing() -> None:
    found = bot.extract("the core itself was 2.3 cm long", expecting="tumor_size_cm", side="right", treatment="none")
    assert found.facts["tumor_size_cm"] is None


@pytest.mark.parametrize("impression", ["a 2.4 cm left breast mass, surely malignant",
                                        "almost certainly a left breast cancer, 2.4 cm",
                                        "what is clearly a 2.4 cm left breast malignancy"])
def test_a_cancer_told_with_certainty_but_no_tissue_is_an_impression(impression: str) -> None:
    """matching-rules.md: a clinical impression of cancer is not a diagnosis."""
    result = bot.analyze(f"70F with {impression}; firm left axillary node; no treatment.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


@pytest.mark.parametrize("biopsy, encounter", [("core biopsy taken earlier today", "no_tissue_diagnosis"),
                                               ("IDC on the core biopsy done this morning", None)])
def test_a_biopsy_taken_just_now_proves_nothing_until_its_result_is_told(biopsy: str, encounter: str) -> None:
    result = bot.analyze(f"70F, 2.4 cm left breast cancer on mammogram, {biopsy}; firm left axillary node.")
    assert result.facts["encounter"] == encounter


@pytest.mark.parametrize("other", ["The lady after her on the list had a hard axillary node.",
                                   "(A colleague's patient has bone metastases - not this one.)",
                                   "Her roommate on the ward is on neoadjuvant chemotherapy."])
def test_another_patient_s_findings_are_not_this_patient_s(other: str) -> None:
    result = bot.analyze(f"New left IDC 2.4 cm on core, 62F, untreated, axilla clinically negative. {other}")
    assert result.variant_id == "axilla-5"


def test_the_patient_placed_by_her_bed_is_still_the_patient() -> None:
    result = bot.analyze("62-year-old woman in bed 7 with new left IDC 2.4 cm on core, untreated. Hard left axillary "
                         "node on exam.")
    assert result.variant_id == "axilla-6"


@pytest.mark.parametrize("writer, sex", [("From the male registrar on call: 66F", "female"),
                                         ("Our female sonographer scanned this 66-year-old man", "male")])
def test_the_sex_of_the_writer_or_a_colleague_is_not_the_patient_s(writer: str, sex: str) -> None:
    result = bot.analyze(f"{writer}, new R IDC 1.5 cm on core, no palpable nodes, untreated.")
    assert result.facts["sex"] == sex


@pytest.mark.parametrize("fix, treatment", [
    ("post-lumpectomy - sorry, no, the lumpectomy is next week; not treated yet", "none"),
    ("not treated. Correction: she began neoadjuvant EC on Monday", "neoadjuvant_ongoing")])
def test_a_treatment_status_put_right_in_the_same_message_is_the_corrected_one(fix: str, treatment: str) -> None:
    result = bot.analyze(f"New R IDC 2.2 cm on core, 47F, axilla clinically negative, {fix}.")
    assert result.facts["treatment"] == treatment


def test_an_axilla_field_answered_positive_is_a_positive_axilla() -> None:
    result = bot.analyze("Dx: new R IDC 1.3 cm. 47F. Tx: none. Axilla: +")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-4", "positive")


@pytest.mark.parametrize("text", ["Mulher de 74 anos, 6 anos após mastectomia direita, recidiva local comprovada por "
                                  "biópsia na parede torácica.",
                                  "Vrouw, 74 jaar, 6 jaar na mastectomie rechts, bewezen lokaal recidief."])
def test_years_since_an_operation_are_no_second_age(text: str) -> None:
    result = bot.analyze(text)
    assert (result.facts["age"], result.facts["encounter"]) == (74, None)


@pytest.mark.parametrize("text", ["70F, L breast cancer, firm L axillary node, nothing given yet.",
                                  "Woman of 70 with cancer of the left breast and a palpable left axillary node.",
                                  "70F, left-sided breast cancer, firm left axillary node.",
                                  "70F, breast cancer on the left, firm left axillary node."])
def test_a_breast_cancer_named_as_hers_without_new_or_a_size_is_no_unknown_cancer(text: str) -> None:
    """Never variant 1 ("no known breast cancer") because the cancer is not called new: its size is asked."""
    result = bot.analyze(text)
    assert (result.status, result.facts["diagnosis"], result.missing) == (bot.NEEDS_INFO, "new_primary",
                                                                          ["tumor_size_cm"])
