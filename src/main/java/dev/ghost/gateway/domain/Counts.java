package dev.ghost.gateway.domain;

/** Daemons per state in one snapshot, as the status document, the agent API and metrics show it. */
public record Counts(int total, int up, int down, int unknown) {

  public static Counts of(Iterable<DaemonStatus> daemons) {
    int up = 0;
    int down = 0;
    int unknown = 0;
    for (DaemonStatus status : daemons) {
      switch (status.state()) {
        case UP -> up++;
        case DOWN -> down++;
        case UNKNOWN -> unknown++;
      }
    }
    return new Counts(up + down + unknown, up, down, unknown);
  }

  public boolean allUp() {
    return up == total;
  }

  public int of(DaemonState state) {
    return switch (state) {
      case UP -> up;
      case DOWN -> down;
      case UNKNOWN -> unknown;
    };
  }
}
