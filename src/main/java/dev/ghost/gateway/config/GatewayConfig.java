package dev.ghost.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code gateway.*} key, with its default. The README's config table mirrors this file. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  /** Directory for the store, status.json and the generated admin token; created when missing. */
  @WithDefault("./data")
  Path dataDir();

  /** Where status.json is written; defaults to {@code <data-dir>/status.json}. */
  Optional<Path> statusFile();

  /** Interval between scheduled snapshots. Source events trigger extra ones in between. */
  @WithDefault("15s")
  Duration tick();

  /** How many of the latest transitions the status document lists under {@code logs}. */
  @WithDefault("20")
  int statusLogSize();

  Registry registry();

  Heartbeat heartbeat();

  Auth auth();

  /** Daemons that must exist whether or not a source reports them, by name. */
  Map<String, Daemon> daemons();

  /** The orchestrator's registry file. */
  interface Registry {
    /** Path of the registry JSON; no registry is read when unset. */
    Optional<Path> file();

    /** A registry entry whose timestamp is older than this is DOWN. */
    @WithDefault("60s")
    Duration maxAge();
  }

  /** Daemons that push heartbeats. */
  interface Heartbeat {
    /** How long one heartbeat keeps a daemon UP when it names no TTL of its own. */
    @WithDefault("60s")
    Duration ttl();
  }

  /** Bearer tokens and who may read without one. */
  interface Auth {
    /**
     * Tokens as {@code scope:token}, comma separated; scope is read, write or admin. When none is
     * set, an admin token is generated into {@code <data-dir>/admin.token}.
     */
    Optional<List<String>> tokens();

    /** When true, reads (status, events) need no token. */
    @WithDefault("true")
    boolean publicRead();
  }

  /** A declared daemon. */
  interface Daemon {
    /**
     * How long a declared daemon may go unreported after the gateway starts before it is DOWN;
     * defaults to two ticks.
     */
    Optional<Duration> grace();
  }

  default Path resolvedStatusFile() {
    return statusFile().orElse(dataDir().resolve("status.json"));
  }
}
