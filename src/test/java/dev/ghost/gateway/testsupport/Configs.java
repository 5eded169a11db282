package dev.ghost.gateway.testsupport;

import dev.ghost.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** A real {@link GatewayConfig} from properties, parsed as Quarkus parses it, without a boot. */
public final class Configs {

  private Configs() {}

  public static GatewayConfig gateway(Map<String, String> properties) {
    return builder()
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .build()
        .getConfigMapping(GatewayConfig.class);
  }

  /** From the environment and system properties only, as a started gateway reads them. */
  public static GatewayConfig fromEnvironment() {
    return builder().addDefaultSources().build().getConfigMapping(GatewayConfig.class);
  }

  /** With Quarkus's duration syntax ("15s", "500ms"), which plain SmallRye does not read. */
  private static SmallRyeConfigBuilder builder() {
    return new SmallRyeConfigBuilder()
        .withConverter(Duration.class, 200, new DurationConverter())
        .withMapping(GatewayConfig.class);
  }
}
