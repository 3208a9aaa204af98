"""FHIR JSON and HL7 v2 pastes read as sentences (bot/nlp/structured.py)."""
import json

import pytest

import bot
from bot.nlp import structured
from bot.nlp.normalise import normalise


@pytest.mark.parametrize("resource, sentence", [
    ({"resourceType": "Patient", "gender": "female", "birthDate": "1961-02-03"}, "Patient: female."),
    ({"resourceType": "Observation", "code": {"text": "Mass, greatest diameter"},
      "valueQuantity": {"value": 24, "unit": "mm"}}, "Mass, greatest diameter: 24 mm."),
    ({"resourceType": "Observation", "code": {"coding": [{"display": "Axilla on palpation"}]},
      "valueString": "no nodes felt"}, "Axilla on palpation: no nodes felt."),
    ({"resourceType": "Procedure", "code": {"text": "Neoadjuvant chemotherapy"}, "status": "in-progress"},
     "Neoadjuvant chemotherapy ongoing."),
    ({"resourceType": "ServiceRequest", "code": {"text": "Lumpectomy"}, "status": "active"}, "Lumpectomy planned."),
    ({"resourceType": "Condition", "code": {"text": "Carcinoma of left breast"},
      "stage": [{"summary": {"text": "cT2 cN0"}}]}, "Carcinoma of left breast. cT2 cN0."),
    # loose exports: plain strings for concepts, a stage as a string, an age, notes after the resource
    ({"resourceType": "Patient", "gender": "female", "age": 63}, "Patient: female, 63 years old."),
    ({"resourceType": "Condition", "code": "Lobular carcinoma, left breast", "stage": "cT3 cN1"},
     "Lobular carcinoma, left breast. cT3 cN1."),
    ({"resourceType": "MedicationAdministration", "medication": "weekly paclitaxel", "status": "in-progress",
      "note": [{"text": "dose 5 of 12"}]}, "weekly paclitaxel ongoing (dose 5 of 12)."),
    ({"resourceType": "Observation", "code": {"text": "R breast mass size"},
      "valueQuantity": {"value": 2.4, "unit": "cm"}, "note": [{"text": "pre-chemotherapy."}, "baseline US"]},
     "R breast mass size: 2.4 cm (pre-chemotherapy; baseline US)."),
])
def test_a_fhir_resource_is_one_sentence(resource, sentence):
    assert structured.render_resource(resource) == sentence


@pytest.mark.parametrize("segment, sentence", [
    ("OBX|2|NM|SZ^Tumour size||31|mm|||||F", "Tumour size: 31 mm."),
    ("OBX|1|TX|AX^Axillary exam||Palpable node, mobile||||||F", "Axillary exam: Palpable node, mobile."),
    ("NTE|1||Not yet treated.", "Not yet treated."),
    ("PID|1||123||SMITH^JO||19700101|F", "Patient: female."),
    ("MSH|^~\\&|LAB|HOSP|||20260101||ORU^R01|1|P|2.5", ""),
])
def test_an_hl7_segment_is_one_sentence(segment, sentence):
    assert structured.render_segment(segment) == sentence


BUNDLE = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
    {"resource": {"resourceType": "Patient", "gender": "female"}},
    {"resource": {"resourceType": "Condition",
                  "code": {"text": "Newly diagnosed invasive ductal carcinoma, R breast"}}},
    {"resource": {"resourceType": "Observation", "code": {"text": "Largest tumour dimension"},
                  "valueQuantity": {"value": 2.6, "unit": "cm"}}},
    {"resource": {"resourceType": "Observation", "code": {"text": "Clinical axillary examination"},
                  "valueString": "no palpable lymphadenopathy"}},
    {"resource": {"resourceType": "Procedure", "code": {"text": "Systemic therapy"}, "status": "not-done"}}]})


def test_a_fhir_bundle_is_read_and_its_facts_quote_their_resource():
    result = bot.analyze(BUNDLE + "\nwhich axillary imaging?")
    assert (result.status, result.variant_id) == ("matched", "axilla-5")
    span = result.evidence["tumor_size_cm"][0]
    assert '"value": 2.6' in span["text"] and BUNDLE[span["start"]:span["end"]] == span["text"]


