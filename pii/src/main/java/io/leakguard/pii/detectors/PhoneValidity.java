package io.leakguard.pii.detectors;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * {@code PhoneNumberUtil.isValidNumber} for a number given as (country calling code, national
 * number without leading zeros), answering exactly as libphonenumber does, from libphonenumber's
 * own metadata, but several times cheaper.
 *
 * <p>Example: {@code isValid(1, 4255550143L)} is {@code UTIL.isValidNumber(+1 4255550143)}.
 *
 * <p>Design note (maintainers): {@code isValidNumber} was the largest single cost of the engine. It
 * resolves the region of the number (for a calling code shared by several regions: the first region
 * whose leading-digits pattern matches, or whose number types accept the number), then classifies
 * the number again for that region, trying up to ten type patterns one after the other; its
 * patterns go through a {@code RegexCache} of 100 entries, far fewer than the patterns of the
 * regions in a multilingual support queue, so most calls recompiled regular expressions. Here:
 *
 * <ul>
 *   <li>the same decision procedure (see {@link #typeValid}: valid means the general pattern and at
 *       least one type pattern match, with each pattern's possible lengths checked first; the
 *       mobile pattern only when it differs from the fixed-line one), evaluated once per region and
 *       stopping at the first matching type, fixed line and mobile first;
 *   <li>every pattern compiled once for the life of the process (bounded by the metadata: about 250
 *       regions), per calling code on first use;
 *   <li>a bounded memo of (calling code, national number) → valid in front of it (a lock-free table
 *       of {@link #MEMO_SIZE} longs, each holding key and answer: a torn or lost entry only costs a
 *       recomputation), since a support thread repeats its numbers (signatures, quotes).
 * </ul>
 *
 * <p>The inputs are tiny (at most 17 digits), so matching the metadata's regular expressions stays
 * bounded. {@code PhoneValidityTest} compares this class with {@code isValidNumber} on numbers of
 * every calling code.
 *
 * <p>Known limits: numbers with an Italian leading zero are not handled here (callers use {@code
 * isValidNumber} for them); national numbers of more than 15 digits bypass the memo.
 */
final class PhoneValidity {
  private PhoneValidity() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String NON_GEO = "001";

  /** Entries of the memo (a power of two). */
  static final int MEMO_SIZE = 1 << 14;

  private static final long POW15 = 1_000_000_000_000_000L;
  private static final long PRESENT = 1L << 62;
  private static final AtomicLongArray MEMO = new AtomicLongArray(MEMO_SIZE);

  /** Compiled metadata per calling code (index = code), built on first use. */
  private static final AtomicReferenceArray<CallingCode> CODES = new AtomicReferenceArray<>(1000);

  /** Calling codes known to libphonenumber, index = code (codes have at most three digits). */
  private static final boolean[] KNOWN = new boolean[1000];

  static {
    for (int cc : UTIL.getSupportedCallingCodes()) {
      if (cc > 0 && cc < KNOWN.length) {
        KNOWN[cc] = true;
      }
    }
  }

  /**
   * True when {@code cc} is a country calling code (same as {@code getRegionCodeForCountryCode(cc)}
   * not being {@code ZZ}).
   */
  static boolean knownCallingCode(int cc) {
    return cc > 0 && cc < KNOWN.length && KNOWN[cc];
  }

  /**
   * Same as {@code PhoneNumberUtil.isValidNumber} for a number with country code {@code cc} and
   * national number {@code nationalNumber} (no Italian leading zero, no raw input).
   */
  static boolean isValid(int cc, long nationalNumber) {
    if (cc <= 0 || cc > 999 || nationalNumber < 0) {
      return compute(cc, nationalNumber);
    }
    if (nationalNumber >= POW15) {
      return compute(cc, nationalNumber);
    }
    long key = cc * POW15 + nationalNumber; // < 10^18 < 2^60
    int slot = slot(key);
    long e = MEMO.getOpaque(slot);
    if ((e & PRESENT) != 0 && ((e & ~PRESENT) >>> 1) == key) {
      return (e & 1) != 0;
    }
    boolean valid = compute(cc, nationalNumber);
    MEMO.setOpaque(slot, PRESENT | key << 1 | (valid ? 1 : 0));
    return valid;
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 50) & (MEMO_SIZE - 1);
  }

  /** The decision of {@code isValidNumber}, without the memo. */
  static boolean compute(int cc, long nationalNumber) {
    if (cc <= 0 || cc >= 1000) {
      return false; // not a calling code: getRegionCodeForNumber finds no region
    }
    CallingCode code = code(cc);
    if (code.regions.length == 0) {
      return false;
    }
    String nsn = Long.toString(nationalNumber);
    if (code.regions.length == 1) {
      return code.regions[0].typeValid(nsn);
    }
    for (Region r : code.regions) {
      if (r.leadingDigits != null) {
        if (r.leadingDigits.matcher(nsn).lookingAt()) {
          return r.typeValid(nsn);
        }
      } else if (r.typeValid(nsn)) {
        return true;
      }
    }
    return false;
  }

  /** The compiled regions of calling code {@code cc} (1 to 999), built on first use. */
  private static CallingCode code(int cc) {
    CallingCode code = CODES.get(cc);
    if (code == null) {
      code = load(cc); // idempotent: two threads may both build it, one wins
      CODES.set(cc, code);
    }
    return code;
  }

  /**
   * The union of the general descriptions' possible lengths over the regions of calling code {@code
   * cc} (1 to 999): bit {@code l} set when a national significant number of length {@code l} may be
   * valid; -1 when a region lists no lengths (any length may be).
   */
  static long generalLengths(int cc) {
    long m = 0;
    for (Region r : code(cc).regions) {
      m |= r.general.lengths;
    }
    return m;
  }

  /**
   * False when no region of calling code {@code cc} (1 to 999) has a general description that
   * {@code nsn} matches ({@code isNumberMatchingDesc(nsn, generalDesc)}): then {@code
   * isValidNumber} is false for the national significant number {@code nsn} (with any leading
   * zeros), whichever region of the code it is read in.
   */
  static boolean generalMatches(int cc, String nsn) {
    for (Region r : code(cc).regions) {
      if (r.general.matches(nsn)) {
        return true;
      }
    }
    return false;
  }

  private static CallingCode load(int cc) {
    List<String> ids = UTIL.getRegionCodesForCountryCode(cc);
    MetadataSource source =
        DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    Region[] regions = new Region[ids.size()];
    for (int i = 0; i < regions.length; i++) {
      String id = ids.get(i);
      PhoneMetadata md =
          NON_GEO.equals(id)
              ? source.getMetadataForNonGeographicalRegion(cc)
              : source.getMetadataForRegion(id);
      if (md == null || (!NON_GEO.equals(id) && md.getCountryCode() != cc)) {
        // isValidNumberForRegion: no metadata, or a region of another calling code → invalid
        regions[i] = Region.NEVER;
      } else {
        regions[i] = new Region(md);
      }
    }
    return new CallingCode(regions);
  }

  /** The regions of one calling code, in libphonenumber's order. */
  private static final class CallingCode {
    final Region[] regions;

    CallingCode(Region[] regions) {
      this.regions = regions;
    }
  }

  /** One region's compiled patterns. */
  private static final class Region {
    static final Region NEVER = new Region();

    /** Null when the region has no leading-digits pattern. */
    final Pattern leadingDigits;

    final Desc general;

    /** The number types tried, cheapest-to-hit first; any match makes the number valid. */
    final Desc[] types;

    private Region() {
      leadingDigits = null;
      general = Desc.NEVER;
      types = new Desc[0];
    }

    Region(PhoneMetadata md) {
      leadingDigits = md.hasLeadingDigits() ? Pattern.compile(md.getLeadingDigits()) : null;
      general = new Desc(md.getGeneralDesc());
      Desc fixed = new Desc(md.getFixedLine());
      // getNumberTypeHelper: the mobile pattern is tried only when it differs from fixed line
      Desc mobile = md.getSameMobileAndFixedLinePattern() ? Desc.NEVER : new Desc(md.getMobile());
      types =
          new Desc[] {
            fixed,
            mobile,
            new Desc(md.getTollFree()),
            new Desc(md.getPremiumRate()),
            new Desc(md.getSharedCost()),
            new Desc(md.getVoip()),
            new Desc(md.getPersonalNumber()),
            new Desc(md.getPager()),
            new Desc(md.getUan()),
            new Desc(md.getVoicemail())
          };
    }

    /** {@code getNumberTypeHelper(nsn, metadata) != UNKNOWN}. */
    boolean typeValid(String nsn) {
      if (!general.matches(nsn)) {
        return false;
      }
      for (Desc d : types) {
        if (d.matches(nsn)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code isNumberMatchingDesc}: possible lengths, then a full match of the pattern. */
  private static final class Desc {
    static final Desc NEVER = new Desc();

    /** Bit l set when length l is possible; -1 when the metadata lists no lengths (any). */
    final long lengths;

    /** Null when the pattern is empty (never matches). */
    final Pattern pattern;

    private Desc() {
      lengths = 0;
      pattern = null;
    }

    Desc(PhoneNumberDesc d) {
      List<Integer> list = d.getPossibleLengthList();
      long mask = 0;
      if (list.isEmpty()) {
        mask = -1;
      } else {
        for (int l : list) {
          if (l >= 0 && l < 64) {
            mask |= 1L << l;
          }
        }
      }
      lengths = mask;
      String p = d.getNationalNumberPattern();
      pattern = p.isEmpty() ? null : Pattern.compile(p);
    }

    boolean matches(String nsn) {
      int l = nsn.length();
      if (pattern == null || l >= 64 || (lengths & (1L << l)) == 0) {
        return false;
      }
      return pattern.matcher(nsn).matches();
    }
  }
}
