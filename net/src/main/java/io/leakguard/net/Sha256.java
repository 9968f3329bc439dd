package io.leakguard.net;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) for finding ids: the first 64 bits of the digest of a short message, as 16
 * lower-case hex digits, the same as {@code HexFormat.of().formatHex(MessageDigest
 * .getInstance("SHA-256").digest(bytes), 0, 8)}.
 *
 * <p>Why not {@link java.security.MessageDigest}: the one-shot net commands run C1 only, which has
 * no SHA intrinsic; the JDK's {@code SHA2.implCompress0} under C1, plus a {@code clone()} of the
 * digest (state, buffer and the 64-word schedule) per id, was ~10% of the CPU samples of a 1x audit
 * (277,827 ids). Here the state after a prefix shared by many ids (check, provider, target id,
 * direction) is kept as eight ints and a partial block, restored by two array copies, and the
 * 64-word schedule is one reused array; no allocation per id but the result string. The states
 * after the first two whole blocks of any message are also cached (see {@code CACHED_DEPTH}). The
 * compression itself is no faster than the JDK's under C1: the gain is in the blocks not compressed
 * and the allocations not made (docs/net-engine.md, round 7).
 *
 * <p>Example: {@code Sha256 s = new Sha256(); s.update("a|b|"); Sha256.Mark m = s.mark();
 * s.reset(m); s.update("tcp|22"); String id = s.hex16();}
 *
 * <p>Known limits: not thread-safe (one instance per thread); returns 64 bits only; messages
 * shorter than 2^61 bytes.
 */
final class Sha256 {
  private static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private static final HexFormat HEX = HexFormat.of();

  private final int[] h = new int[8];
  private final byte[] block = new byte[64];
  private final int[] w = new int[64];
  private int fill;
  private long length;

  /**
   * States after the first {@link #CACHED_DEPTH} whole blocks of messages, keyed by the blocks: ids
   * of one check share their first blocks ({@code check|provider|/subscriptions/<guid>/
   * resourcegroups/<rg>/providers/microsoft.network/...}), so most of a new prefix is two array
   * copies instead of two compressions. The third block holds the resource name, unique per target
   * or rule, so deeper blocks are not kept.
   */
  private static final int CACHED_DEPTH = 2;

  private static final int MAX_CACHED = 4096;
  private final Node root = new Node(IV);
  private int cached;

  /** The node of the whole blocks absorbed so far, or null once past the cached depth. */
  private Node at;

  private int depth;

  private static final class Node {
    final int[] h;
    final java.util.HashMap<String, Node> next = new java.util.HashMap<>();

    Node(int[] h) {
      this.h = h;
    }
  }

  Sha256() {
    reset();
  }

  /** The state after some bytes: restore it with {@link #reset(Mark)}. Immutable. */
  static final class Mark {
    private final int[] h;
    private final byte[] block;
    private final int fill;
    private final long length;
    private final Node at;
    private final int depth;

    private Mark(int[] h, byte[] block, int fill, long length, Node at, int depth) {
      this.h = h;
      this.block = block;
      this.fill = fill;
      this.length = length;
      this.at = at;
      this.depth = depth;
    }
  }

  /** Back to the empty message. */
  void reset() {
    System.arraycopy(IV, 0, h, 0, 8);
    fill = 0;
    length = 0;
    at = root;
    depth = 0;
  }

  Mark mark() {
    return new Mark(h.clone(), java.util.Arrays.copyOf(block, fill), fill, length, at, depth);
  }

  void reset(Mark m) {
    System.arraycopy(m.h, 0, h, 0, 8);
    System.arraycopy(m.block, 0, block, 0, m.fill);
    fill = m.fill;
    length = m.length;
    at = m.at;
    depth = m.depth;
  }

