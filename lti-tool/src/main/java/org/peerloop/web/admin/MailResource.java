package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.peerloop.notifications.DigestJob;

/** Notification e-mail, for IT: make the due digests now instead of at the next hour. */
@Path("api/admin/mail")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

  @Inject DigestJob digests;

  public record Made(int digests) {}

  @POST
  @Path("digests")
  public Made makeDigests() {
    return new Made(digests.run());
  }
}
