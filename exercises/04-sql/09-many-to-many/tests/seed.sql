CREATE TABLE students (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE courses (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL
);

INSERT INTO students (id, name) VALUES
    (1, 'Ana'), (2, 'Ben'), (3, 'Chen'), (4, 'Dora'), (5, 'Eve'), (6, 'Ben');

INSERT INTO courses (id, code, title) VALUES
    (1, 'SQL101', 'Databases'),
    (2, 'PY101',  'Python'),
    (3, 'WEB201', 'Web development'),
    (4, 'ART100', 'Drawing');
