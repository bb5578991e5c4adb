-- Good data: it must fit the learner's tables.
INSERT INTO authors (id, name, email) VALUES
    (1, 'Ursula K. Le Guin', 'ursula@example.org'),
    (2, 'Octavia E. Butler', 'octavia@example.org'),
    (3, 'Iain M. Banks',     'iain@example.org');

INSERT INTO books (id, title, author_id, isbn, pages, price) VALUES
    (1, 'The Dispossessed',     1, '978-0061054884', 387,  9.99),
    (2, 'A Wizard of Earthsea', 1, '978-0547773742', 183,  8.5),
    (3, 'Kindred',              2, '978-0807083697', 264,  12.0),
    (4, 'Bloodchild',           2, NULL,             NULL, 0.0),
    (5, 'The Left Hand of Darkness', 1, NULL,        304,  7.25);
