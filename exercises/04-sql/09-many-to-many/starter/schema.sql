-- The school's students and courses (read-only: they exist already).
CREATE TABLE students (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL            -- not unique: two students may share a name
);

CREATE TABLE courses (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,   -- 'SQL101', ...
    title TEXT NOT NULL
);
