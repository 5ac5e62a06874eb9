package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.peerloop.community.Caller;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.notifications.Inbox;
import org.peerloop.notifications.MailChoices;
import org.peerloop.notify.Digest;

/** The signed-in member's notifications (mentions, replies, reviews, endorsements). */
@Path("api/v1/notifications")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject CurrentSession session;
  @Inject Inbox inbox;
  @Inject MailChoices choices;

  /**
   * The e-mails a member wants: a digest {@code DAILY}, {@code WEEKLY} or {@code OFF}, and at once.
   */
  public record MailRequest(@NotNull String digest, boolean atOnce) {}

  /** Which to mark read; none named marks all. */
  public record ReadRequest(@Size(max = 200) List<Long> ids) {}

  @GET
  public Inbox.Notices list() {
    return inbox.list(Caller.of(session.get()));
  }

  @GET
  @Path("mail")
  public MailChoices.Choice mail() {
    return choices.mine(Caller.of(session.get()));
  }

  @PUT
  @Path("mail")
  @Consumes(MediaType.APPLICATION_JSON)
  public MailChoices.Choice chooseMail(@Valid @NotNull MailRequest request) {
    Digest digest;
    try {
      digest = Digest.valueOf(request.digest().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("digest", "digest must be DAILY, WEEKLY or OFF");
    }
    return choices.choose(Caller.of(session.get()), digest, request.atOnce());
  }

  @POST
  @Path("read")
  @Consumes(MediaType.APPLICATION_JSON)
  public Inbox.Notices markRead(@Valid ReadRequest request) {
    List<Long> ids = request == null || request.ids() == null ? List.of() : request.ids();
    return inbox.markRead(Caller.of(session.get()), ids);
  }
}
