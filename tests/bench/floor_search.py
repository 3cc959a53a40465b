"""Floor of ``liaison search``: Python opens the catalog with :mod:`sqlite3`, runs one FTS5
query and prints the rows as JSON. Nothing of Liaison is imported.

    python tests/bench/floor_search.py CATALOG "nguyen duc"

What a whole ``liaison search`` process is measured against (``make bench``): it
cannot cost less than starting Python, opening the file and one FTS5 match.
"""

import json
import sqlite3
import sys
from pathlib import Path


def main(catalog: str, query: str) -> None:
    uri = f"{Path(catalog).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    match = " AND ".join(f'{{names body}} : "{word}"*' for word in query.lower().split())
    rows = conn.execute(
        "SELECT kind, record_id, title, subtitle FROM search_index WHERE search_index MATCH ? "
        "ORDER BY length(names), rowid LIMIT 20", (match,)).fetchall()
    conn.close()
    print(json.dumps([{"kind": k, "id": i, "title": t, "subtitle": s} for k, i, t, s in rows],
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