  /** Appends the UTF-8 bytes of {@code s}. */
  void update(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        // not ASCII: the JDK's encoder (surrogates, replacement) from here on
        update(s.substring(i).getBytes(StandardCharsets.UTF_8));
        return;
      }
      block[fill++] = (byte) s.charAt(i);
      length++;
      if (fill == 64) {
        full();
      }
    }
  }

  void update(byte[] b) {
    for (byte x : b) {
      block[fill++] = x;
      if (fill == 64) {
        full();
      }
    }
    length += b.length;
  }

  /**
   * Finishes the digest and returns its first 8 bytes as 16 lower-case hex digits; the instance
   * must then be reset before reuse.
   */
  String hex16() {
    long bits = length * 8;
    block[fill++] = (byte) 0x80;
    if (fill > 56) {
      while (fill < 64) {
        block[fill++] = 0;
      }
      compress();
      fill = 0;
    }
    while (fill < 56) {
      block[fill++] = 0;
    }
    for (int i = 7; i >= 0; i--) {
      block[fill++] = (byte) (bits >>> (8 * i));
    }
    compress();
    fill = 0;
    return HEX.toHexDigits(((long) h[0] << 32) | (h[1] & 0xffffffffL));
  }

  /** A whole block of message bytes: from the cache when its state is known, else compressed. */
  private void full() {
    fill = 0;
    if (at == null || depth >= CACHED_DEPTH) {
      at = null;
      compress();
      return;
    }
    String key = new String(block, 0, 64, StandardCharsets.ISO_8859_1);
    Node n = at.next.get(key);
    if (n != null) {
      System.arraycopy(n.h, 0, h, 0, 8);
    } else {
      compress();
      if (cached >= MAX_CACHED) {
        root.next.clear();
        cached = 0;
      }
      n = new Node(h.clone());
      at.next.put(key, n);
      cached++;
    }
    at = n;
    depth++;
  }

  private void compress() {
    int[] w = this.w;
    byte[] m = block;
    for (int i = 0; i < 16; i++) {
      int j = i * 4;
      w[i] =
          (m[j] << 24) | ((m[j + 1] & 0xff) << 16) | ((m[j + 2] & 0xff) << 8) | (m[j + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int w15 = w[t - 15];
      int w2 = w[t - 2];
      w[t] =
          w[t - 16]
              + ((w15 >>> 7 | w15 << 25) ^ (w15 >>> 18 | w15 << 14) ^ (w15 >>> 3))
              + w[t - 7]
              + ((w2 >>> 17 | w2 << 15) ^ (w2 >>> 19 | w2 << 13) ^ (w2 >>> 10));
    }
    int[] k = K;
    int a = h[0];
    int b = h[1];
    int c = h[2];
    int d = h[3];
    int e = h[4];
    int f = h[5];
    int g = h[6];
    int hh = h[7];
    // eight rounds per iteration with the roles of the variables rotated (no moves between rounds)
    for (int t = 0; t < 64; t += 8) {
      hh += (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      hh += ((e & f) ^ (~e & g)) + k[t + 0] + w[t + 0];
      d += hh;
      hh +=
          ((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10))
              + ((a & b) ^ (a & c) ^ (b & c));
      g += (d >>> 6 | d << 26) ^ (d >>> 11 | d << 21) ^ (d >>> 25 | d << 7);
      g += ((d & e) ^ (~d & f)) + k[t + 1] + w[t + 1];
      c += g;
      g +=
          ((hh >>> 2 | hh << 30) ^ (hh >>> 13 | hh << 19) ^ (hh >>> 22 | hh << 10))
              + ((hh & a) ^ (hh & b) ^ (a & b));
      f += (c >>> 6 | c << 26) ^ (c >>> 11 | c << 21) ^ (c >>> 25 | c << 7);
      f += ((c & d) ^ (~c & e)) + k[t + 2] + w[t + 2];
      b += f;
      f +=
          ((g >>> 2 | g << 30) ^ (g >>> 13 | g << 19) ^ (g >>> 22 | g << 10))
              + ((g & hh) ^ (g & a) ^ (hh & a));
      e += (b >>> 6 | b << 26) ^ (b >>> 11 | b << 21) ^ (b >>> 25 | b << 7);
      e += ((b & c) ^ (~b & d)) + k[t + 3] + w[t + 3];
      a += e;
      e +=
          ((f >>> 2 | f << 30) ^ (f >>> 13 | f << 19) ^ (f >>> 22 | f << 10))
              + ((f & g) ^ (f & hh) ^ (g & hh));
      d += (a >>> 6 | a << 26) ^ (a >>> 11 | a << 21) ^ (a >>> 25 | a << 7);
      d += ((a & b) ^ (~a & c)) + k[t + 4] + w[t + 4];
      hh += d;
      d +=
          ((e >>> 2 | e << 30) ^ (e >>> 13 | e << 19) ^ (e >>> 22 | e << 10))
              + ((e & f) ^ (e & g) ^ (f & g));
      c += (hh >>> 6 | hh << 26) ^ (hh >>> 11 | hh << 21) ^ (hh >>> 25 | hh << 7);
      c += ((hh & a) ^ (~hh & b)) + k[t + 5] + w[t + 5];
      g += c;
      c +=
          ((d >>> 2 | d << 30) ^ (d >>> 13 | d << 19) ^ (d >>> 22 | d << 10))
              + ((d & e) ^ (d & f) ^ (e & f));
      b += (g >>> 6 | g << 26) ^ (g >>> 11 | g << 21) ^ (g >>> 25 | g << 7);
      b += ((g & hh) ^ (~g & a)) + k[t + 6] + w[t + 6];
      f += b;
      b +=
          ((c >>> 2 | c << 30) ^ (c >>> 13 | c << 19) ^ (c >>> 22 | c << 10))
              + ((c & d) ^ (c & e) ^ (d & e));
      a += (f >>> 6 | f << 26) ^ (f >>> 11 | f << 21) ^ (f >>> 25 | f << 7);
      a += ((f & g) ^ (~f & hh)) + k[t + 7] + w[t + 7];
      e += a;
      a +=
          ((b >>> 2 | b << 30) ^ (b >>> 13 | b << 19) ^ (b >>> 22 | b << 10))
              + ((b & c) ^ (b & d) ^ (c & d));
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}
