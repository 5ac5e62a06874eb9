package org.peerloop.web.moodle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;
import org.peerloop.moodle.webhook.MoodleEvent;
import org.peerloop.moodle.webhook.WebhookRefusal;
import org.peerloop.moodle.webhook.WebhookSignature;
import org.peerloop.moodlebridge.CompletionEvents;
import org.peerloop.runtime.Transactions;
import org.peerloop.web.problem.ProblemException;

/**
 * {@code POST /moodle/events}: a completion from a Moodle site's {@code local_peerloop} plugin,
 * signed with the bridge's secret (see {@link WebhookSignature}). Answers 200 with what happened (a
 * repeat is 200 too, so the plugin stops retrying), 400 for a malformed event, 401 for a signature
 * that does not hold, 404 for a site or course PeerLoop does not know, 413 for a body over {@value
 * MoodleEvent#MAX_BODY_BYTES} bytes.
 */
@Path("moodle/events")
@RequestScoped
public class MoodleEventsResource {
  private static final Logger LOG = Logger.getLogger(MoodleEventsResource.class.getName());

  @Inject CompletionEvents events;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionEvents.Outcome receive(
      @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
      InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(MoodleEvent.MAX_BODY_BYTES + 1);
    if (bytes.length > MoodleEvent.MAX_BODY_BYTES) {
      throw new ProblemException(
          413,
          "Too large",
          "event-too-large",
          "An event is at most " + MoodleEvent.MAX_BODY_BYTES + " bytes");
    }
    try {
      // The same event delivered twice at once: the second insert of its id conflicts, and its
      // retry finds the id taken (a duplicate). Safe to repeat: the event id is the claim.
      return Transactions.retryOnConflict(() -> events.receive(timestamp, signature, bytes));
    } catch (WebhookRefusal e) {
      // The reason only: never the body or the headers.
      LOG.info(() -> "Moodle event refused: " + e.reason());
      throw switch (e.reason()) {
        case "malformed-event" ->
            new ProblemException(400, "Malformed event", e.reason(), e.getMessage());
        case "unsupported-event" ->
            new ProblemException(422, "Unsupported event", e.reason(), e.getMessage());
        default -> ProblemException.signatureRefused(e.reason(), e.getMessage());
      };
    }
  }
}
