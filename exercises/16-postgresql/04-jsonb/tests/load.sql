-- Eight products the tests know, and 20 000 others that none of the tests'
-- searches find (grey, black or white, tagged "basic", every variant at
-- 50.00 or more).
INSERT INTO products (id, name, attrs) VALUES
    (1, 'Red mug',   '{"colour": "red", "tags": ["kitchen", "sale"], "size": {"width": 9, "height": 10},
                       "variants": [{"sku": "MUG-S", "price": 800}, {"sku": "MUG-L", "price": 1200}]}'),
    (2, 'Blue mug',  '{"colour": "blue", "tags": ["kitchen"], "size": {"width": 9, "height": 10},
                       "variants": [{"sku": "MUG-B", "price": 900}]}'),
    (3, 'Red lamp',  '{"colour": "red", "tags": ["light", "new"], "size": {"width": 20, "height": 45},
                       "variants": [{"sku": "LAMP", "price": 3500}], "stock": {"north": 4}}'),
    (4, 'Teal rug',  '{"colour": "teal", "tags": ["sale"], "size": {"width": 120, "height": 1}, "variants": []}'),
    (5, 'Gift card', '{"tags": ["sale", "digital"],
                       "variants": [{"sku": "GIFT-50", "price": 5000}, {"sku": "GIFT-25", "price": 2500}]}'),
    (6, 'Poster',    '{"colour": "red", "tags": ["O''Keeffe"], "size": {"width": 50, "height": 70}, "variants": [{"sku": "P-1", "price": 1500}]}'),
    (7, 'Chair',     '{"colour": "Red", "tags": ["Sale"], "size": {"width": 45, "height": 90},
                       "variants": [{"sku": "CH", "price": 7000}], "stock": {"north": 1, "south": 2}}'),
    (8, 'Notebook',  '{"colour": null, "tags": [], "variants": [{"sku": "NB", "price": 300}]}');

INSERT INTO products (id, name, attrs)
SELECT 1000 + g, 'Basic ' || g,
       jsonb_build_object(
           'colour', (ARRAY['grey', 'black', 'white'])[g % 3 + 1],
           'tags', jsonb_build_array('basic'),
           'size', jsonb_build_object('width', g % 100 + 200, 'height', 10),
           'variants', jsonb_build_array(jsonb_build_object('sku', 'B-' || g, 'price', 5000 + g % 1000)))
FROM generate_series(1, 20000) AS g;
