package dev.ghost.gateway.alert;

import java.util.regex.Pattern;

/**
 * A daemon-name pattern where {@code *} matches any run of characters and {@code ?} one; everything
 * else matches itself. Used by routes and silences, so an operator writes {@code ghost-*} rather
 * than a regular expression.
 */
public record Glob(String pattern, Pattern compiled) {

  public static Glob of(String pattern) {
    if (pattern == null || pattern.isBlank() || pattern.length() > 64) {
      throw new IllegalArgumentException(
          "a pattern is a daemon name of 1 to 64 characters, with * and ? as wildcards");
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(pattern, Pattern.compile(regex.toString()));
  }

  public boolean matches(String name) {
    return compiled.matcher(name).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
