"""Conversation data commands over the tracker store of an endpoints file.

    python -m service purge [--days N]          delete conversations idle for more than N days
                                                (default: RETENTION_DAYS, else 30)
    python -m service export SENDER [-o FILE]   one conversation's events as JSON (stdout by default)
    python -m service delete SENDER             delete one conversation

A conversation id is namespaced by its channel (`rest:…`, `web:…`, `slack:…`, `teams:…`); an id without one is
a REST conversation (the `sender` its client sent).

--endpoints FILE, before the command, picks the tracker store (default endpoints.yml; the cluster's
deploy/endpoints.cluster.yml reads its ${...} settings from the environment).
"""
import argparse
import json
import os
import sys
from typing import List, Optional, Text

from service import retention, senders


def parse_args(argv: Optional[List[Text]]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m service", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--endpoints", default="endpoints.yml", help="endpoints file with the tracker_store")
    commands = parser.add_subparsers(dest="command", required=True)
    purge = commands.add_parser("purge", help="delete conversations older than the retention period")
    purge.add_argument("--days", type=float, default=float(os.environ.get("RETENTION_DAYS", 30)))
    export = commands.add_parser("export", help="print one conversation as JSON")
    export.add_argument("sender")
    export.add_argument("-o", "--output", help="file to write instead of stdout")
    delete = commands.add_parser("delete", help="delete one conversation")
    delete.add_argument("sender")
    return parser.parse_args(argv)


def main(argv: Optional[List[Text]] = None) -> int:
    """Runs one command; exit status 1 when the conversation does not exist."""
    args = parse_args(argv)
    store = retention.open_store(args.endpoints)
    if getattr(args, "sender", None) and not senders.split(args.sender)[0]:
        args.sender = senders.namespaced("rest", args.sender)
    if args.command == "purge":
        print(f"deleted {len(retention.purge(store, args.days))} conversation(s) idle for more than {args.days:g} days")
        return 0
    if args.command == "export":
        conversation = retention.export(store, args.sender)
        if conversation is None:
            print(f"no conversation {args.sender!r}", file=sys.stderr)
            return 1
        with open(args.output, "w") if args.output else sys.stdout as out:
            json.dump(conversation, out, indent=2)
            out.write("\n")
        return 0
    count = retention.delete(store, args.sender)
    print(f"deleted conversation {args.sender!r} ({count} events)" if count else f"no conversation {args.sender!r}")
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
