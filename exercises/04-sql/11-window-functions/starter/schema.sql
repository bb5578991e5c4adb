-- One row per sale (read-only: your queries run against it).
CREATE TABLE sales (
    id     INTEGER PRIMARY KEY,
    region TEXT NOT NULL,     -- 'North', 'South', ...
    rep    TEXT NOT NULL,     -- the sales rep; each rep works in one region
    month  TEXT NOT NULL,     -- 'YYYY-MM'
    amount INTEGER NOT NULL   -- in whole euros
);
