package dev.ghost.gateway.mcp;

import dev.ghost.gateway.query.SilenceView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The tools' own answers, which the MCP server serializes with Jackson outside REST. */
@RegisterForReflection(targets = {SilenceView.class, GatewayTools.SilenceList.class})
final class McpReflection {

  private McpReflection() {}
}
