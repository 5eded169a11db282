package dev.ghost.gateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.store.IncidentStore;
import java.time.Clock;

/**
 * What every kind of channel may build with: the config, this gateway's host name for messages, the
 * clock, the JSON mapper and the store of Slack message ids.
 */
public record ChannelContext(
    GatewayConfig config, String host, Clock clock, ObjectMapper json, IncidentStore incidents) {}
