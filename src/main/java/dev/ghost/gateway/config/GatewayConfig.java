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

  /**
   * The URL people and agents reach this gateway at (e.g. https://ghost.fly.dev); the OpenAPI
   * document names it as its server. Defaults to http://localhost:8080.
   */
  Optional<String> publicUrl();

  /** How often the event stream sends a comment, so proxies keep an idle stream open. */
  @WithDefault("15s")
  Duration streamHeartbeat();

  /** How many of the latest transitions the status document lists under {@code logs}. */
  @WithDefault("20")
  int statusLogSize();

  Registry registry();

  Heartbeat heartbeat();

  Auth auth();

  Probes probes();

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

  /** How probes run. */
  interface Probes {
    /** At most this many probes run at once; the others wait their turn. */
    @WithDefault("16")
    int maxInFlight();
  }

  /** A declared daemon. */
  interface Daemon {
    /**
     * The daemon's name when it differs from its key. Env vars cannot spell a "-" in a key
     * (GATEWAY_DAEMONS__GHOST_BRIDGE__... reads as "ghost.bridge"), so they name it here.
     */
    Optional<String> name();

    /** The name this daemon goes by: {@link #name()} or else its key. */
    default String nameOr(String key) {
      return name().orElse(key);
    }

    /**
     * How long a declared daemon may go unreported after the gateway starts before it is DOWN;
     * defaults to two ticks.
     */
    Optional<Duration> grace();

    /** The gateway's own check of the daemon: at most one of http, tcp, process. */
    ProbeConfig probe();
  }

  /** One probe. Targets come only from here, never from a request. */
  interface ProbeConfig {
    /** How often the probe runs; defaults to the tick. */
    Optional<Duration> interval();

    Optional<HttpProbeConfig> http();

    Optional<TcpProbeConfig> tcp();

    Optional<ProcessProbeConfig> process();
  }

  /** An HTTP(S) request whose answer decides UP or DOWN. */
  interface HttpProbeConfig {
    String url();

    @WithDefault("GET")
    String method();

    /** "2xx", a list "200,204", or a range "200-399". */
    @WithDefault("2xx")
    String expectStatus();

    /** Text the body must contain. */
    Optional<String> bodyContains();

    /** A JSON pointer (e.g. /status) into the body, compared with json-equals. */
    Optional<String> jsonPointer();

    Optional<String> jsonEquals();

    @WithDefault("5s")
    Duration timeout();

    /** An answer slower than this is DOWN even when it is right. */
    Optional<Duration> maxLatency();
  }

  /** A TCP connect. */
  interface TcpProbeConfig {
    String host();

    int port();

    @WithDefault("5s")
    Duration timeout();
  }

  /** A process on this host, by pidfile or by a pattern found in its command line. */
  interface ProcessProbeConfig {
    Optional<Path> pidfile();

    Optional<String> commandPattern();
  }

  default Path resolvedStatusFile() {
    return statusFile().orElse(dataDir().resolve("status.json"));
  }
}