def test_hl7_segments_are_read():
    message = ("MSH|^~\\&|RIS|X|||20261101||ORU^R01|9|P|2.5\nPID|1||77||DOE^A||19650101|F\n"
               "OBX|1|TX|DX^Diagnosis||New L breast IDC||||||F\nOBX|2|NM|SZ^Size||14|mm|||||F\n"
               "OBX|3|TX|EX^Clinical axilla||Palpable left axillary node||||||F\nNTE|1||Treatment not started.")
    assert bot.analyze(message).variant_id == "axilla-4"


def test_text_that_is_neither_is_left_alone():
    text = "58F | new 2 cm IDC | cN0"
    assert normalise(text)[0].text == text


@pytest.mark.parametrize("resource, sentence", [
    ({"resourceType": "Condition", "code": {"text": "Carcinoma of right breast"},
      "verificationStatus": {"coding": [{"code": "provisional"}]}}, "suspected Carcinoma of right breast."),
    ({"resourceType": "Observation", "status": "entered-in-error", "code": {"text": "Axilla"},
      "valueString": "palpable node"}, ""),
])
def test_a_resource_s_status_qualifies_or_drops_it(resource, sentence):
    assert structured.render_resource(resource) == sentence


def test_segments_split_by_carriage_returns_and_a_procedure_done_are_read():
    message = ("MSH|^~\\&|RIS|X|||20261101||ORU^R01|9|P|2.5\rPID|1||77||DOE^A||19650101|F\r"
               "OBX|1|TX|DX^Diagnosis||New R breast IDC 24 mm||||||F\rNTE|1||No palpable adenopathy.\r"
               "PR1|1||^Right lumpectomy||20261020")
    assert structured.render_segment("OBX|2|NM|SZ^Size||31|mm|||||W") == ""  # a withdrawn result
    assert bot.analyze(message).facts["treatment"] == "post_surgery"
    assert bot.analyze(message.rsplit("\r", 1)[0]).variant_id == "axilla-5"


def test_a_cda_observation_is_its_name_and_its_value():
    text = ('<section><entry><observation><code displayName="Tumour largest dimension"/>'
            '<value xsi:type="PQ" value="27" unit="mm"/></observation></entry></section>')
    assert " ".join(normalise(text)[0].text.split()) == "Tumour largest dimension: 27 mm. . . ."


def test_a_cda_document_is_read_and_its_facts_quote_the_value():
    text = ('<ClinicalDocument><component><section><title>Assessment</title><text>New right breast IDC, not yet '
            'treated, axilla clinically negative.</text><entry><observation><code displayName="Size"/><value '
            'value="1.6" unit="cm"/></observation></entry></section></component></ClinicalDocument>')
    result = bot.analyze(text)
    (span,) = result.evidence["tumor_size_cm"]
    assert (result.variant_id, span["text"]) == ("axilla-3", '<value value="1.6" unit="cm"/>')


def test_chat_html_is_not_cda():
    assert structured.xml_edits("<at>Bot</at><p>new L IDC</p>") == []


def test_a_plain_xml_record_is_a_field_per_element() -> None:
    text = ('<referral><patient_age>57</patient_age><lesion side="right">new IDC on core</lesion>'
            '<diameter unit="cm">1.4</diameter><axilla palpation="normal"/><therapy>none</therapy></referral>')
    lines = [line.strip() for line in normalise(text)[0].text.split("\n")]
    assert lines[:3] == ["patient age: 57.", "lesion right: new IDC on core.", "diameter: 1.4 cm."]
    assert bot.analyze(text).variant_id == "axilla-3"


def test_chat_markup_is_no_xml_record() -> None:
    assert structured.element_edits("<p>new R IDC 1.4 cm</p><b>cN0</b>") == []


@pytest.mark.parametrize("text", [
    "Jan 03 08:15:22 ehr-bridge[311]: referral age=63 gender=F dx=new_ILC_L size_mm=27 ax_exam=negative tx=none",
    "https://forms.example.net/axilla?age=63&gender=F&dx=new_ILC_L&size_mm=27&ax_exam=negative&tx=none",
    "$ triage --age 63 --gender F --dx 'new ILC left breast' --size-mm 27 --ax-exam negative --tx none",
])
def test_log_lines_query_strings_and_command_options_are_fields(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.7)


@pytest.mark.parametrize("text", ['{"lesion_at_dx_mm": 31, "nodes_at_dx": "cN0", "nac": "completed"}',
                                  "size at diagnosis cm: 3.1; nodes at dx: cN0; nac: completed"])
def test_a_unit_that_ends_a_field_name_is_its_number_s(text: str) -> None:
    assert bot.analyze(text).facts["tumor_size_cm"] == 3.1
