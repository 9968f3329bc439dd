package io.leakguard.scan;

import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warning;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.scan.ScanPipeline.Batch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scans the text-like columns of a database's tables for residual PII.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url, user, password)) {
 *   ScanReport r = JdbcScanner.builder(c, analyzer).sample(1000).build().scan();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Discovers tables (all schemas but the system ones, or the given schema / tables) and their
 *       text-like columns ({@code char}, {@code varchar}, {@code text}, {@code clob}, {@code json},
 *       {@code jsonb}, {@code xml}, {@code citext}, {@code hstore}, the network types {@code inet},
 *       {@code cidr}, {@code macaddr}, {@code macaddr8}, and arrays of these, read in their text
 *       form).
 *   <li>Sampling ({@link Builder#sample}) reads at most N rows of each table: on PostgreSQL, random
 *       pages of the whole table ({@code TABLESAMPLE SYSTEM ... REPEATABLE (0)}, when the table's
 *       statistics say it is large), elsewhere the first N rows; either way the time does not grow
 *       with the table. A full scan reads every row with keyset pagination on the primary key
 *       ({@code WHERE (pk) > (?) ORDER BY pk LIMIT page}), so memory stays flat and the scan can
 *       resume from a {@link Builder#checkpoint checkpoint}. A table without a primary key is read
 *       in full in one query, not resumable, with a warning.
 *   <li>Parallel: the calling thread reads pages (the key and the text columns only) and hands them
 *       to {@link Builder#workers} analysis threads through a {@link ScanPipeline}; results are
 *       merged in page order, so the report and the checkpoints are the same as with one thread. At
 *       most {@code 2 × workers} pages are held in memory.
 *   <li>Read-only: the connection is put in read-only mode in one transaction that is rolled back
 *       at the end; the scanner never writes to the scanned database (a read-only user suffices).
 * </ul>
 */
public final class JdbcScanner {
  /** Called after every page, e.g. for a progress bar. */
  public interface Progress {
    void page(String table, long rowsInTable, long rowsTotal);
  }

  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "pg_toast", "sys", "mysql", "performance_schema");

  private final Connection connection;
  private final PiiAnalyzer analyzer;
  private final String schema;
  private final List<String> tables;
  private final int sample;
  private final int pageSize;
  private final int maxKeys;
  private final Path checkpoint;
  private final String sourceName;
  private final Progress progress;
  private final int workers;

  private JdbcScanner(Builder b) {
    this.connection = b.connection;
    this.analyzer = b.analyzer;
    this.schema = b.schema;
    this.tables = List.copyOf(b.tables);
    this.sample = b.sample;
    this.pageSize = b.pageSize;
    this.maxKeys = b.maxKeys;
    this.checkpoint = b.checkpoint;
    this.sourceName = b.sourceName;
    this.progress = b.progress;
    this.workers = b.workers;
  }

  public static Builder builder(Connection connection, PiiAnalyzer analyzer) {
    return new Builder(connection, analyzer);
  }

  /** A discovered table: qualified name parts, text columns and primary key columns. */
  record Table(String schema, String name, List<String> textColumns, List<Col> primaryKey) {
    String label() {
      return (schema == null || schema.isEmpty() || schema.equalsIgnoreCase("public"))
          ? name
          : schema + "." + name;
    }

    /** The report location of text column {@code i}: {@code table.column}. */
    String location(int i) {
      return label() + "." + textColumns.get(i);
    }
  }

  record Col(String name, int sqlType) {}

  /** Scans and returns the report. */
  public ScanReport scan() {
    try {
      boolean wasReadOnly = connection.isReadOnly();
      boolean wasAuto = connection.getAutoCommit();
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try {
        return doScan();
      } finally {
        connection.rollback();
        connection.setAutoCommit(wasAuto);
        connection.setReadOnly(wasReadOnly);
      }
    } catch (SQLException e) {
      throw new UserInputException(sourceName + ": " + describe(e));
    }
  }

  static String describe(SQLException e) {
    String state = e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    return e.getMessage() + state;
  }

  private ScanReport doScan() throws SQLException {
    ScanAccumulator acc = new ScanAccumulator(analyzer, maxKeys);
    Checkpoint cp = Checkpoint.loadOrNew(checkpoint, sourceName + (sample > 0 ? "#sample" : ""));
    acc.loadState(cp.state);
    List<Table> found = discover();
    try (ScanPipeline pipeline = new ScanPipeline(acc, workers)) {
      scanTables(found, acc, cp, pipeline);
    }
    return acc.report();
  }

  /**
   * Reads table after table on this thread. Every table is drained (all its batches merged) before
   * the next one starts, so warnings and locations keep the single-threaded order and a table is
   * marked done in the checkpoint only when all its rows are in the accumulator.
   */
  private void scanTables(
      List<Table> found, ScanAccumulator acc, Checkpoint cp, ScanPipeline pipeline)
      throws SQLException {
    long total = 0;
    for (Table t : found) {
      for (String c : t.textColumns()) {
        acc.declare(t.label() + "." + c);
      }
      List<String> st = cp.tables.get(t.label());
      if (st != null && !st.isEmpty() && st.get(0).equals("done")) {
        continue;
      }
      if (t.textColumns().isEmpty()) {
        cp.tables.put(t.label(), List.of("done"));
        continue;
      }
      if (sample > 0) {
        total += readAll(t, pipeline, sample, total);
      } else if (t.primaryKey().isEmpty()) {
        acc.warn(
            new Warning(
                "no-primary-key",
                "table " + t.label() + " has no primary key: read in full, not resumable",
                SourceRef.ofPath(sourceName, t.label())));
        total += readAll(t, pipeline, 0, total);
      } else {
        List<String> lastKey = st != null && st.size() > 1 ? st.subList(1, st.size()) : null;
        total += readPaged(t, acc, pipeline, lastKey, cp, total);
      }
      cp.tables.put(t.label(), List.of("done"));
      cp.save(acc);
    }
  }

  List<Table> discover() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    List<Table> out = new ArrayList<>();
    Map<String, String[]> names = new TreeMap<>();
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String s = rs.getString("TABLE_SCHEM");
        String n = rs.getString("TABLE_NAME");
        if (s != null && SYSTEM_SCHEMAS.contains(s.toLowerCase(Locale.ROOT))) {
          continue;
        }
        names.put((s == null ? "" : s) + "." + n, new String[] {s, n});
      }
    }
    if (!tables.isEmpty()) {
      for (String want : tables) {
        boolean ok = false;
        for (String[] sn : names.values()) {
          if (sn[1].equalsIgnoreCase(want) || (sn[0] + "." + sn[1]).equalsIgnoreCase(want)) {
            ok = true;
          }
        }
        if (!ok) {
          throw new UserInputException(sourceName + ": no table named '" + want + "'");
        }
      }
    }
    for (String[] sn : names.values()) {
      if (!tables.isEmpty()
          && tables.stream()
              .noneMatch(
                  w -> w.equalsIgnoreCase(sn[1]) || w.equalsIgnoreCase(sn[0] + "." + sn[1]))) {
        continue;
      }
      List<String> text = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, sn[0], sn[1], "%")) {
        while (rs.next()) {
          if (isText(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))) {
            text.add(rs.getString("COLUMN_NAME"));
          }
        }
      }
      List<Col> pk = new ArrayList<>();
      Map<Short, String> pkCols = new TreeMap<>();
      try (ResultSet rs = md.getPrimaryKeys(null, sn[0], sn[1])) {
        while (rs.next()) {
          pkCols.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      for (String c : pkCols.values()) {
        int type = Types.VARCHAR;
        try (ResultSet rs = md.getColumns(null, sn[0], sn[1], c)) {
          if (rs.next()) {
            type = rs.getInt("DATA_TYPE");
          }
        }
        pk.add(new Col(c, type));
      }
      out.add(new Table(sn[0], sn[1], text, pk));
    }
    return out;
  }

  static boolean isText(int type, String typeName) {
    switch (type) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return true;
      default:
        String n = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (n.startsWith("_")) {
          n = n.substring(1); // a PostgreSQL array: scanned as its text form {a,"b c"}
        }
        return TEXT_TYPE_NAMES.contains(n) || n.contains("character");
    }
  }

  /**
   * Type names (PostgreSQL's, lower case) read as text besides the JDBC character types: JSON and
   * XML documents, case-insensitive text ({@code citext}), key-value text ({@code hstore}), and the
   * network types whose values are themselves personal data: {@code inet} and {@code cidr} hold
   * addresses (read as {@code 203.0.113.7}, {@code 10.20.0.0/16}), {@code macaddr} and {@code
   * macaddr8} device addresses. Arrays of any of these ({@code _text}, {@code _inet}) are read too.
   */
  private static final Set<String> TEXT_TYPE_NAMES =
      Set.of(
          "text",
          "varchar",
          "bpchar",
          "json",
          "jsonb",
          "xml",
          "citext",
          "hstore",
          "inet",
          "cidr",
          "macaddr",
          "macaddr8");

  private String q(String ident) throws SQLException {
    String quote = connection.getMetaData().getIdentifierQuoteString();
    if (quote == null || quote.isBlank()) {
      return ident;
    }
    return quote + ident.replace(quote, quote + quote) + quote;
  }

  private String from(Table t) throws SQLException {
    return (t.schema() == null || t.schema().isEmpty() ? "" : q(t.schema()) + ".") + q(t.name());
  }

  private String selectList(Table t) throws SQLException {
    List<String> cols = new ArrayList<>();
    for (Col c : t.primaryKey()) {
      cols.add(q(c.name()));
    }
    for (String c : t.textColumns()) {
      cols.add(q(c));
    }
    return String.join(", ", cols);
  }

  /**
   * The query of a sample: on PostgreSQL, for a table the statistics say is large, {@code
   * TABLESAMPLE SYSTEM (p) REPEATABLE (0) ORDER BY md5(ctid::text)}: random pages over the whole
   * table (not only its oldest rows) holding about 4 × {@code limit} rows, of which a pseudo-random
   * {@code limit} are kept (a plain LIMIT would keep those of the first sampled pages only). It
   * reads about {@code p}% of the pages, so the time does not grow with the table, and it is
   * repeatable while the table does not change. Elsewhere, or for a small or never analyzed table,
   * the first {@code limit} rows the database returns (it stops reading after them).
   */
  String sampleSql(Table t, int limit) throws SQLException {
    String sql = "SELECT " + selectList(t) + " FROM " + from(t);
    double percent = samplePercent(t, limit);
    if (percent > 0) {
      sql +=
          String.format(
              Locale.ROOT,
              " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (0) ORDER BY md5(ctid::text)",
              percent);
    }
    return sql + " FETCH FIRST " + limit + " ROWS ONLY";
  }

  /** Smallest table (in pages, per the statistics) sampled by pages instead of its first rows. */
  static final long SAMPLE_MIN_PAGES = 100;

  /** Pages sampled at least, so that small rows spread over few pages still give enough rows. */
  static final long SAMPLE_MIN_SAMPLED_PAGES = 32;

  /**
   * The percentage of pages to sample so that about 4 × {@code limit} rows come back (then cut at
   * {@code limit}), or 0 to read the first rows instead (not PostgreSQL, no statistics, or too
   * small a table for sampling to pay).
   */
  private double samplePercent(Table t, int limit) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if (product == null || !product.toLowerCase(Locale.ROOT).contains("postgres")) {
      return 0;
    }
    String sql =
        "SELECT c.reltuples, c.relpages FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE c.relname = ? AND n.nspname = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, t.name());
      ps.setString(2, t.schema() == null || t.schema().isEmpty() ? "public" : t.schema());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        double rows = rs.getDouble(1);
        long pages = rs.getLong(2);
        if (rows < 20.0 * limit || pages < SAMPLE_MIN_PAGES) {
          return 0;
        }
        double p = 100.0 * 4 * limit / rows;
        p = Math.max(p, 100.0 * SAMPLE_MIN_SAMPLED_PAGES / pages);
        return Math.min(100, p);
      }
    }
  }

  /** A batch of rows read on the reading thread: keys and text values, row after row. */
  private record Rows(String[] keys, String[] values) {}

  private static Batch analyze(Table t, Rows rows) {
    int cols = t.textColumns().size();
    String[] locations = new String[cols];
    for (int i = 0; i < cols; i++) {
      locations[i] = t.location(i);
    }
    return part -> {
      for (int r = 0; r < rows.keys().length; r++) {
        part.newRecord();
        for (int i = 0; i < cols; i++) {
          part.record(locations[i], rows.keys()[r], rows.values()[r * cols + i]);
        }
      }
    };
  }

  private long readAll(Table t, ScanPipeline pipeline, int limit, long totalSoFar)
      throws SQLException {
    String sql = limit > 0 ? sampleSql(t, limit) : "SELECT " + selectList(t) + " FROM " + from(t);
    long n = 0;
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setFetchSize(pageSize);
      try (ResultSet rs = ps.executeQuery()) {
        long row = 0;
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          row++;
          keys.add(t.primaryKey().isEmpty() ? "row " + row : key(rs, t));
          readText(rs, t, values);
          n++;
          if (keys.size() == pageSize) {
            long inTable = n;
            pipeline.submit(
                analyze(t, rows(keys, values)),
                progress == null
                    ? null
                    : () -> progress.page(t.label(), inTable, totalSoFar + inTable));
            keys.clear();
            values.clear();
          }
        }
        if (!keys.isEmpty()) {
          pipeline.submit(analyze(t, rows(keys, values)), null);
        }
      }
    }
    pipeline.drain();
    if (progress != null) {
      progress.page(t.label(), n, totalSoFar + n);
    }
    return n;
  }

  private static Rows rows(List<String> keys, List<String> values) {
    return new Rows(keys.toArray(new String[0]), values.toArray(new String[0]));
  }

  private long readPaged(
      Table t,
      ScanAccumulator acc,
      ScanPipeline pipeline,
      List<String> lastKey,
      Checkpoint cp,
      long totalSoFar)
      throws SQLException {
    List<Col> pk = t.primaryKey();
    List<String> pkNames = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    for (Col c : pk) {
      pkNames.add(q(c.name()));
      marks.add("?");
    }
    String base = "SELECT " + selectList(t) + " FROM " + from(t);
    String order =
        " ORDER BY " + String.join(", ", pkNames) + " FETCH FIRST " + pageSize + " ROWS ONLY";
    String where =
        pk.size() == 1
            ? " WHERE " + pkNames.get(0) + " > ?"
            : " WHERE (" + String.join(", ", pkNames) + ") > (" + String.join(", ", marks) + ")";
    String first = base + order;
    String next = base + where + order;
    long n = 0;
    List<String> last = lastKey;
    List<String> keys = new ArrayList<>(pageSize);
    List<String> values = new ArrayList<>(pageSize * t.textColumns().size());
    try (PreparedStatement firstPage = connection.prepareStatement(first);
        PreparedStatement nextPage = connection.prepareStatement(next)) {
      while (true) {
        PreparedStatement ps = last == null ? firstPage : nextPage;
        if (last != null) {
          for (int i = 0; i < pk.size(); i++) {
            bind(ps, i + 1, pk.get(i).sqlType(), last.get(i));
          }
        }
        keys.clear();
        values.clear();
        List<String> pageLast = null;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            pageLast = keyValues(rs, t);
            keys.add(String.join(",", pageLast));
            readText(rs, t, values);
          }
        }
        int got = keys.size();
        n += got;
        if (got > 0) {
          last = pageLast;
          long inTable = n;
          List<String> state = new ArrayList<>(pageLast.size() + 1);
          state.add("partial");
          state.addAll(pageLast);
          pipeline.submit(
              analyze(t, rows(keys, values)),
              () -> {
                cp.tables.put(t.label(), state);
                cp.save(acc);
                if (progress != null) {
                  progress.page(t.label(), inTable, totalSoFar + inTable);
                }
              });
        }
        if (got < pageSize) {
          pipeline.drain();
          return n;
        }
      }
    }
  }

  private static void bind(PreparedStatement ps, int i, int sqlType, String v) throws SQLException {
    switch (sqlType) {
      case Types.INTEGER:
      case Types.SMALLINT:
      case Types.TINYINT:
      case Types.BIGINT:
        ps.setLong(i, Long.parseLong(v));
        break;
      case Types.NUMERIC:
      case Types.DECIMAL:
        ps.setBigDecimal(i, new java.math.BigDecimal(v));
        break;
      case Types.TIMESTAMP:
        ps.setTimestamp(i, java.sql.Timestamp.valueOf(v));
        break;
      case Types.DATE:
        ps.setDate(i, java.sql.Date.valueOf(v));
        break;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.NVARCHAR:
      case Types.LONGVARCHAR:
        ps.setString(i, v);
        break;
      default:
        ps.setObject(i, v, sqlType);
    }
  }

  private static List<String> keyValues(ResultSet rs, Table t) throws SQLException {
    List<String> out = new ArrayList<>(t.primaryKey().size());
    for (int i = 0; i < t.primaryKey().size(); i++) {
      out.add(Objects.toString(rs.getObject(i + 1)));
    }
    return out;
  }

  private static String key(ResultSet rs, Table t) throws SQLException {
    return String.join(",", keyValues(rs, t));
  }

  private static void readText(ResultSet rs, Table t, List<String> values) throws SQLException {
    int off = t.primaryKey().size();
    for (int i = 0; i < t.textColumns().size(); i++) {
      values.add(rs.getString(off + i + 1));
    }
  }

  /** Builder for {@link JdbcScanner}. */
  public static final class Builder {
    private final Connection connection;
    private final PiiAnalyzer analyzer;
    private String schema;
    private final List<String> tables = new ArrayList<>();
    private int sample;
    private int pageSize = 1000;
    private int maxKeys = 100;
    private Path checkpoint;
    private String sourceName = "database";
    private Progress progress;
    private int workers = ScanPipeline.defaultWorkers();

    private Builder(Connection connection, PiiAnalyzer analyzer) {
      this.connection = Objects.requireNonNull(connection, "connection");
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Only this schema (default: every non-system schema). */
    public Builder schema(String s) {
      this.schema = s;
      return this;
    }

    /** Only these tables (names or {@code schema.table}); an unknown one is an error. */
    public Builder tables(List<String> names) {
      tables.addAll(names);
      return this;
    }

    /** Read at most {@code n} rows per table (0 = read everything). */
    public Builder sample(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("sample must be >= 0: " + n);
      }
      this.sample = n;
      return this;
    }

    /** Rows per page of the keyset pagination (default 1000). */
    public Builder pageSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("page size must be >= 1: " + n);
      }
      this.pageSize = n;
      return this;
    }

    /** Row keys kept per location in the report (default 100). */
    public Builder maxKeys(int n) {
      this.maxKeys = n;
      return this;
    }

    /** Checkpoint file: resumes from it when it exists, updates it after every page. */
    public Builder checkpoint(Path file) {
      this.checkpoint = file;
      return this;
    }

    /** How the source is named in messages and checkpoints (a URL without credentials). */
    public Builder sourceName(String name) {
      this.sourceName = name;
      return this;
    }

    /** Called on the scanning thread after every page, in order (e.g. for a progress bar). */
    public Builder progress(Progress p) {
      this.progress = p;
      return this;
    }

    /**
     * Analysis threads (default: the available processors). The calling thread reads pages and
     * merges results in page order, so the report does not depend on this number; 0 analyzes on the
     * calling thread, one page after the other.
     */
    public Builder workers(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("workers must be >= 0: " + n);
      }
      this.workers = n;
      return this;
    }

    public JdbcScanner build() {
      return new JdbcScanner(this);
    }
  }
}
