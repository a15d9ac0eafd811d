-- The database behind /real_handler, created in memory when the server opens its first connection. H2 runs this script
-- itself (the INIT of the JDBC URL), so setting it up makes no query span in any mode; it runs again for each new
-- connection, hence IF NOT EXISTS and MERGE.
CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, customer VARCHAR(64) NOT NULL, item VARCHAR(64) NOT NULL);
MERGE INTO orders KEY (id) VALUES (1, 'testing', 'book'), (2, 'testing', 'lamp'), (3, 'hello', 'chair');
