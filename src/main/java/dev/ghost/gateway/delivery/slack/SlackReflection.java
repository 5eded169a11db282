package dev.ghost.gateway.delivery.slack;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What Gson (inside slack-api-client) writes and reads by reflection: Block Kit payloads and Web
 * API answers. See docs/native.md.
 */
@RegisterForReflection(
    targets = {
      com.slack.api.webhook.Payload.class,
      com.slack.api.model.block.HeaderBlock.class,
      com.slack.api.model.block.SectionBlock.class,
      com.slack.api.model.block.ContextBlock.class,
      com.slack.api.model.block.ActionsBlock.class,
      com.slack.api.model.block.element.ButtonElement.class,
      com.slack.api.model.block.composition.MarkdownTextObject.class,
      com.slack.api.model.block.composition.PlainTextObject.class,
      com.slack.api.methods.request.chat.ChatPostMessageRequest.class,
      com.slack.api.methods.request.chat.ChatUpdateRequest.class,
      com.slack.api.methods.response.chat.ChatPostMessageResponse.class,
      com.slack.api.methods.response.chat.ChatUpdateResponse.class,
      com.slack.api.model.Message.class,
      com.slack.api.methods.SlackApiErrorResponse.class,
    })
final class SlackReflection {

  private SlackReflection() {}
}
