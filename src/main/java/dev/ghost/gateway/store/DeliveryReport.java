package dev.ghost.gateway.store;

import java.util.List;

/**
 * The {@code delivery} section of the status document: how much is waiting, how much was given up
 * on, and each channel's latest trouble. Targets are masked; no secret reaches it.
 */
public record DeliveryReport(long pending, long failed, List<ChannelReport> channels) {

  public static final DeliveryReport NONE = new DeliveryReport(0, 0, List.of());

  /**
   * @param target where the channel sends, masked
   * @param lastSentAt when it last delivered, or null
   * @param lastError its latest failure, or null
   */
  public record ChannelReport(
      String id,
      String kind,
      String target,
      long pending,
      long failed,
      String lastSentAt,
      String lastError) {}
}
