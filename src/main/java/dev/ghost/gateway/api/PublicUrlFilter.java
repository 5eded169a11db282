package dev.ghost.gateway.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Sets the document's one server to {@code gateway.public-url} when the gateway starts, so the same
 * build documents itself correctly on a laptop and behind Fly's HTTPS proxy.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublicUrlFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    String url =
        ConfigProvider.getConfig()
            .getOptionalValue("gateway.public-url", String.class)
            .orElse("http://localhost:8080");
    openAPI.setServers(List.of(OASFactory.createServer().url(url).description("this gateway")));
  }
}
