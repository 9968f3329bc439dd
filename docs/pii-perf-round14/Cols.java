// Per-column engine cost on the scan benchmark's values (customer_id, subject, body of the first N
// generated cases, as ScanBench loads them): java $E -cp BENCH_JAR Cols.java 100000 2 (pass 2 = the
// repeat sighting, as in the 1M-row table of 100,000 cases)
import io.leakguard.pii.*; import io.leakguard.testkit.*; import java.util.*;
public class Cols { public static long sink; public static void main(String[] a) {
  SupportCaseGenerator gen = new SupportCaseGenerator(20261129);
  int n = Integer.parseInt(a[0]);
  List<String> ids = new ArrayList<>(), subj = new ArrayList<>(), body = new ArrayList<>();
  for (int i = 0; i < n; i++) { String text = gen.caseAt(i).text(); int nl = text.indexOf('\n');
    String s = nl < 0 ? text : text.substring(0, nl); if (s.length() > 120) s = s.substring(0, 120);
    ids.add("C-" + (i * 7 % 50000)); subj.add(s); body.add(text); }
  PiiAnalyzer an = PiiAnalyzer.builder().build();
  for (int r = 0; r < Integer.parseInt(a[1]); r++) {
    for (List<String> l : List.of(ids, subj, body)) { long chars = 0; long t0 = System.nanoTime();
      for (String s : l) { sink += an.analyze(s).size(); chars += s.length(); }
      long dt = System.nanoTime() - t0;
      System.out.printf("%s ns/call=%.0f  MB/s=%.1f  ", l == ids ? "id" : l == subj ? "subj" : "body", dt / (double) l.size(), chars / (dt / 1e3)); }
    System.out.println(); } } }
