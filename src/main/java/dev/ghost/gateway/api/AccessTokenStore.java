package dev.ghost.gateway.api;

import dev.ghost.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
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
import java.util.Base64;
import java.util.List;
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

  private AccessTokens tokens;

  void load(@Observes StartupEvent event) {
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
    AccessTokens generated = AccessTokens.parse(List.of("admin:" + readOrCreate(file)));
    LOG.info(
        () ->
            "no gateway.auth.tokens set; the admin token is in "
                + file.toAbsolutePath().normalize());
    return generated;
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
