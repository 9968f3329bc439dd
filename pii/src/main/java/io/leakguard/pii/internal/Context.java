package io.leakguard.pii.internal;

import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The per-text {@link DetectionContext}: collects candidates of all detectors. */
final class Context implements DetectionContext {
  private final String text;
  private final TextIndex tokens;
  private final String region;
  final List<Candidate> candidates = new ArrayList<>();
  final List<String> owners = new ArrayList<>();
  String current = "";

  Context(String text, TextIndex tokens, String region) {
    this.text = text;
    this.tokens = tokens;
    this.region = region;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public TextIndex tokens() {
    return tokens;
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public void report(Candidate candidate) {
    if (candidate.end() > text.length()) {
      throw new IllegalArgumentException(
          "candidate span " + candidate.start() + ".." + candidate.end() + " beyond text");
    }
    candidates.add(candidate);
    owners.add(current);
  }

  @Override
  public List<String> contextWords(int start, int end, int window, Set<String> vocabulary) {
    List<String> found = new ArrayList<>(2);
    scan(Math.max(0, start - window), start, vocabulary, found);
    scan(end, Math.min(text.length(), end + window), vocabulary, found);
    return found;
  }

  private void scan(int from, int to, Set<String> vocabulary, List<String> found) {
    if (from >= to) {
      return;
    }
    String prev = null;
    int i = from;
    // do not start in the middle of a word
    if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
      while (i < to && Character.isLetter(text.charAt(i))) {
        i++;
      }
    }
    while (i < to) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        if (c != ' ' && c != '-' && c != '_') {
          prev = null;
        }
        i++;
        continue;
      }
      int s = i;
      while (i < to && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i == to && to < text.length() && Character.isLetter(text.charAt(to))) {
        break; // word cut by the window
      }
      String w = text.substring(s, i).toLowerCase(Locale.ROOT);
      if (vocabulary.contains(w) && !found.contains(w)) {
        found.add(w);
      }
      if (prev != null) {
        String bi = prev + " " + w;
        if (vocabulary.contains(bi) && !found.contains(bi)) {
          found.add(bi);
        }
      }
      prev = w;
    }
  }
}
