package io.leakguard.scan;

import io.leakguard.core.MaskedPreview;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.DetectionException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Lists the customers affected by an exposure window: every record that was in the store during the
 * window (created at or before its end, and not deleted before its start when a deletion column is
 * given) is analyzed; customers with PII in at least one such record are reported with their entity
 * types and record counts. Read-only, streaming (constant memory per record; the result holds one
 * entry per affected customer).
 *
 * <p>A record on which detection fails counts as affected (fail closed) with no type.
 */
public final class ImpactQuery {
  private final Connection connection;
  private final PiiAnalyzer analyzer;
  private final String table;
  private final String customerColumn;
  private final String timeColumn;
  private final String deletedColumn;
  private final List<String> textColumns;

  /**
   * @param textColumns the columns to analyze; empty means every text-like column of the table
   * @param deletedColumn the deletion timestamp column, or null
   */
  public ImpactQuery(
      Connection connection,
      PiiAnalyzer analyzer,
      String table,
      String customerColumn,
      String timeColumn,
      String deletedColumn,
      List<String> textColumns) {
    this.connection = Objects.requireNonNull(connection);
    this.analyzer = Objects.requireNonNull(analyzer);
    this.table = Objects.requireNonNull(table);
    this.customerColumn = Objects.requireNonNull(customerColumn);
    this.timeColumn = Objects.requireNonNull(timeColumn);
    this.deletedColumn = deletedColumn;
    this.textColumns = List.copyOf(textColumns);
  }

  public ImpactReport run(TimeWindow window) {
    try {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try {
        return doRun(window);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new UserInputException(table + ": " + JdbcScanner.describe(e));
    }
  }

  private ImpactReport doRun(TimeWindow window) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    String[] st = findTable(md);
    List<String> all = new ArrayList<>();
    List<String> textual = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, st[0], st[1], "%")) {
      while (rs.next()) {
        String c = rs.getString("COLUMN_NAME");
        all.add(c);
        if (JdbcScanner.isText(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))) {
          textual.add(c);
        }
      }
    }
    String cust = column(all, customerColumn, "--customer-column");
    String time = column(all, timeColumn, "--time-column");
    String del = deletedColumn == null ? null : column(all, deletedColumn, "--deleted-column");
    List<String> cols = new ArrayList<>();
    if (textColumns.isEmpty()) {
      for (String c : textual) {
        if (!c.equals(cust)) {
          cols.add(c);
        }
      }
    } else {
      for (String c : textColumns) {
        cols.add(column(all, c, "--column"));
      }
    }
    String quote = md.getIdentifierQuoteString();
    StringBuilder sql = new StringBuilder("SELECT ").append(q(quote, cust));
    for (String c : cols) {
      sql.append(", ").append(q(quote, c));
    }
    sql.append(" FROM ")
        .append(st[0] == null || st[0].isEmpty() ? "" : q(quote, st[0]) + ".")
        .append(q(quote, st[1]))
        .append(" WHERE ")
        .append(q(quote, time))
        .append(" <= ?");
    if (del != null) {
      sql.append(" AND (")
          .append(q(quote, del))
          .append(" IS NULL OR ")
          .append(q(quote, del))
          .append(" >= ?)");
    }
    Map<String, long[]> records = new TreeMap<>();
    Map<String, Map<EntityType, Long>> types = new TreeMap<>();
    Map<String, List<String>> examples = new TreeMap<>();
    long inWindow = 0;
    long withPii = 0;
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      ps.setFetchSize(1000);
      ps.setTimestamp(1, Timestamp.from(window.to()));
      if (del != null) {
        ps.setTimestamp(2, Timestamp.from(window.from()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inWindow++;
          String customer = Objects.toString(rs.getObject(1), "(null)");
          boolean hit = false;
          Map<EntityType, Long> ty = null;
          for (int i = 0; i < cols.size(); i++) {
            String v = rs.getString(i + 2);
            if (v == null || v.isEmpty()) {
              continue;
            }
            List<PiiFinding> fs;
            try {
              fs = analyzer.analyze(v, cols.get(i)); // the column's name is its label
            } catch (DetectionException e) {
              hit = true; // fail closed: unchecked counts as affected
              continue;
            }
            for (PiiFinding f : fs) {
              hit = true;
              if (ty == null) {
                ty = types.computeIfAbsent(customer, k -> new EnumMap<>(EntityType.class));
              }
              ty.merge(f.type(), 1L, Long::sum);
              List<String> ex = examples.computeIfAbsent(customer, k -> new ArrayList<>());
              if (ex.size() < 3) {
                ex.add(MaskedPreview.of(v.substring(f.charStart(), f.charEnd())));
              }
            }
          }
          if (hit) {
            withPii++;
            records.computeIfAbsent(customer, k -> new long[1])[0]++;
          }
        }
      }
    }
    List<ImpactReport.Customer> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : records.entrySet()) {
      out.add(
          new ImpactReport.Customer(
              e.getKey(),
              e.getValue()[0],
              types.getOrDefault(e.getKey(), Map.of()),
              examples.getOrDefault(e.getKey(), List.of())));
    }
    return new ImpactReport(window, inWindow, withPii, out);
  }

  private String[] findTable(DatabaseMetaData md) throws SQLException {
    String wantSchema = null;
    String wantName = table;
    int dot = table.lastIndexOf('.');
    if (dot > 0) {
      wantSchema = table.substring(0, dot);
      wantName = table.substring(dot + 1);
    }
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        String s = rs.getString("TABLE_SCHEM");
        String n = rs.getString("TABLE_NAME");
        if (n.equalsIgnoreCase(wantName)
            && (wantSchema == null || wantSchema.equalsIgnoreCase(s))) {
          String ls = s == null ? "" : s.toLowerCase(Locale.ROOT);
          if (ls.equals("information_schema") || ls.equals("pg_catalog")) {
            continue;
          }
          return new String[] {s, n};
        }
      }
    }
    throw new UserInputException("no table named '" + table + "' in the database");
  }

  private String column(List<String> all, String want, String option) {
    for (String c : all) {
      if (c.equalsIgnoreCase(want)) {
        return c;
      }
    }
    throw new UserInputException(
        option + ": table " + table + " has no column '" + want + "' (columns: " + all + ")");
  }

  private static String q(String quote, String ident) {
    if (quote == null || quote.isBlank()) {
      return ident;
    }
    return quote + ident.replace(quote, quote + quote) + quote;
  }
}
