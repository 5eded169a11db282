package dev.ghost.gateway.api;

import java.util.Locale;

/** What a token may do. Each scope includes the ones before it: admin may write, write may read. */
public enum Scope {
  READ,
  WRITE,
  ADMIN;

  public boolean grants(Scope needed) {
    return compareTo(needed) >= 0;
  }

  /** Parses "read", "write" or "admin"; null for anything else. */
  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return scope;
      }
    }
    return null;
  }
}
