package dev.ghost.gateway.domain;

/**
 * A daemon's name as every source, the API and the status document spell it. The pattern keeps
 * names safe in URLs, file names, log lines and Slack text alike.
 */
public record DaemonName(String value) implements Comparable<DaemonName> {

  private static final int MAX_LENGTH = 64;

  public DaemonName {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "daemon name must match [A-Za-z0-9._-]{1,64}, got " + quoted(value));
    }
  }

  public static DaemonName of(String value) {
    return new DaemonName(value);
  }

  /**
   * True for 1 to 64 of {@code A-Z a-z 0-9 . _ -}. Checked by hand, not by a regex: a registry of
   * 10,000 daemons is checked every tick.
   */
  public static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** Quotes a rejected value for an error message, cut short so a huge input stays a short line. */
  private static String quoted(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return '"' + shown + '"';
  }

  @Override
  public int compareTo(DaemonName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
