import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.PiiAnalyzer;
import java.util.*;
public class Loop { public static long sink; public static void main(String[] a){ List<String> t=BenchCorpus.texts(2_000_000,42); PiiAnalyzer an=PiiAnalyzer.builder().build(); double mb=BenchCorpus.bytes(t)/1e6;
 for(int r=0;r<Integer.parseInt(a[0]);r++){ long t0=System.nanoTime(); for(String s:t) sink+=an.analyze(s).size(); long d=System.nanoTime()-t0; System.out.printf("round %d %.1f MB/s%n",r,mb/(d/1e9)); }}}
