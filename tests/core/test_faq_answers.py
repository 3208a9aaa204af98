"""What each follow-up answer says, written by hand from the clinical reference
(shared/reference/acr-imaging-of-the-axilla.md), not derived from the answer templates: two cases per topic
where the answer depends on the variant, one where it does not."""
import pytest

from bot import faq

# (topic, variant, words the answer must contain, words it must not)
EXPECTED = [
    ("why_not_mri", "axilla-1", ["MRI breast without and with IV contrast is Usually Not Appropriate",
                                 "US axilla is Usually Appropriate"], []),
    ("why_not_mri", "axilla-6", ["US axilla is Usually Appropriate",
                                 "MRI breast without and with IV contrast is May Be Appropriate"], []),
    ("why_not_pet", "axilla-3", ["FDG-PET/CT is Usually Not Appropriate", "10–30 mSv"], []),
    ("why_not_pet", "axilla-6", ["FDG-PET/CT is May Be Appropriate", "US axilla is Usually Appropriate"], []),
    ("biopsy_positive", "axilla-6", ["node-positive", "Neoadjuvant chemotherapy"], []),
    ("biopsy_positive", "axilla-9", ["residual nodal disease", "axillary lymph node dissection"], []),
    ("biopsy_positive", "axilla-1", ["No breast cancer is known", "lymphoma"], []),
    ("biopsy_negative", "axilla-6", ["sampling miss", "concordance"], []),
    ("biopsy_negative", "axilla-1", ["no known breast cancer", "concordance"], []),
    ("us_negative", "axilla-6", ["does not exclude", "sentinel node biopsy"], []),
    ("us_negative", "axilla-3", ["US axilla is only May Be Appropriate", "sentinel node biopsy"], []),
    ("small_tumor", "axilla-6", ["variant 4", "Usually Appropriate"], []),
    ("small_tumor", "axilla-9", ["Monitoring Response to Neoadjuvant Systemic Therapy"], []),
    ("neoadjuvant", "axilla-6", ["more important, not less", "biopsy"], []),
    ("neoadjuvant", "axilla-9", ["clipped node", "US axilla is Usually Appropriate"], []),
    ("suspicious_features", "axilla-6", ["cortex thicker than 3 mm", "hilum", "round"], []),
    ("radiation", "axilla-6", ["0 mSv", "US axilla", "☢☢☢☢"], []),
    ("fna_vs_core", "axilla-6", ["88%", "74%", "Core biopsy"], []),
    ("order_wording", "axilla-6", ["Diagnostic axillary ultrasound with possible US-guided biopsy"], []),
    ("order_wording", "axilla-9", ["before surgery", "neoadjuvant chemotherapy"], []),
    ("clip_tad", "axilla-9", ["Clip", "Targeted axillary dissection"], []),
    ("discordant", "axilla-6", ["concordance"], []),
    ("pitfalls", "axilla-6", ["tissue diagnosis", "FDG-PET/CT"], []),
    ("scope", "axilla-6", ["12 variants", "female patients"], []),
    ("rating_meaning", "axilla-3", ["no procedure is Usually Appropriate", "May Be Appropriate"], []),
    ("rating_meaning", "axilla-6", ["Usually Appropriate (7–9)", "May Be Appropriate (4–6)"],
     ["no procedure is Usually Appropriate"]),
]


def test_every_topic_is_checked_by_hand() -> None:
    assert {topic for topic, *_ in EXPECTED} == set(faq.TOPICS)


@pytest.mark.parametrize("topic, variant, present, absent", EXPECTED)
def test_the_answer_says_what_the_reference_says(topic: str, variant: str, present: list, absent: list) -> None:
    text = faq.answer(topic, variant).text
    for words in present:
        assert words in text, (topic, variant, words)
    for words in absent:
        assert words not in text, (topic, variant, words)
