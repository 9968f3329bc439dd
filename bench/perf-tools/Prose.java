import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.PiiAnalyzer;
import java.nio.file.*; import java.util.*;
public class Prose { public static long sink; public static void main(String[] a) throws Exception { 
 List<String> t=new ArrayList<>();
 if (a[1].equals("prose")) { StringBuilder sb=new StringBuilder(); for (Path p: Files.newDirectoryStream(Paths.get(System.getProperty("docs", "docs")),"*.md")) sb.append(Files.readString(p));
  String all=sb.toString(); for(int i=0;i+1000<all.length();i+=1000) t.add(all.substring(i,i+1000)); List<String> t2=new ArrayList<>(); while(t2.size()*1000<2_000_000) t2.addAll(t); t=t2; }
 else t=BenchCorpus.texts(2_000_000,42);
 PiiAnalyzer an=PiiAnalyzer.builder().build(); double mb=BenchCorpus.bytes(t)/1e6; long f=0; for(String s:t) f+=an.analyze(s).size(); System.out.printf("%.1f MB, %.1f findings/KB%n", mb, f/(mb*1000));
 for(int r=0;r<Integer.parseInt(a[0]);r++){ long t0=System.nanoTime(); for(String s:t) sink+=an.analyze(s).size(); long d=System.nanoTime()-t0; System.out.printf("round %d %.1f MB/s%n",r,mb/(d/1e9)); }}}
