package dev.ghost.gateway.delivery.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The signed webhook's payload, which Jackson writes outside REST. */
@RegisterForReflection(targets = WebhookPayload.class)
final class WebhookReflection {

  private WebhookReflection() {}
}
