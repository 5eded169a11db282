package dev.ghost.gateway.api.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.ghost.gateway.api.Problem;
import dev.ghost.gateway.delivery.slack.SlackActions;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.query.AgentStatus;
import dev.ghost.gateway.query.QueryRefused;
import dev.ghost.gateway.query.StatusQueries;
import dev.ghost.gateway.signal.Signals;
import dev.ghost.gateway.signal.SilenceRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Slack answering back: the alert buttons ({@code POST /slack/interactions}) and the {@code /ghost}
 * slash command ({@code POST /slack/commands}). On only with a signing secret; every request must
 * be signed by Slack, recent, and from an allowed user and channel, or nothing changes. Answers
 * come within Slack's 3 s: the work is a few writes, and the message updates go out through the
 * outbox like every other message.
 */
@Path("/slack")
public class SlackEndpoints {

  @Inject SlackRequests requests;
  @Inject Signals signals;
  @Inject StatusQueries queries;
  @Inject ObjectMapper json;
  @Inject Clock clock;

  /** A reply only the person who typed the command sees (inside a Response: registered by hand). */
  @RegisterForReflection
  public record Reply(String response_type, String text) {
    static Reply ephemeral(String text) {
      return new Reply("ephemeral", text);
    }
  }

  @POST
  @Path("commands")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Response command(
      @HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
      @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature,
      String body)
      throws SQLException {
    Optional<Response> refused = check(timestamp, signature, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    Map<String, String> form = form(body);
    Optional<String> notAllowed = requests.refusal(form.get("user_id"), form.get("channel_id"));
    if (notAllowed.isPresent()) {
      return Response.ok(Reply.ephemeral("Not done: " + notAllowed.get() + ".")).build();
    }
    SlashCommand command = SlashCommand.parse(form.get("text"));
    try {
      return Response.ok(Reply.ephemeral(run(command, "@" + form.get("user_name")))).build();
    } catch (QueryRefused e) {
      return Response.ok(Reply.ephemeral(e.getMessage() + ". Type `/ghost help`.")).build();
    }
  }

  private String run(SlashCommand command, String author) throws SQLException {
    return switch (command.verb()) {
      case "status" -> status();
      case "silence" -> {
        var silence =
            signals.silence(
                SilenceRequest.parse(
                        command.argument(0),
                        command.argument(1),
                        null,
                        command.argument(2),
                        clock.instant())
                    .by(author));
        yield "Silenced `"
            + silence.match().pattern()
            + "` until "
            + Timestamps.format(silence.until())
            + " (id "
            + silence.id()
            + "; `/ghost unsilence "
            + silence.id()
            + "` ends it).";
      }
      case "unsilence" -> unsilence(command.argument(0));
      default -> SlashCommand.HELP;
    };
  }

  private String status() {
    AgentStatus status = queries.status();
    StringBuilder text =
        new StringBuilder(status.stale() ? "STALE. " : "").append(status.summary());
    for (AgentStatus.Down down : status.down()) {
      text.append("\n• `")
          .append(down.name())
          .append("` down for ")
          .append(down.duration())
          .append(": ")
          .append(down.reason());
    }
    return text.toString();
  }

  private String unsilence(String id) throws SQLException {
    long silence;
    try {
      silence = Long.parseLong(id == null ? "" : id);
    } catch (NumberFormatException e) {
      return "Say which silence: `/ghost unsilence <id>`; the ids are in the answer to a silence.";
    }
    return signals.endSilence(silence)
        ? "Silence " + silence + " ended."
        : "No silence has id " + silence + ".";
  }

  @POST
  @Path("interactions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Response interaction(
      @HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
      @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature,
      String body)
      throws SQLException, IOException {
    Optional<Response> refused = check(timestamp, signature, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    JsonNode payload = json.readTree(form(body).getOrDefault("payload", "{}"));
    Optional<String> notAllowed =
        requests.refusal(
            payload.path("user").path("id").asText(null),
            payload.path("channel").path("id").asText(null));
    if (notAllowed.isPresent()) {
      return Problem.response(Response.Status.FORBIDDEN, notAllowed.get());
    }
    JsonNode action = payload.path("actions").path(0);
    String actionId = action.path("action_id").asText("");
    String daemon = action.path("value").asText("");
    if (!DaemonName.isValid(daemon)) {
      return Problem.response(Response.Status.BAD_REQUEST, "the action names no daemon");
    }
    String author = "@" + payload.path("user").path("username").asText("someone");
    if (actionId.equals(SlackActions.ACKNOWLEDGE)) {
      signals.acknowledge(DaemonName.of(daemon), author);
      return Response.ok().build();
    }
    Optional<Duration> silenceFor = SlackActions.silenceFor(actionId);
    if (silenceFor.isEmpty()) {
      return Problem.response(
          Response.Status.BAD_REQUEST, "unknown action \"" + actionId + "\"; nothing was done");
    }
    signals.silence(
        SilenceRequest.parse(
                daemon,
                silenceFor.get().toHours() + "h",
                null,
                "silenced from an alert in Slack",
                clock.instant())
            .by(author));
    return Response.ok().build();
  }

  /** Off without a signing secret (404); a request Slack did not sign is refused (401). */
  private Optional<Response> check(String timestamp, String signature, String body) {
    if (!requests.enabled()) {
      return Optional.of(
          Problem.response(
              Response.Status.NOT_FOUND,
              "Slack actions are off: set GATEWAY_SLACK_SIGNING_SECRET to turn them on"));
    }
    if (!requests.signed(timestamp, signature, body == null ? "" : body)) {
      return Optional.of(
          Problem.response(
              Response.Status.UNAUTHORIZED,
              "not a recent request signed by Slack with this app's signing secret"));
    }
    return Optional.empty();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    if (body == null || body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
