package dev.ghost.gateway.config;

import io.quarkus.runtime.configuration.DurationConverter;
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

  Alert alert();

  Slack slack();

  Webhook webhook();

  /** Where the gateway keeps its state. */
  Store store();

  /** Several instances on one PostgreSQL store: who leads, and for how long without word. */
  Cluster cluster();

  /** A dead man's switch outside the gateway, pinged after every recorded tick. */
  Watchdog watchdog();

  /** More channels beyond the default ones, by id; routes name them. */
  Map<String, ChannelConfig> channels();

  /** Rules from daemon-name globs to channels, by name; unmatched daemons use the defaults. */
  Map<String, RouteConfig> routes();

  Delivery delivery();

  /** The alert policy: what is worth a message, and when. */
  interface Alert {
    /** Consecutive DOWN snapshots before a down is announced (fail signals and TTLs: at once). */
    @WithDefault("2")
    int downAfter();

    /** Consecutive UP snapshots before a recovery is announced. */
    @WithDefault("1")
    int upAfter();

    /** Changes of one daemon within flap-window that make it flapping: one message, then quiet. */
    @WithDefault("4")
    int flapChanges();

    @WithDefault("10m")
    Duration flapWindow();

    /** How long a flapping daemon must hold one state before it is announced again. */
    @WithDefault("5m")
    Duration flapQuiet();

    /** Changes within this window go out as one message per channel; 0 sends each at once. */
    @WithDefault("5s")
    Duration groupWindow();

    /** How often a daemon that stays down is announced again: a duration, or "off". */
    @WithDefault("4h")
    String remindEvery();

    /** {@link #remindEvery()} parsed: empty when "off". */
    default Optional<Duration> reminders() {
      String value = remindEvery().strip();
      return "off".equalsIgnoreCase(value)
          ? Optional.empty()
          : Optional.of(DurationConverter.parseDuration(value));
    }
  }

  /** The default Slack channel: an incoming webhook, or a bot token and a channel, or both. */
  interface Slack {
    /** An incoming webhook URL (https://hooks.slack.com/services/...). A secret. */
    Optional<String> webhookUrl();

    /** A bot token (xoxb-...) with chat:write. A secret. */
    Optional<String> botToken();

    /** The channel the bot posts to (an id like C0123 or a name). */
    Optional<String> channel();

    /** Slack's Web API base URL; only tests point it elsewhere. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /**
     * The Slack app's signing secret. When set, /slack/interactions (the alert buttons) and
     * /slack/commands (/ghost) answer requests Slack signed with it. A secret.
     */
    Optional<String> signingSecret();

    /** Slack user ids (U0123...) who may act from Slack; everyone in the workspace when unset. */
    Optional<List<String>> allowedUsers();

    /** Slack channel ids where people may act from; every channel when unset. */
    Optional<List<String>> allowedChannels();
  }

  /** The default signed JSON webhook. */
  interface Webhook {
    Optional<String> url();

    /** The HMAC-SHA256 key for X-Ghost-Signature. A secret. */
    Optional<String> secret();
  }

  /**
   * One more channel: exactly one of slack-webhook-url, slack-channel (uses the bot token), url.
   */
  interface ChannelConfig {
    Optional<String> slackWebhookUrl();

    Optional<String> slackChannel();

    /** A signed JSON webhook URL; needs secret. */
    Optional<String> url();

    Optional<String> secret();
  }

  /** A route: daemons matching any glob go to these channels. */
  interface RouteConfig {
    /** Daemon-name globs, comma separated: {@code ghost-*,patch-executor}. */
    List<String> match();

    /** Channel ids, comma separated: slack-webhook, slack-bot, webhook, or a key of channels. */
    List<String> channels();
  }

  /** How the outbox is sent. */
  interface Delivery {
    /** The longest wait between retries of a failing channel (backoff starts at 1 s). */
    @WithDefault("5m")
    Duration maxBackoff();

    /** The least time between two messages to one Slack webhook or channel, as Slack asks. */
    @WithDefault("1s")
    Duration slackInterval();
  }

  /**
   * Who watches the watcher: a service like Healthchecks that raises its own alarm when the pings
   * stop, because the gateway, its machine or its network died.
   */
  interface Watchdog {
    /** The URL to ping (it usually holds a secret id); no pings when unset. */
    Optional<String> url();

    /** GET, HEAD or POST. */
    @WithDefault("GET")
    String method();

    /** A ping that takes longer counts as failed; it never holds up a tick. */
    @WithDefault("5s")
    Duration timeout();
  }

  /**
   * SQLite in the data dir, unless {@code url} names a PostgreSQL database that several instances
   * share ({@link StoreSwitch} turns it on; Fly's {@code DATABASE_URL} does the same).
   */
  interface Store {
    /** A {@code jdbc:postgresql://host:5432/db} URL. */
    Optional<String> url();

    Optional<String> username();

    /** A secret. */
    Optional<String> password();

    /** {@code sqlite} or {@code postgresql}: set by {@link StoreSwitch}, not by hand. */
    @WithDefault("sqlite")
    String kind();
  }

  /** Used only on PostgreSQL, where any number of instances share the store and one leads. */
  interface Cluster {
    /**
     * How long a leader that stopped renewing (it died, or lost the store) keeps the lease: the
     * longest the cluster goes without ticking and sending before another instance takes over.
     */
    @WithDefault("5s")
    Duration lease();

    /** This instance's name in the lease and in status.json; the host name and pid when unset. */
    Optional<String> node();
  }

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

  /** The SQLite store, when the gateway runs on one. */
  default Path storeFile() {
    return dataDir().resolve("gateway.db");
  }

  default Path resolvedStatusFile() {
    return statusFile().orElse(dataDir().resolve("status.json"));
  }
}
