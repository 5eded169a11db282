package dev.ghost.gateway.api;

import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.store.SharedValues;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Loads the tokens from {@code gateway.auth.tokens}. With none configured, the gateway is never
 * left open for writes: an admin token is generated once into {@code <data-dir>/admin.token} (mode
 * 0600) and kept across restarts. The log names the file, never the token.
 *
 * <p>Loaded at the start event, not when the bean is made: filters that need it are made while the
 * server is set up, before the start checks have passed, and a start that is refused must leave no
 * token file behind.
 */
@Singleton
public class AccessTokenStore {

  private static final Logger LOG = Logger.getLogger(AccessTokenStore.class.getName());
  static final String ADMIN_TOKEN_FILE = "admin.token";

  @Inject GatewayConfig config;
  @Inject Optional<SharedValues> shared;

  private AccessTokens tokens;

  /** After the store's schema is made: in a cluster, the token is agreed on in the store. */
  void load(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 1) StartupEvent event) {
    tokens();
  }

  public synchronized AccessTokens tokens() {
    if (tokens == null) {
      tokens = load();
    }
    return tokens;
  }

  private AccessTokens load() {
    List<String> configured = config.auth().tokens().orElse(List.of());
    if (!configured.isEmpty()) {
      return AccessTokens.parse(configured);
    }
    Path file = config.dataDir().resolve(ADMIN_TOKEN_FILE);
    String token = readOrCreate(file);
    if (shared.isPresent()) {
      token = agreeOnEveryInstance(file, token);
    }
    AccessTokens generated = AccessTokens.parse(List.of("admin:" + token));
    LOG.info(
        () ->
            "no gateway.auth.tokens set; the admin token is in "
                + file.toAbsolutePath().normalize());
    return generated;
  }

  /**
   * Several instances share one store: the first to start stores its token, and each writes the
   * stored one to its own file, so the token in any instance's file works on every instance.
   */
  private String agreeOnEveryInstance(Path file, String proposed) {
    try {
      String agreed = shared.get().agree("admin_token", proposed);
      if (!agreed.equals(proposed)) {
        Files.writeString(file, agreed + "\n", StandardCharsets.UTF_8);
      }
      return agreed;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot agree on the admin token in the store: " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token file " + file, e);
    }
  }

  private static String readOrCreate(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException anotherStartWon) {
          // Read what the other start wrote.
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
    }
  }
}
