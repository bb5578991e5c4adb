"""Notes in an SQLite database. Given: you do not need to change this file.

A NoteRepository works through the connection it is given and never commits
or closes it: whoever opened the connection decides when the work of a
request is kept (commit) or undone (rollback), and closes it.
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    text TEXT NOT NULL
)
"""


class NoteRepository:
    def __init__(self, connection):
        self.connection = connection
        self.connection.execute(SCHEMA)

    def add(self, owner, text):
        """Store a note; returns it as {"id", "owner", "text"}."""
        cursor = self.connection.execute("INSERT INTO notes (owner, text) VALUES (?, ?)", (owner, text))
        return {"id": cursor.lastrowid, "owner": owner, "text": text}

    def get(self, note_id):
        """The note with that id, or None."""
        row = self.connection.execute("SELECT id, owner, text FROM notes WHERE id = ?", (note_id,)).fetchone()
        return None if row is None else {"id": row[0], "owner": row[1], "text": row[2]}

    def list_for(self, owner):
        """The owner's notes, by id."""
        rows = self.connection.execute("SELECT id, owner, text FROM notes WHERE owner = ? ORDER BY id", (owner,))
        return [{"id": row[0], "owner": row[1], "text": row[2]} for row in rows]

    def count_for(self, owner):
        """How many notes the owner has."""
        return self.connection.execute("SELECT COUNT(*) FROM notes WHERE owner = ?", (owner,)).fetchone()[0]
