package dev.ghost.gateway.source;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the gateway's background work, named for thread dumps and marked daemon: shutdown
 * stops their executors explicitly, and a forgotten one must never keep the JVM alive.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
