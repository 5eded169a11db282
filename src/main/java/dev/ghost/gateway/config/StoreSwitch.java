package dev.ghost.gateway.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One setting switches the store, in the same jar: with {@code gateway.store.url}
 * (GATEWAY_STORE_URL, a {@code jdbc:postgresql://} URL, with GATEWAY_STORE_USERNAME and
 * GATEWAY_STORE_PASSWORD) or a {@code DATABASE_URL} as {@code fly postgres attach} sets it ({@code
 * postgres://user:pass@host:5432/db}), the PostgreSQL datasource is turned on and the gateway makes
 * no SQLite store; without either, nothing changes and the gateway keeps its SQLite file.
 */
public final class StoreSwitch implements ConfigSourceFactory {

  /** The datasource the gateway uses for PostgreSQL. */
  public static final String POSTGRESQL = "postgresql";

  /**
   * Below environment variables (300) and system properties (400), above application.properties.
   */
  private static final int ORDINAL = 275;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    return postgres(
            value(context, "gateway.store.url"),
            value(context, "gateway.store.username"),
            value(context, "gateway.store.password"),
            value(context, "DATABASE_URL"))
        .<Iterable<ConfigSource>>map(
            properties ->
                List.of(new PropertiesConfigSource(properties, "gateway store switch", ORDINAL)))
        .orElse(List.of());
  }

  /** The properties that switch to PostgreSQL, or empty to keep SQLite. */
  static Optional<Map<String, String>> postgres(
      String storeUrl, String username, String password, String databaseUrl) {
    Map<String, String> properties = new HashMap<>();
    if (storeUrl != null && !storeUrl.isBlank()) {
      properties.put(prefix() + "jdbc.url", storeUrl.strip());
      if (username != null) {
        properties.put(prefix() + "username", username);
      }
      if (password != null) {
        properties.put(prefix() + "password", password);
      }
    } else if (databaseUrl != null && databaseUrl.matches("postgres(ql)?://.*")) {
      URI uri = URI.create(databaseUrl.strip());
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      properties.put(
          prefix() + "jdbc.url",
          "jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query);
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        String[] parts = userInfo.split(":", 2);
        properties.put(prefix() + "username", decode(parts[0]));
        if (parts.length == 2) {
          properties.put(prefix() + "password", decode(parts[1]));
        }
      }
    } else {
      return Optional.empty();
    }
    properties.put(prefix() + "active", "true");
    properties.put("gateway.store.kind", POSTGRESQL);
    return Optional.of(properties);
  }

  private static String prefix() {
    return "quarkus.datasource." + POSTGRESQL + ".";
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null ? null : value.getValue();
  }
}
