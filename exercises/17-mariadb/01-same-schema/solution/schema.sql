-- The shop's schema for MariaDB. InnoDB (the default engine) is the one
-- that enforces foreign keys and has transactions.

CREATE TABLE customers (
    id    INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(100) NOT NULL UNIQUE,
    name  VARCHAR(50)  NOT NULL
) ENGINE = InnoDB;

CREATE TABLE products (
    sku   VARCHAR(20)  NOT NULL PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    price INT          NOT NULL CHECK (price > 0),
    stock INT          NOT NULL DEFAULT 0 CHECK (stock >= 0)
) ENGINE = InnoDB;

CREATE TABLE orders (
    id          INT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id INT  NOT NULL,
    placed_on   DATE NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- KEY is a reserved word in MariaDB: names are quoted with backticks
-- ("key" would be a string).
CREATE TABLE settings (
    `key`   VARCHAR(50) NOT NULL PRIMARY KEY,
    `value` TEXT        NOT NULL
) ENGINE = InnoDB;
