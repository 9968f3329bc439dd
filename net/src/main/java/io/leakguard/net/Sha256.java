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
 * schedule is a 16-word ring in one reused array; no allocation per id but the result string.
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
  private final int[] w = new int[16];
  private int fill;
  private long length;

  Sha256() {
    reset();
  }

  /** The state after some bytes: restore it with {@link #reset(Mark)}. Immutable. */
  static final class Mark {
    private final int[] h;
    private final byte[] block;
    private final int fill;
    private final long length;

    private Mark(int[] h, byte[] block, int fill, long length) {
      this.h = h;
      this.block = block;
      this.fill = fill;
      this.length = length;
    }
  }

  /** Back to the empty message. */
  void reset() {
    System.arraycopy(IV, 0, h, 0, 8);
    fill = 0;
    length = 0;
  }

  Mark mark() {
    return new Mark(h.clone(), java.util.Arrays.copyOf(block, fill), fill, length);
  }

  void reset(Mark m) {
    System.arraycopy(m.h, 0, h, 0, 8);
    System.arraycopy(m.block, 0, block, 0, m.fill);
    fill = m.fill;
    length = m.length;
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
        compress();
        fill = 0;
      }
    }
  }

  void update(byte[] b) {
    for (byte x : b) {
      block[fill++] = x;
      if (fill == 64) {
        compress();
        fill = 0;
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

  private void compress() {
    int[] w = this.w;
    byte[] b = block;
    for (int i = 0; i < 16; i++) {
      int j = i * 4;
      w[i] =
          (b[j] << 24) | ((b[j + 1] & 0xff) << 16) | ((b[j + 2] & 0xff) << 8) | (b[j + 3] & 0xff);
    }
    int a = h[0];
    int bb = h[1];
    int c = h[2];
    int d = h[3];
    int e = h[4];
    int f = h[5];
    int g = h[6];
    int hh = h[7];
    for (int t = 0; t < 64; t++) {
      int wt;
      if (t < 16) {
        wt = w[t];
      } else {
        int w15 = w[(t - 15) & 15];
        int w2 = w[(t - 2) & 15];
        int s0 = Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3);
        int s1 = Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ (w2 >>> 10);
        wt = w[t & 15] + s0 + w[(t - 7) & 15] + s1;
        w[t & 15] = wt;
      }
      int t1 =
          hh
              + (Integer.rotateRight(e, 6)
                  ^ Integer.rotateRight(e, 11)
                  ^ Integer.rotateRight(e, 25))
              + ((e & f) ^ (~e & g))
              + K[t]
              + wt;
      int t2 =
          (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
              + ((a & bb) ^ (a & c) ^ (bb & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = bb;
      bb = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}
