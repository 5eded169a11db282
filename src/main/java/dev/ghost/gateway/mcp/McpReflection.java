package dev.ghost.gateway.mcp;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The tools' own answers, which the MCP server serializes with Jackson outside REST. */
@RegisterForReflection(targets = {GatewayTools.SilenceView.class, GatewayTools.SilenceList.class})
final class McpReflection {

  private McpReflection() {}
}
