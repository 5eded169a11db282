package dev.ghost.gateway.testsupport;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** A real MCP client (the reference Java SDK) over Streamable HTTP to the gateway under test. */
public final class McpClients {

  private McpClients() {}

  /** A client for {@code base}'s /mcp, sending {@code token} as a bearer token when not null. */
  public static McpSyncClient connect(URI base, String token) {
    HttpRequest.Builder requests = HttpRequest.newBuilder();
    if (token != null) {
      requests.header("Authorization", "Bearer " + token);
    }
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base.toString())
            .endpoint("/mcp")
            .requestBuilder(requests)
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
  }
}
