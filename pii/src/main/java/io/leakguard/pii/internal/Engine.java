package io.leakguard.pii.internal;

import io.leakguard.pii.DetectionException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.Explanation;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
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
  private final List<Detector> detectors;
  private final Set<EntityType> entities;
  private final double minScore;
  private final String region;

  public Engine(
      List<Detector> detectors, Set<EntityType> entities, double minScore, String region) {
    this.entities = EnumSet.copyOf(entities);
    List<Detector> enabled = new ArrayList<>();
    for (Detector d : detectors) {
      for (EntityType t : d.entities()) {
        if (this.entities.contains(t)) {
          enabled.add(d);
          break;
        }
      }
    }
    this.detectors = List.copyOf(enabled);
    this.minScore = minScore;
    this.region = region;
  }

  /**
   * The previous text's index on this thread, whose arrays the next text's index takes over.
   * Detectors only see an index during their {@code detect} call, and an analysis never nests on
   * one thread, so the previous index is dead when the next one is built.
   */
  private static final ThreadLocal<TextIndex> LAST_INDEX = new ThreadLocal<>();

  /** Indexes above this many tokens are not kept per thread (bounded memory per thread). */
  private static final int MAX_RECYCLED_TOKENS = 1 << 18;

  public List<PiiFinding> analyze(String original) {
    if (original.isEmpty()) {
      return List.of();
    }
    NormalizedText nt = TextNormalizer.normalize(original);
    String text = nt.text();
    TextIndex index = TextIndex.of(text, LAST_INDEX.get());
    if (index.capacity() <= MAX_RECYCLED_TOKENS) {
      LAST_INDEX.set(index);
    }
    Context ctx = new Context(text, index, region);
    int present = index.textFlags();
    for (Detector d : detectors) {
      int trig = d.triggerFlags();
      if (trig != 0 && (present & trig) == 0) {
        continue;
      }
      ctx.current = d.name();
      try {
        d.detect(ctx);
      } catch (RuntimeException | StackOverflowError e) {
        throw new DetectionException(d.name(), e);
      }
    }
    List<Owned> kept = new ArrayList<>(ctx.candidates.size());
    for (int i = 0; i < ctx.candidates.size(); i++) {
      Candidate c = ctx.candidates.get(i);
      if (entities.contains(c.type()) && c.score() >= minScore) {
        kept.add(new Owned(c, ctx.owners.get(i)));
      }
    }
    if (kept.isEmpty()) {
      return List.of();
    }
    return toFindings(nt, resolve(kept));
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

  private static List<PiiFinding> toFindings(NormalizedText nt, List<Resolved> resolved) {
    String original = nt.original();
    // the normalizer saw every char: no second scan for surrogates
    boolean bmpOnly = !nt.hasSurrogates();
    List<PiiFinding> out = new ArrayList<>(resolved.size());
    int cpCursorChar = 0;
    int cpCursor = 0;
    for (Resolved r : resolved) {
      Candidate c = r.c;
      int cs = nt.originalStart(r.start);
      int ce = nt.originalEnd(r.end - 1);
      int marks = nt.marks(r.start, r.end);
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
      String form = c.form();
      if (!norms.isEmpty()) {
        form = ("standard".equals(form) ? "" : form + "+") + String.join("+", norms);
      }
      int start;
      int end;
      if (bmpOnly) {
        start = cs;
        end = ce;
      } else {
        // resolved spans are sorted and disjoint: walk forward once
        cpCursor += original.codePointCount(cpCursorChar, cs);
        cpCursorChar = cs;
        start = cpCursor;
        end = start + original.codePointCount(cs, ce);
      }
      out.add(
          new PiiFinding(
              c.type(),
              start,
              end,
              cs,
              ce,
              round(c.score()),
              r.detector,
              form,
              c.canonical(),
              new Explanation(
                  c.pattern(), c.validation(), round(c.baseScore()), c.contextWords(), norms)));
    }
    return out;
  }

  static double round(double s) {
    return Math.round(s * 1000) / 1000.0;
  }
}
