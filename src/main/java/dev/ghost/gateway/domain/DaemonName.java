package dev.ghost.gateway.domain;

import java.util.regex.Pattern;

/**
 * A daemon's name as every source, the API and the status document spell it. The pattern keeps
 * names safe in URLs, file names, log lines and Slack text alike.
 */
public record DaemonName(String value) implements Comparable<DaemonName> {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public DaemonName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "daemon name must match [A-Za-z0-9._-]{1,64}, got " + quoted(value));
    }
  }

  public static DaemonName of(String value) {
    return new DaemonName(value);
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
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
