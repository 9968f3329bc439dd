// Findings count and a hash of their toString over the first N generated cases: two jars (or a
// scratch class dir prepended to the class path) that must give the same findings give the same line.
import io.leakguard.pii.*; import io.leakguard.testkit.*; import java.util.*;
public class Fnd { public static void main(String[] a) throws Exception {
  SupportCaseGenerator gen = new SupportCaseGenerator(20261129); int n = Integer.parseInt(a[0]);
  PiiAnalyzer an = PiiAnalyzer.builder().build(); long h = 0, f = 0;
  for (int i = 0; i < n; i++) { String text = gen.caseAt(i).text(); for (PiiFinding x : an.analyze(text)) { f++; h = h * 31 + x.toString().hashCode(); } }
  System.out.println("findings " + f + " hash " + h); } }
