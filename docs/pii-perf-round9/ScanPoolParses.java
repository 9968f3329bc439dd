import io.leakguard.testkit.SupportCaseGenerator;
import io.leakguard.pii.*;
import java.util.*;
/**
 * Round 9: libphonenumber parses of the phone detector's national path per cycle of ScanBench's
 * pool (the 4,000 generated cases the 1M-row scan repeats). Needs a counting build: a scratch copy
 * of pii/src/main/java whose PhoneDetector has
 * {@code public static final java.util.HashMap<String, Long> PCNT = new java.util.HashMap<>();} and
 * {@code PCNT.merge("validNumber", 1L, Long::sum);} before {@code UTIL.parse} in validNumber,
 * compiled onto a bench jar: java -cp <counting classes>:<bench jar>:. ScanPoolParses
 */
public class ScanPoolParses {
  static java.lang.reflect.Field acc(java.lang.reflect.Field f){f.setAccessible(true);return f;}
  public static void main(String[] a) throws Exception {
    SupportCaseGenerator gen = new SupportCaseGenerator(20261129);
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 4000; i++) pool.add(gen.caseAt(i).text());
    PiiAnalyzer an = PiiAnalyzer.builder().build();
    @SuppressWarnings("unchecked") Map<String,Long> pc = (Map<String,Long>) acc(Class.forName("io.leakguard.pii.detectors.PhoneDetector").getField("PCNT")).get(null);
    long bytes = 0; for (String s : pool) bytes += s.length();
    for (int r = 0; r < 4; r++) { pc.clear(); long n = 0; for (String s : pool) n += an.analyze(s).size(); System.out.println("cycle " + r + " (" + bytes/1e6 + " M chars): " + pc + " findings " + n); }
  }
}
