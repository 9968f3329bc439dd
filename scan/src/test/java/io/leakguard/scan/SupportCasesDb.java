package io.leakguard.scan;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the support-case test tables (same rows in PostgreSQL and H2). */
final class SupportCasesDb {
  private SupportCasesDb() {}

  static void create(Connection c, boolean postgres) throws SQLException {
    String json = postgres ? "jsonb" : "json";
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS support_cases");
      s.execute("DROP TABLE IF EXISTS audit_log");
      s.execute(
          "CREATE TABLE support_cases (id BIGINT PRIMARY KEY, customer_id VARCHAR(20) NOT NULL,"
              + " created_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP, subject VARCHAR(200),"
              + " body TEXT, meta "
              + json
              + ", priority INTEGER)");
      s.execute("CREATE TABLE audit_log (msg VARCHAR(500))");
      insert(
          s,
          postgres,
          1,
          "C-100",
          "2019-11-01 09:00:00",
          null,
          "login issue",
          "please email me at jane.doe@contoso.com",
          "{\"channel\": \"web\"}");
      insert(
          s,
          postgres,
          2,
          "C-200",
          "2019-12-10 12:00:00",
          null,
          "reset mail",
          "reach XYZ @contoso com or call (425) 555-0143",
          "{\"channel\": \"phone\"}");
      insert(
          s,
          postgres,
          3,
          "C-300",
          "2020-01-15 08:00:00",
          null,
          "billing",
          "my ssn is 536-22-8145",
          null);
      insert(
          s,
          postgres,
          4,
          "C-400",
          "2019-10-01 08:00:00",
          "2019-11-20 08:00:00",
          "refund",
          "refund to card 4111 1111 1111 1111",
          null);
      insert(
          s,
          postgres,
          5,
          "C-500",
          "2019-10-01 08:00:00",
          "2019-12-20 08:00:00",
          "refund",
          "card 5500 0000 0000 0004 was charged twice",
          null);
      insert(
          s,
          postgres,
          6,
          "C-600",
          "2019-12-06 10:00:00",
          null,
          "crash",
          "build 10.0.19041.1 crashes with 0x80070005",
          "{\"src\": \"10.1.2.3\"}");
      insert(
          s,
          postgres,
          7,
          "C-100",
          "2019-12-07 10:00:00",
          null,
          "again",
          "still broken, write to jane.doe@contoso.com",
          null);
      s.execute("INSERT INTO audit_log VALUES ('exported for ops@fabrikam.com')");
      s.execute("INSERT INTO audit_log VALUES ('nothing here')");
    }
  }

  private static void insert(
      Statement s,
      boolean pg,
      int id,
      String customer,
      String created,
      String deleted,
      String subject,
      String body,
      String meta)
      throws SQLException {
    String m = meta == null ? "NULL" : "'" + meta + "'" + (pg ? "::jsonb" : " FORMAT JSON");
    s.execute(
        "INSERT INTO support_cases VALUES ("
            + id
            + ", '"
            + customer
            + "', TIMESTAMP '"
            + created
            + "', "
            + (deleted == null ? "NULL" : "TIMESTAMP '" + deleted + "'")
            + ", '"
            + subject
            + "', '"
            + body
            + "', "
            + m
            + ", 1)");
  }
}
