package io.leakguard.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An exposure window {@code FROM..TO} (DESIGN §5): ISO-8601 dates or timestamps, UTC unless an
 * offset is given. Both ends are inclusive. A date alone means the whole day: as {@code FROM} its
 * first instant, as {@code TO} its last ({@code 2019-12-05..2019-12-31} includes the 31st).
 *
 * @param from first instant of the window
 * @param to last instant of the window (inclusive)
 */
public record TimeWindow(Instant from, Instant to) {
  public TimeWindow {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
    }
  }

  /**
   * Parses {@code FROM..TO}.
   *
   * @throws IllegalArgumentException quoting the bad part and the expected forms
   */
  public static TimeWindow parse(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      throw new IllegalArgumentException(
          "bad window '" + text + "': expected FROM..TO, e.g. 2019-12-05..2019-12-31");
    }
    Instant from = parseEnd(text.substring(0, dots).trim(), false);
    Instant to = parseEnd(text.substring(dots + 2).trim(), true);
    return new TimeWindow(from, to);
  }

  private static Instant parseEnd(String s, boolean end) {
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return end
            ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
            : d.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad date or timestamp '"
              + s
              + "': expected ISO-8601 such as 2019-12-05, 2019-12-05T10:00:00 or"
              + " 2019-12-05T10:00:00+01:00",
          e);
    }
  }
}
