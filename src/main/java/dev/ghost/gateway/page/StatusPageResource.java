package dev.ghost.gateway.page;

import dev.ghost.gateway.api.RequiresScope;
import dev.ghost.gateway.api.Scope;
import dev.ghost.gateway.query.StatusQueries;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /}: the status page, rendered on the server so it reads without JavaScript; its script
 * then keeps it current from the event stream.
 */
@Path("/")
public class StatusPageResource {

  /** Events read for the 24-hour strips; a day with more changes shows the first ones. */
  static final int WINDOW_EVENTS = 100_000;

  static final int LATEST_EVENTS = 20;

  @Inject StatusQueries queries;
  @Inject Template statusPage;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @RequiresScope(Scope.READ)
  @Operation(hidden = true)
  public TemplateInstance page() throws SQLException {
    return statusPage.data(
        "page",
        StatusPageModel.of(queries.recent(StatusPageModel.WINDOW, WINDOW_EVENTS, LATEST_EVENTS)));
  }
}
