"""Retention, export and deletion of conversations in Rasa's SQL tracker store (SQLite or PostgreSQL)."""
import json
import time
from typing import Any, Dict, List, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.utils.endpoints import read_endpoint_config

Event = SQLTrackerStore.SQLEvent


def open_store(endpoints: Text) -> SQLTrackerStore:
    """The tracker store of an endpoints file (tables are created if missing); only SQL stores qualify."""
    config = read_endpoint_config(endpoints, "tracker_store")
    store = TrackerStore.create(config) if config else None
    if not isinstance(store, SQLTrackerStore):
        raise SystemExit(f"{endpoints}: tracker_store must be Rasa's SQL tracker store (type: SQL)")
    return store


def purge(store: SQLTrackerStore, days: float, now: Optional[float] = None) -> List[Text]:
    """Deletes every conversation whose latest event is older than `days`; returns their ids."""
    cutoff = (now or time.time()) - days * 86400
    with store.session_scope() as session:
        old = [
            sender
            for (sender,) in session.query(Event.sender_id)
            .group_by(Event.sender_id)
            .having(sa.func.max(Event.timestamp) < cutoff)
        ]
        for chunk in range(0, len(old), 500):
            session.query(Event).filter(Event.sender_id.in_(old[chunk : chunk + 500])).delete(
                synchronize_session=False
            )
        session.commit()
    return old


def export(store: SQLTrackerStore, sender: Text) -> Optional[Dict[Text, Any]]:
    """Every stored event of one conversation, oldest first, or None if there is no such conversation."""
    with store.session_scope() as session:
        rows = session.query(Event.data).filter(Event.sender_id == sender).order_by(Event.id).all()
    return {"sender_id": sender, "events": [json.loads(data) for (data,) in rows]} if rows else None


def delete(store: SQLTrackerStore, sender: Text) -> int:
    """Deletes one conversation; returns how many events it had."""
    with store.session_scope() as session:
        count = session.query(Event).filter(Event.sender_id == sender).delete(synchronize_session=False)
        session.commit()
    return count
