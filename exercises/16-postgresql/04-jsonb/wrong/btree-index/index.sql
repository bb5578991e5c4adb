-- A B-tree index on the column: it can compare whole documents, not answer @>.
CREATE INDEX products_attrs_idx ON products (attrs);
ANALYZE products;
