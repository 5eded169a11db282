package dev.ghost.gateway.source.probe;

/**
 * One check the gateway runs itself against a daemon.
 *
 * <p>{@link #run} blocks for at most about its own timeout and never throws: every failure,
 * expected or not, is an outcome whose reason says exactly what failed.
 */
public interface Probe {

  /** "http", "tcp" or "process", as the status document shows it. */
  String kind();

  ProbeOutcome run();
}
