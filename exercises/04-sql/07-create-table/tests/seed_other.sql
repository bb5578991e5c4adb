-- Another library's good data: it must fit the learner's tables too.
INSERT INTO authors (name, email) VALUES
    ('N. K. Jemisin', 'nk@example.net'),
    ('Ted Chiang',    'ted@example.net'),
    ('Ted Chiang',    'ted.chiang@example.com');

INSERT INTO books (title, author_id, isbn, pages, price) VALUES
    ('The Fifth Season',   1, NULL,             468,  0),
    ('Exhalation',         2, NULL,             NULL, 14.0),
    ('Stories of Your Life', 3, '978-1101972120', 1,  0.99),
    ('The Obelisk Gate',   1, NULL,             NULL, 0);
