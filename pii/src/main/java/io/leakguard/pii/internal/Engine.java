package io.leakguard.pii.internal;

import io.leakguard.pii.DetectionException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.Explanation;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The detection pipeline behind {@link io.leakguard.pii.PiiAnalyzer}.
 *
 * <p>Design notes (maintainers):
 *
 * <ol>
 *   <li>normalize ({@link TextNormalizer}) with an offset map; identity fast path for plain ASCII;
 *   <li>one pass builds the {@link TextIndex} (tokens with character-class flags): the triggers;
 *   <li>each enabled detector whose trigger flags occur runs its hand-written parsers from the
 *       trigger tokens and reports candidates with its own guards, validation and context score;
 *   <li>candidates below the minimum score or of disabled types are dropped;
 *   <li>overlap resolution: greedy by score, then length, then {@link EntityType#priority()}; a
 *       loser that sticks out of a winner widens the winner (so redaction never leaves a tail of a
 *       value behind), a loser inside a winner is dropped;
 *   <li>spans are mapped to original chars, then to code points.
 * </ol>
 *
 * Any exception inside a detector fails the whole text with {@link DetectionException}: never
 * partial findings.
 */
public final class Engine {
  private final Set<EntityType> entities;
  private final double minScore;
  private final String region;
  // bit t.ordinal() set for every enabled type: one shift per candidate instead of EnumSet.contains
  private final long entityBits;
  private final FindingFactory findings;
  private final Detector[] detectorArray;
  private final int[] triggers;
  private final String[] names;

  /**
   * Makes the finding of one resolved candidate (spans already mapped to the original text). The
   * analyzer passes one that builds the {@link Explanation} only when it is read.
   */
  @FunctionalInterface
  public interface FindingFactory {
    PiiFinding make(
        int start,
        int end,
        int charStart,
        int charEnd,
        double score,
        String detector,
        String form,
        Candidate source,
        List<String> normalizations);
  }

  /** Builds every finding with its explanation at once (the public constructor). */
  static final FindingFactory EAGER =
      (start, end, charStart, charEnd, score, detector, form, c, norms) ->
          new PiiFinding(
              c.type(),
              start,
              end,
              charStart,
              charEnd,
              score,
              detector,
              form,
              c.canonical(),
              new Explanation(
                  c.pattern(), c.validation(), round(c.baseScore()), c.contextWords(), norms));

  public Engine(
      List<Detector> detectors, Set<EntityType> entities, double minScore, String region) {
    this(detectors, entities, minScore, region, EAGER);
  }

  /** An engine whose findings are made by {@code findings} (see {@link FindingFactory}). */
  public Engine(
      List<Detector> detectors,
      Set<EntityType> entities,
      double minScore,
      String region,
      FindingFactory findings) {
    this.findings = java.util.Objects.requireNonNull(findings, "findings");
    this.entities = EnumSet.copyOf(entities);
    long bits = 0;
    for (EntityType t : this.entities) {
      bits |= 1L << t.ordinal();
    }
    this.entityBits = bits;
    List<Detector> enabled = new ArrayList<>();
    for (Detector d : detectors) {
      for (EntityType t : d.entities()) {
        if (this.entities.contains(t)) {
          enabled.add(d);
          break;
        }
      }
    }
    int m = enabled.size();
    this.detectorArray = enabled.toArray(new Detector[0]);
    this.triggers = new int[m];
    this.names = new String[m];
    for (int k = 0; k < m; k++) {
      // both are constants of a detector (see Detector): asked once, not per text
      triggers[k] = detectorArray[k].triggerFlags();
      names[k] = detectorArray[k].name();
    }
    this.minScore = minScore;
    this.region = region;
  }

  /**
   * Per-thread state of one analysis, fetched once per call: the normalizer's buffers, the previous
   * text's index (whose arrays the next text's index takes over) and the context-word vocabulary
   * cache. Detectors only see an index during their {@code detect} call, and an analysis never
   * nests on one thread, so the previous index and the buffers are dead when the next text starts.
   */
  static final class PerThread {
    final TextNormalizer.Scratch scratch = new TextNormalizer.Scratch();
    final Context ctx = new Context(new Context.VocabCache());
    TextIndex lastIndex;
  }

  private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);

  /** Indexes above this many tokens are not kept per thread (bounded memory per thread). */
  private static final int MAX_RECYCLED_TOKENS = 1 << 18;

  public List<PiiFinding> analyze(String original) {
    if (original.isEmpty()) {
      return List.of();
    }
    PerThread pt = PER_THREAD.get();
    NormalizedText nt = TextNormalizer.normalize(original, pt.scratch);
    String text = nt.text();
    // the normalizer's buffer holds the normalized chars: the index reads it without a copy
    TextIndex index = TextIndex.of(text, pt.scratch.text(), pt.lastIndex);
    pt.lastIndex = index.capacity() <= MAX_RECYCLED_TOKENS ? index : null;
    Context ctx = pt.ctx;
    ctx.reset(text, index, region);
    ctx.normalized = nt; // originalChar: a detector's look at the source at a candidate
    try {
      return detectAndResolve(nt, ctx, index.textFlags());
    } finally {
      ctx.clear();
    }
  }

  private List<PiiFinding> detectAndResolve(NormalizedText nt, Context ctx, int present) {
    Detector[] ds = detectorArray;
    for (int k = 0; k < ds.length; k++) {
      int trig = triggers[k];
      if (trig != 0 && (present & trig) == 0) {
        continue;
      }
      ctx.current = k;
      try {
        ds[k].detect(ctx);
      } catch (RuntimeException | StackOverflowError e) {
        throw new DetectionException(names[k], e);
      }
    }
    int total = ctx.size;
    if (total == 0) {
      return List.of();
    }
    Candidate[] all = ctx.candidates;
    int[] by = ctx.owners;
    // keep the enabled types above the minimum score; key = start << 32 | candidate number
    ctx.ensureWork(total);
    long[] keys = ctx.keys;
    int kept = 0;
    for (int i = 0; i < total; i++) {
      Candidate c = all[i];
      if ((entityBits >>> c.type().ordinal() & 1) != 0 && c.score() >= minScore) {
        keys[kept++] = (long) c.start() << 32 | i;
      }
    }
    if (kept == 0) {
      return List.of();
    }
    // common case: no two candidates overlap, so every one wins as is (same result as resolve)
    Arrays.sort(keys, 0, kept);
    Candidate[] cs = ctx.winners;
    String[] owners = ctx.winnerOwners;
    int[] starts = ctx.starts;
    int[] ends = ctx.ends;
    boolean disjoint = true;
    for (int k = 0; k < kept; k++) {
      int i = (int) keys[k];
      Candidate c = all[i];
      cs[k] = c;
      owners[k] = names[by[i]];
      starts[k] = c.start();
      ends[k] = c.end();
      if (k > 0 && (c.start() < ends[k - 1] || c.start() == starts[k - 1])) {
        disjoint = false;
        break;
      }
    }
    if (!disjoint) {
      kept = resolveGroups(all, by, names, keys, kept, cs, owners, starts, ends);
    }
    return toFindings(nt, cs, owners, starts, ends, kept, findings);
  }

  /**
   * Overlap resolution of the candidates {@code all[(int) keys[k]]}, {@code k < kept}, with {@code
   * keys} sorted by start then candidate number: writes the winners sorted by start into {@code
   * cs}, {@code owners}, {@code starts} and {@code ends}; returns their number. The same result as
   * {@link #resolve} of all of them, group by group: a group is a maximal run (by start) of
   * candidates each overlapping some earlier one of the run, i.e. a connected part of the overlap
   * relation. {@link #resolve} only ever compares or merges overlapping spans, and a widened winner
   * stays inside its group's union, so groups cannot affect each other; and a group's candidates
   * are in the order {@link #resolve}'s stable sort by start gives them. A lone candidate (most of
   * them, also in texts with overlaps) wins as it is, without the sorts and the tree of the general
   * path.
   */
  static int resolveGroups(
      Candidate[] all,
      int[] by,
      String[] names,
      long[] keys,
      int kept,
      Candidate[] cs,
      String[] owners,
      int[] starts,
      int[] ends) {
    int out = 0;
    int k = 0;
    while (k < kept) {
      Candidate c = all[(int) keys[k]];
      int groupEnd = c.end();
      int j = k + 1;
      while (j < kept) {
        Candidate d = all[(int) keys[j]];
        if (d.start() >= groupEnd) {
          break;
        }
        groupEnd = Math.max(groupEnd, d.end());
        j++;
      }
      if (j == k + 1) {
        cs[out] = c;
        owners[out] = names[by[(int) keys[k]]];
        starts[out] = c.start();
        ends[out] = c.end();
        out++;
      } else {
        List<Owned> group = new ArrayList<>(j - k);
        for (int m = k; m < j; m++) {
          int i = (int) keys[m];
          group.add(new Owned(all[i], names[by[i]]));
        }
        for (Resolved r : resolve(group)) {
          cs[out] = r.c;
          owners[out] = r.detector;
          starts[out] = r.start;
          ends[out] = r.end;
          out++;
        }
      }
      k = j;
    }
    return out;
  }

  /** A candidate and the name of the detector that reported it. */
  record Owned(Candidate c, String detector) {}

  /** A winning candidate, possibly widened by overlapping losers. */
  static final class Resolved {
    final Candidate c;
    final String detector;
    int start;
    int end;

    Resolved(Owned o) {
      this.c = o.c();
      this.detector = o.detector();
      this.start = c.start();
      this.end = c.end();
    }
  }

  /**
   * Best first: higher score, then longer, then higher {@link EntityType#priority()}, then earlier.
   * Written out (no comparator chain) as it runs O(n log n) times per text.
   */
  private static final Comparator<Candidate> BEST_FIRST = Engine::compareBestFirst;

  static int compareBestFirst(Candidate a, Candidate b) {
    int r = Double.compare(b.score(), a.score());
    if (r != 0) {
      return r;
    }
    r = Integer.compare(b.length(), a.length());
    if (r != 0) {
      return r;
    }
    r = Integer.compare(-a.type().priority(), -b.type().priority());
    if (r != 0) {
      return r;
    }
    return Integer.compare(a.start(), b.start());
  }

  private static int byStart(Owned a, Owned b) {
    return Integer.compare(a.c().start(), b.c().start());
  }

  static List<Resolved> resolve(List<Owned> candidates) {
    if (candidates.size() == 1) {
      List<Resolved> one = new ArrayList<>(1);
      one.add(new Resolved(candidates.get(0)));
      return one;
    }
    List<Owned> sorted = new ArrayList<>(candidates);
    // common case: no two candidates overlap, so every one wins as is (same result as below)
    sorted.sort(Engine::byStart);
    boolean disjoint = true;
    for (int i = 1; i < sorted.size(); i++) {
      Candidate p = sorted.get(i - 1).c();
      Candidate c = sorted.get(i).c();
      if (c.start() < p.end() || c.start() == p.start()) {
        disjoint = false;
        break;
      }
    }
    if (disjoint) {
      List<Resolved> all = new ArrayList<>(sorted.size());
      for (Owned o : sorted) {
        all.add(new Resolved(o));
      }
      return all;
    }
    sorted.sort((a, b) -> BEST_FIRST.compare(a.c(), b.c()));
    // winners stay disjoint, keyed by start: an overlap test is one floor lookup, so resolution
    // is O(n log n) even on text dense with findings
    TreeMap<Integer, Resolved> winners = new TreeMap<>();
    for (Owned o : sorted) {
      Candidate c = o.c();
      Map.Entry<Integer, Resolved> f = winners.lowerEntry(c.end());
      if (f == null || f.getValue().end <= c.start()) {
        Resolved r = new Resolved(o);
        winners.put(r.start, r);
        continue;
      }
      // widen the winner so no part of the loser stays unredacted, absorbing any winner the
      // widened span now touches (the best of them keeps the label)
      Resolved keep = f.getValue();
      winners.remove(keep.start);
      int ns = Math.min(keep.start, c.start());
      int ne = Math.max(keep.end, c.end());
      while (true) {
        Map.Entry<Integer, Resolved> g = winners.lowerEntry(ne);
        if (g == null || g.getValue().end <= ns) {
          break;
        }
        Resolved other = g.getValue();
        winners.remove(g.getKey());
        if (BEST_FIRST.compare(other.c, keep.c) < 0) {
          keep = other;
        }
        ns = Math.min(ns, other.start);
        ne = Math.max(ne, other.end);
      }
      keep.start = ns;
      keep.end = ne;
      winners.put(ns, keep);
    }
    return new ArrayList<>(winners.values());
  }

  /**
   * Maps the winners (sorted by start, disjoint) to findings in original code points. Design note:
   * per finding one {@link PiiFinding} and one {@link Explanation}; the normalization list and the
   * form string are built only when the span covers a normalized char.
   */
  private static List<PiiFinding> toFindings(
      NormalizedText nt,
      Candidate[] cs,
      String[] owners,
      int[] starts,
      int[] ends,
      int count,
      FindingFactory findings) {
    String original = nt.original();
    // the normalizer saw every char: no second scan for surrogates
    boolean bmpOnly = !nt.hasSurrogates();
    PiiFinding[] out = new PiiFinding[count];
    int[] span = new int[3];
    int cursor = -1;
    int cpCursorChar = 0;
    int cpCursor = 0;
    for (int k = 0; k < count; k++) {
      Candidate c = cs[k];
      cursor = nt.mapSpan(starts[k], ends[k], cursor, span);
      int cs0 = span[0];
      int ce = span[1];
      int marks = span[2];
      List<String> norms = marks == 0 ? List.of() : normalizations(marks);
      String form = c.form();
      if (marks != 0) {
        form = ("standard".equals(form) ? "" : form + "+") + String.join("+", norms);
      }
      int start;
      int end;
      if (bmpOnly) {
        start = cs0;
        end = ce;
      } else {
        // resolved spans are sorted and disjoint: walk forward once
        cpCursor += original.codePointCount(cpCursorChar, cs0);
        cpCursorChar = cs0;
        start = cpCursor;
        end = start + original.codePointCount(cs0, ce);
      }
      out[k] = findings.make(start, end, cs0, ce, round(c.score()), owners[k], form, c, norms);
    }
    return List.of(out);
  }

  /** The names of the normalizations in {@code marks}, in a fixed order. */
  private static List<String> normalizations(int marks) {
    List<String> norms = new ArrayList<>(4);
    if ((marks & NormalizedText.FOLDED) != 0) {
      norms.add("fullwidth");
    }
    if ((marks & NormalizedText.INVISIBLE) != 0) {
      norms.add("invisible");
    }
    if ((marks & NormalizedText.ENTITY) != 0) {
      norms.add("html-entity");
    }
    if ((marks & NormalizedText.PERCENT) != 0) {
      norms.add("percent");
    }
    if ((marks & NormalizedText.ESCAPE) != 0) {
      norms.add("json-escape");
    }
    if ((marks & NormalizedText.TAG) != 0) {
      norms.add("html-tag");
    }
    if ((marks & NormalizedText.MARKDOWN) != 0) {
      norms.add("markdown-escape");
    }
    if ((marks & NormalizedText.EMPHASIS) != 0) {
      norms.add("markdown-emphasis");
    }
    return List.copyOf(norms);
  }

  static double round(double s) {
    return Math.round(s * 1000) / 1000.0;
  }
}
