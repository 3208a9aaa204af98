"""Generated cases (tests/generated/cases.py): facts drawn first, the label from matching-rules.md, the text
rendered in many surface forms. The core must give the label's status, variant and first question, and read
back the facts the text states. `make stress` runs 20,000 of them and reports failures by surface form."""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests/generated is imported as a package of the project root
    sys.path.append(str(ROOT))

import bot  # noqa: E402
from tests.generated.cases import cases, check  # noqa: E402


@settings(max_examples=500, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cases())
def test_generated_case(case):
    result = bot.analyze(case.text)
    problems, unsafe = check(case, result)
    assert not problems, (f"{'UNSAFE ' if unsafe else ''}{case.kind} {case.tags}\n  text: {case.text!r}\n"
                          f"  expected: {case.status} {case.variant} {case.missing0} {case.facts}\n"
                          f"  got: {result.status} {result.variant_id} {result.missing} "
                          f"{ {k: result.facts.get(k) for k in case.facts} }\n  " + "; ".join(problems))
