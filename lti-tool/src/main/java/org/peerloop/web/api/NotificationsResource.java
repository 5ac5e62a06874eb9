package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.notifications.Inbox;

/** The signed-in member's notifications (mentions, replies, reviews, endorsements). */
@Path("api/v1/notifications")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject CurrentSession session;
  @Inject Inbox inbox;

  /** Which to mark read; none named marks all. */
  public record ReadRequest(@Size(max = 200) List<Long> ids) {}

  @GET
  public Inbox.Notices list() {
    return inbox.list(Caller.of(session.get()));
  }

  @POST
  @Path("read")
  @Consumes(MediaType.APPLICATION_JSON)
  public Inbox.Notices markRead(ReadRequest request) {
    List<Long> ids = request == null || request.ids() == null ? List.of() : request.ids();
    return inbox.markRead(Caller.of(session.get()), ids);
  }
}
