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
    (10, 'Yara'), (11, 'Xavi'), (12, 'Wen'), (13, 'Vic'), (14, 'Wen');

INSERT INTO courses (id, code, title) VALUES
    (20, 'MATH1', 'Algebra'),
    (21, 'MATH2', 'Geometry'),
    (22, 'PHYS1', 'Mechanics');
