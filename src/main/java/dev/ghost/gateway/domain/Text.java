package dev.ghost.gateway.domain;

/** Cleans free text that comes from outside (daemons, requests) before it is kept or shown. */
public final class Text {

  /** Longer messages are cut: a reason is a line to read, not a log to store. */
  public static final int MAX_MESSAGE = 500;

  private Text() {}

  /**
   * Replaces control characters (newlines among them) with spaces, so a message cannot forge a log
   * line, and cuts it to {@link #MAX_MESSAGE} characters. Null stays null.
   */
  public static String message(String raw) {
    if (raw == null) {
      return null;
    }
    String cut = raw.length() > MAX_MESSAGE ? raw.substring(0, MAX_MESSAGE) : raw;
    StringBuilder clean = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return clean.toString().strip();
  }
}
