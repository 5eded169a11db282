package dev.ghost.gateway.delivery;

import java.util.Map;

/**
 * One configured channel, whichever keys it came from: the default ones ({@code gateway.slack.*},
 * {@code gateway.webhook.*}) are entries like any under {@code gateway.channels.*}.
 *
 * @param kind the {@link ChannelKind#name()} that checks and builds it
 * @param settings what its kind reads, by name, each with the key it came from, so that a problem
 *     names the key and never the value (which may be a secret)
 */
public record ChannelSpec(String id, String kind, Map<String, Setting> settings) {

  /**
   * One value and the key it is set by.
   *
   * @param value null when the key is not set
   */
  public record Setting(String key, String value) {

    public boolean isSet() {
      return value != null;
    }
  }

  /** The setting {@code name}; every kind's specs carry every setting its kind reads. */
  public Setting setting(String name) {
    Setting setting = settings.get(name);
    if (setting == null) {
      throw new IllegalArgumentException(kind + " channels have no setting " + name);
    }
    return setting;
  }

  /** The value of {@code name}; only asked once the checks passed, so it is set. */
  public String value(String name) {
    return setting(name).value();
  }
}
