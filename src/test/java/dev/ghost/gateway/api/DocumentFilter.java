package dev.ghost.gateway.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * What every operation of the API shares, written once instead of on each: a token refused (401) or
 * too weak (403) is documented on every operation that needs one, each operation is tagged by what
 * it is about, and the document names its license. It lives with the tests because the document is
 * generated there (see {@link ApiDocumentTest}) and kept for the gateway to serve.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DocumentFilter implements OASFilter {

  /** Tags by path prefix, most specific first. */
  private static final Map<String, String> TAGS =
      Map.of(
          "/api/v1/silences", "silences",
          "/api/v1/deliveries", "deliveries",
          "/api/v1/events", "events",
          "/api/v1/daemons", "daemons",
          "/api/v1/status", "status",
          "/api/v1/down", "status",
          "/ghost/status.json", "status");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI
        .getInfo()
        .license(
            OASFactory.createLicense()
                .name("Apache-2.0")
                .url("https://www.apache.org/licenses/LICENSE-2.0"));
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                  item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                tag(path, operation);
                if (!"/api/v1/openapi.json".equals(path)) {
                  refusals(operation);
                }
              }
            });
  }

  private static void tag(String path, Operation operation) {
    TAGS.entrySet().stream()
        .filter(tag -> path.startsWith(tag.getKey()))
        .findFirst()
        .ifPresent(tag -> operation.setTags(java.util.List.of(tag.getValue())));
  }

  private static void refusals(Operation operation) {
    var responses = operation.getResponses();
    if (responses.getAPIResponse("401") == null) {
      responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(GatewayApi.UNAUTHORIZED));
    }
    if (responses.getAPIResponse("403") == null) {
      responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(GatewayApi.FORBIDDEN));
    }
  }
}
