package dev.ghost.gateway.query;

/**
 * A question the read side will not answer as asked, with words that say what to ask instead. Each
 * reader turns it into its own kind of error: a problem+json for REST, a tool error for MCP.
 */
public final class QueryRefused extends RuntimeException {

  /** Why, which each reader maps to its own status. */
  public enum Reason {
    /** An argument is malformed or out of range. */
    BAD_ARGUMENT,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The gateway cannot answer yet (no snapshot taken). */
    NOT_READY
  }

  private final Reason reason;

  public QueryRefused(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
