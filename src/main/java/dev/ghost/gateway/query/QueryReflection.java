package dev.ghost.gateway.query;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The read side's answers, which MCP results and the event stream serialize outside REST. */
@RegisterForReflection(
    targets = {
      AgentStatus.class,
      AgentStatus.Down.class,
      AgentStatus.Entry.class,
      DaemonDetail.class,
      StatusQueries.EventPage.class,
    })
final class QueryReflection {

  private QueryReflection() {}
}
