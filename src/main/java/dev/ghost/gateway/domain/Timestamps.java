package dev.ghost.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 UTC timestamps, read and written by hand. A status document of 10,000 daemons holds
 * 20,000 of them and a registry 10,000 more; the general-purpose java.time formatters spend most of
 * a tick's budget on those alone.
 */
public final class Timestamps {

  private Timestamps() {}

  /** The length of every timestamp {@link #formatInto} writes. */
  public static final int LENGTH = 24;

  /**
   * Formats as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (milliseconds always shown), the same instant
   * {@link Instant#parse} reads back.
   */
  public static String format(Instant instant) {
    char[] out = new char[LENGTH];
    return formatInto(instant, out, 0) ? new String(out) : instant.toString();
  }

  /**
   * Writes {@link #format}'s text into {@code out} from {@code at} on ({@link #LENGTH} chars)
   * without allocating, for writers that emit thousands per document.
   *
   * @return false, with nothing written, for years outside 0000..9999
   */
  public static boolean formatInto(Instant instant, char[] out, int at) {
    if (!formattable(instant)) {
      return false;
    }
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    LocalDate date = LocalDate.ofEpochDay(days);
    int year = date.getYear();
    digits(out, at, year, 4);
    out[at + 4] = '-';
    digits(out, at + 5, date.getMonthValue(), 2);
    out[at + 7] = '-';
    digits(out, at + 8, date.getDayOfMonth(), 2);
    out[at + 10] = 'T';
    digits(out, at + 11, secondOfDay / 3600, 2);
    out[at + 13] = ':';
    digits(out, at + 14, secondOfDay / 60 % 60, 2);
    out[at + 16] = ':';
    digits(out, at + 17, secondOfDay % 60, 2);
    out[at + 19] = '.';
    digits(out, at + 20, instant.getNano() / 1_000_000, 3);
    out[at + 23] = 'Z';
    return true;
  }

  /** Whether {@link #formatInto} writes {@code instant}: years 0000 to 9999. */
  public static boolean formattable(Instant instant) {
    return instant.getEpochSecond() >= FIRST_SECOND && instant.getEpochSecond() <= LAST_SECOND;
  }

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
  private static final long FIRST_SECOND = -62_167_219_200L;

  private static final long LAST_SECOND = 253_402_300_799L;

  /**
   * Parses the common UTC form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} quickly; returns null for
   * anything else, so the caller can fall back to java.time for offsets and other forms.
   */
  public static Instant parseUtc(String text) {
    return parseUtc(text.toCharArray(), 0, text.length());
  }

  /**
   * {@link #parseUtc(String)} of {@code text[offset, offset + length)}: a parser's own buffer, read
   * without making a string of each of a registry's 10,000 timestamps.
   */
  public static Instant parseUtc(char[] text, int offset, int length) {
    if (length < 20
        || text[offset + length - 1] != 'Z'
        || text[offset + 4] != '-'
        || text[offset + 7] != '-'
        || text[offset + 10] != 'T'
        || text[offset + 13] != ':'
        || text[offset + 16] != ':') {
      return null;
    }
    int year = number(text, offset, 4);
    int month = number(text, offset + 5, 2);
    int day = number(text, offset + 8, 2);
    int hour = number(text, offset + 11, 2);
    int minute = number(text, offset + 14, 2);
    int second = number(text, offset + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int digits = length - 21;
      if (text[offset + 19] != '.' || digits < 1 || digits > 9) {
        return null;
      }
      nanos = number(text, offset + 20, digits);
      if (nanos < 0) {
        return null;
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    } else if (length != 20) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    } catch (java.time.DateTimeException invalidDate) {
      return null;
    }
  }

  /** The decimal number in {@code text[start, start + count)}, or -1 when it is not all digits. */
  private static int number(char[] text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
