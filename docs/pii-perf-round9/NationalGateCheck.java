package io.leakguard.pii.detectors;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.*;

/**
 * Round 9: PhoneDetector.nationalGate against libphonenumber's parse, the whole cross product
 * (every region's example numbers of every type, as nsn / 0+nsn / 0+cc+nsn and changed by one
 * digit, in every national-path region) plus random digits of the national path's shapes.
 * Prints violations (gate closed on a valid number: must be 0) and how often the gate closes.
 * usage: java -cp <pii classes>:<bench jar>:. io.leakguard.pii.detectors.NationalGateCheck [random per region=20000] [seed=1]
 */
public class NationalGateCheck {
  public static void main(String[] a) {
    PhoneNumberUtil u = PhoneNumberUtil.getInstance();
    int perRegion = a.length > 0 ? Integer.parseInt(a[0]) : 20000;
    long seed = a.length > 1 ? Long.parseLong(a[1]) : 1;
    Set<String> rs = new LinkedHashSet<>(PhoneDetector.TRUNK_ZERO_REGIONS);
    rs.addAll(PhoneDetector.PAREN_AREA_REGIONS);
    List<String> inputs = new ArrayList<>();
    for (String from : u.getSupportedRegions()) {
      for (PhoneNumberType t : PhoneNumberType.values()) {
        PhoneNumber pn = u.getExampleNumberForType(from, t);
        if (pn == null) continue;
        String nsn = u.getNationalSignificantNumber(pn);
        for (String d : List.of(nsn, "0" + nsn, "0" + pn.getCountryCode() + nsn)) {
          if (d.length() < 2 || d.length() > 17) continue;
          inputs.add(d);
          for (int i = 0; i < d.length(); i++) {
            inputs.add(d.substring(0, i) + (char) ('0' + (d.charAt(i) - '0' + 1) % 10) + d.substring(i + 1));
          }
        }
      }
    }
    long checked = 0, closed = 0, valid = 0, bad = 0;
    for (String r : rs) for (String d : inputs) {
      boolean v = PhoneDetector.parsesValid(d, r), g = gate(d, r);
      checked++; closed += g ? 0 : 1; valid += v ? 1 : 0;
      if (v && !g) { bad++; System.out.println("VIOLATION example " + d + " in " + r); }
    }
    System.out.printf("examples: %d checks, %d valid, gate closed on %d, violations %d%n", checked, valid, closed, bad);
    SplittableRandom rnd = new SplittableRandom(seed);
    checked = closed = valid = bad = 0;
    for (String r : rs) for (int n = 0; n < perRegion; n++) {
      int shape = n % 3;
      int len = shape == 2 ? 4 + rnd.nextInt(14) : 9 + rnd.nextInt(4);
      StringBuilder sb = new StringBuilder();
      if (shape == 0) { sb.append('0').append((char) ('1' + rnd.nextInt(9))); }
      else if (shape == 1) { sb.append((char) ('1' + rnd.nextInt(9))).append((char) ('1' + rnd.nextInt(9))); }
      while (sb.length() < len) sb.append((char) ('0' + rnd.nextInt(10)));
      String d = sb.toString();
      boolean v = PhoneDetector.parsesValid(d, r), g = gate(d, r);
      checked++; closed += g ? 0 : 1; valid += v ? 1 : 0;
      if (v && !g) { bad++; System.out.println("VIOLATION random " + d + " in " + r); }
    }
    System.out.printf("random: %d checks, %d valid, gate closed on %d, violations %d%n", checked, valid, closed, bad);
  }

  static boolean gate(String s, String r) {
    byte[] d = new byte[s.length()];
    for (int i = 0; i < d.length; i++) d[i] = (byte) (s.charAt(i) - '0');
    return PhoneDetector.nationalGate(d, 0, d.length, r);
  }
}
