package dev.switchboard.sql;

import dev.switchboard.testing.PasswordDatabases;
import dev.switchboard.vault.SecretFields;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seeded database on the password-protected test server, owned by its own role (so only the
 * read-only transaction stands between the tools and a write): customers, orders with a foreign
 * key, a check, a comment and an index, a view in schema {@code analytics}, and a function that
 * writes.
 */
final class ShopDatabase {
  private static final String SEED = """
      CREATE TABLE customers (
        id serial PRIMARY KEY,
        email text NOT NULL UNIQUE,
        name text,
        created_at timestamptz NOT NULL DEFAULT now());
      COMMENT ON TABLE customers IS 'People who buy';
      CREATE TABLE orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        total numeric(10,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
        paid boolean NOT NULL DEFAULT false,
        placed_on date,
        details jsonb);
      COMMENT ON TABLE orders IS 'Customer orders';
      COMMENT ON COLUMN orders.total IS 'Order total in euros';
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      CREATE SCHEMA analytics;
      CREATE VIEW analytics.paid_orders AS SELECT * FROM public.orders WHERE paid;
      INSERT INTO customers (email, name) VALUES
        ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob'), ('cy@example.com', NULL);
      INSERT INTO orders (customer_id, total, paid, placed_on, details) VALUES
        (1, 12.50, true, '2024-05-01', '{"items": 2, "gift": false}'),
        (1, 99.99, false, '2024-05-03', NULL),
        (2, 0, true, NULL, '{"items": 0}'),
        (3, 5.00, false, '2024-06-10', '[1, 2]');
      CREATE FUNCTION sneaky_insert() RETURNS integer LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO customers (email) VALUES ('sneaky@example.com'); RETURN 1; END $$;
      ANALYZE;
      """;

  final PasswordDatabases.Database db;

  private ShopDatabase(PasswordDatabases.Database db) {
    this.db = db;
  }

  static ShopDatabase create() {
    ShopDatabase shop = new ShopDatabase(PasswordDatabases.newDatabase());
    try (Connection c = shop.db.connect(); Statement s = c.createStatement()) {
      s.execute(SEED);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot seed the shop database", e);
    }
    return shop;
  }

  /** The credential's fields as the gateway would decrypt them. */
  SecretFields secrets() {
    return secrets(Map.of());
  }

  /** The credential's fields with some replaced (or added). */
  SecretFields secrets(Map<String, String> changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("host", db.host());
    fields.put("port", Integer.toString(db.port()));
    fields.put("user", db.user());
    fields.put("password", db.password());
    fields.put("database", db.name());
    fields.put("sslmode", "disable");
    fields.putAll(changes);
    return SecretFields.of(fields);
  }

  /** Row counts, a sum and the tables that exist: equal before and after means nothing changed. */
  List<Object> snapshot() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM orders),
                   (SELECT sum(total) FROM orders),
                   (SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables
                    WHERE schemaname = 'public')""")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4));
    }
  }

  /** How many server connections the role has open now. */
  int connections() throws SQLException {
    try (Connection c = PasswordDatabases.superuser("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '"
            + db.user() + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
