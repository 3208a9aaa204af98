"""Runs a server with the libraries' deprecation warnings off, so that its start-up output is the assistant's.

    python -m service.quiet rasa run --model models ...          (Rasa's command line)
    python -m service.quiet -m service.action_server --port 5055  (a module, as python -m)

PYTHONWARNINGS=ignore alone is not enough: Sanic turns DeprecationWarning back on ("once") when it is imported,
before TensorFlow, setuptools, pyparsing, SQLAlchemy and others warn about their own APIs at import time. Here
no library can turn deprecation warnings back on; every other warning (Rasa's UserWarnings about the model or
the domain, for instance) is shown as usual.
"""
import os
import runpy
import shutil
import sys
import warnings

_filterwarnings = warnings.filterwarnings
_OFF = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)


def _deprecations_first() -> None:
    """The 'ignore' filters of the deprecation warnings at the front (a deprecation warning that is also a
    UserWarning, as pyparsing's are, would otherwise match Rasa's "once" filter for UserWarning first)."""
    for category in _OFF:
        _filterwarnings("ignore", category=category)


def _keep_deprecations_off(action, message="", category=Warning, module="", lineno=0, append=False):
    if action != "ignore" and isinstance(category, type) and issubclass(category, _OFF):
        return None
    _filterwarnings(action, message, category, module, lineno, append)
    _deprecations_first()
    return None


def quiet() -> None:
    warnings.filterwarnings = _keep_deprecations_off
    warnings.simplefilter = (
        lambda action, category=Warning, lineno=0, append=False:
        _keep_deprecations_off(action, category=category, lineno=lineno, append=append))
    _deprecations_first()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


def main(argv: list) -> None:
    if not argv:
        sys.exit(__doc__)
    quiet()
    if argv[0] == "-m":
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return
    program = shutil.which(argv[0], path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if not program:
        sys.exit(f"{argv[0]}: not found")
    sys.argv = [program, *argv[1:]]
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
