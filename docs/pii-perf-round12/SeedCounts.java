package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.internal.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 12: what the shared digit walk does per round (bench corpus seed, or "pool": the 4,000 cases the 1M-row scan
 * repeats): tokens, letter/digit tokens, number tokens, seeds (numbers and words), seeds inside the previous chunk,
 * word seeds that fail canStart, starts mayHold rules out, reads, reads under 7 digits. Runs on any build (reflection).
 * usage: java -cp <classes>:<bench jar>:<this compiled> io.leakguard.pii.detectors.SeedCounts [seed|pool]
 */
public class SeedCounts {
  public static void main(String[] a) throws Exception {
    List<String> texts; if (a.length > 0 && a[0].equals("pool")) { texts = new ArrayList<>(); io.leakguard.testkit.SupportCaseGenerator gen = new io.leakguard.testkit.SupportCaseGenerator(20261129); for (int i = 0; i < 4000; i++) texts.add(gen.caseAt(i).text()); } else texts = BenchCorpus.texts(2_000_000, a.length > 0 ? Long.parseLong(a[0]) : 42);
    TextNormalizer.Scratch sc = new TextNormalizer.Scratch();
    java.lang.reflect.Field fS = DigitRuns.class.getDeclaredField("runStarts"); fS.setAccessible(true);
    java.lang.reflect.Field fN = DigitRuns.class.getDeclaredField("runStartCount"); fN.setAccessible(true);
    long tokens=0, alnum=0, seeds=0, wordSeeds=0, numSeeds=0, inside=0, noStart=0, noStartWord=0, noHold=0, reads=0, shortReads=0, chunks=0, numbers=0, chars=0;
    long holdWord=0, readsWord=0, shortWord=0;
    TextIndex last = null;
    DigitSequence seq = new DigitSequence();
    for (String t : texts) {
      String x = TextNormalizer.normalize(t, sc).text();
      last = TextIndex.of(x, sc.text(), last);
      chars += x.length();
      DigitRuns runs = DigitRuns.of(last);
      tokens += last.size();
      for (int k = 0; k < last.size(); k++) if ((last.flags(k) & TextIndex.ALNUM) != 0) alnum++;
      int[] rs = (int[]) fS.get(runs); int rc = fN.getInt(runs);
      seeds += rc; numbers += runs.numberCount(); chunks += runs.size();
      int next = 0;
      for (int i = 0; i < rc; i++) {
        int tk = rs[i];
        boolean isNum = DigitSequence.isDigitToken(last, tk);
        if (isNum) numSeeds++; else wordSeeds++;
        if (tk < next) { inside++; continue; }
        if (!DigitSequence.canStart(last, tk)) { noStart++; if (!isNum) noStartWord++; continue; }
        if (!DigitSequence.mayHold(last, tk, DigitRuns.MIN_DIGITS)) { noHold++; if (!isNum) holdWord++; next = tk + 1; continue; }
        seq.read(last, tk); reads++; if (!isNum) readsWord++;
        if (seq.digits < DigitRuns.MIN_DIGITS) { shortReads++; if (!isNum) shortWord++; }
        next = Math.max(tk + 1, seq.resumeToken());
      }
    }
    System.out.printf("texts %d chars %d tokens %d alnum %d numbers %d%nseeds %d (num %d, word %d) inside-prev %d canStart-fail %d (word %d) mayHold-false %d (word %d) reads %d (word %d) short-reads %d (word %d) chunks %d%n",
      texts.size(), chars, tokens, alnum, numbers, seeds, numSeeds, wordSeeds, inside, noStart, noStartWord, noHold, holdWord, reads, readsWord, shortReads, shortWord, chunks);
  }
}
