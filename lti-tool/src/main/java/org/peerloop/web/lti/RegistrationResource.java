package org.peerloop.web.lti;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.peerloop.lti.registration.DynamicRegistration;
import org.peerloop.lti.registration.RegistrationException;
import org.peerloop.settings.Settings;
import org.peerloop.web.limits.Limit;
import org.peerloop.web.limits.RateLimited;
import org.peerloop.web.page.Html;
import org.peerloop.web.page.Page;

/**
 * The tool's side of LTI Dynamic Registration 1.0 (§3.1, the registration initiation request), and
 * the values for manual registration.
 */
@Path("lti/register")
@RequestScoped
public class RegistrationResource {
  private static final Logger LOG = Logger.getLogger(RegistrationResource.class.getName());

  @Inject DynamicRegistration registration;
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @RateLimited(Limit.REGISTRATION)
  public Response register(
      @QueryParam("openid_configuration") String openidConfiguration,
      @QueryParam("registration_token") String registrationToken) {
    String base = settings.baseUrl().toString();
    try {
      DynamicRegistration.Registered done =
          registration.register(openidConfiguration, registrationToken);
      String next =
          done.awaitsApproval()
              ? "Waiting for approval: a PeerLoop administrator must approve this registration"
                  + " (console, Registrations) before learners can launch the tool. Give them the"
                  + " client id above. In Moodle, also activate the tool under Manage tools."
              : "Registered and active: learners can launch PeerLoop from your courses now.";
      String heading =
          done.updated() ? "PeerLoop's registration is updated" : "PeerLoop is registered";
      // LTI DR §3.6: closing is announced to the platform's window with a postMessage, on the
      // person's click: the platform closes its frame at once, before anyone could read this.
      return Page.titled(heading)
          .html("<section role=\"status\"><h1>" + Html.escape(heading) + "</h1><p>")
          .html("Registered with " + Html.escape(done.platform().issuer()) + ", client id ")
          .html("<code id=\"client-id\">" + Html.escape(done.platform().clientId()) + "</code>.")
          .html("</p><p id=\"next-step\" data-outcome=\"")
          .html(done.awaitsApproval() ? "pending" : "active")
          .html("\">" + Html.escape(next) + "</p>")
          .html("<button type=\"button\" id=\"close-registration\">Close</button></section>")
          .data("peerloop-registration", Json.createObjectBuilder().add("done", true).build())
          .scripts("lti-registration-close.js")
          .response(200, base);
    } catch (RegistrationException e) {
      LOG.warning(() -> "Dynamic registration failed: reason=" + e.reason() + " " + e.getMessage());
      return Page.titled("PeerLoop registration failed")
          .html("<section class=\"refusal\" role=\"alert\"><h1>PeerLoop could not register</h1><p>")
          .html(Html.escape(e.getMessage()))
          .html("</p><p class=\"code\">Reason code: <code id=\"reason\">")
          .html(Html.escape(e.reason()))
          .html("</code></p></section>")
          .response(e.status(), base);
    }
  }
}
