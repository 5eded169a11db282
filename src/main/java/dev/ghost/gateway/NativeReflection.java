package dev.ghost.gateway;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes a native image must keep for reflection because they are serialized outside a REST
 * signature, where Quarkus cannot see them: Jackson writes the status document, the event stream,
 * problem bodies, MCP results and the signed webhook's payload; Gson (inside slack-api-client)
 * writes Block Kit payloads and reads Web API answers. See docs/native.md.
 */
@RegisterForReflection(
    targets = {
      dev.ghost.gateway.snapshot.StatusDocument.class,
      dev.ghost.gateway.snapshot.StatusDocument.RegistrySection.class,
      dev.ghost.gateway.snapshot.EventView.class,
      dev.ghost.gateway.snapshot.SystemInfo.class,
      dev.ghost.gateway.source.probe.ProbeReport.class,
      dev.ghost.gateway.store.DeliveryReport.class,
      dev.ghost.gateway.store.DeliveryReport.ChannelReport.class,
      dev.ghost.gateway.domain.Counts.class,
      dev.ghost.gateway.api.Problem.class,
      dev.ghost.gateway.api.AgentStatus.class,
      dev.ghost.gateway.api.AgentStatus.Down.class,
      dev.ghost.gateway.api.AgentStatus.Entry.class,
      dev.ghost.gateway.api.DaemonDetail.class,
      dev.ghost.gateway.api.StatusQueries.EventPage.class,
      dev.ghost.gateway.delivery.webhook.WebhookPayload.class,
      com.slack.api.webhook.Payload.class,
      com.slack.api.model.block.HeaderBlock.class,
      com.slack.api.model.block.SectionBlock.class,
      com.slack.api.model.block.ContextBlock.class,
      com.slack.api.model.block.composition.MarkdownTextObject.class,
      com.slack.api.model.block.composition.PlainTextObject.class,
      com.slack.api.methods.request.chat.ChatPostMessageRequest.class,
      com.slack.api.methods.request.chat.ChatUpdateRequest.class,
      com.slack.api.methods.response.chat.ChatPostMessageResponse.class,
      com.slack.api.methods.response.chat.ChatUpdateResponse.class,
      com.slack.api.model.Message.class,
      com.slack.api.methods.SlackApiErrorResponse.class,
    })
final class NativeReflection {

  private NativeReflection() {}
}
