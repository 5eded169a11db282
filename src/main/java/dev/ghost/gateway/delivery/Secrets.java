package dev.ghost.gateway.delivery;

import java.net.URI;
import java.util.List;

/**
 * How a secret may be shown: the host and the last 4 characters, enough to tell two webhooks apart
 * and nothing that could be used.
 */
public final class Secrets {

  private Secrets() {}

  /**
   * {@code https://hooks.slack.com/services/T0/B0/abcd1234} becomes {@code hooks.slack.com …1234}.
   */
  public static String maskUrl(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    return (host == null ? "?" : host) + " …" + last4(url);
  }

  /** {@code xoxb-…-abcd1234} becomes {@code …1234}. */
  public static String mask(String secret) {
    return "…" + last4(secret);
  }

  /** Replaces every secret found in {@code text} with its masked form. */
  public static String redact(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    String clean = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        clean = clean.replace(secret, mask(secret));
      }
    }
    return clean;
  }

  private static String last4(String secret) {
    return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
  }
}
