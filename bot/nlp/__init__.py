"""The rule-based spaCy pipeline that reads clinicians' case descriptions."""
import sys


def _import_spacy_without_tensorflow() -> None:
    """thinc probes for TensorFlow when spaCy is imported (3 s, 500 MB); the rules never use it."""
    if "thinc" in sys.modules or "tensorflow" in sys.modules:
        return
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # `import tensorflow` fails fast
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["tensorflow"]


_import_spacy_without_tensorflow()
