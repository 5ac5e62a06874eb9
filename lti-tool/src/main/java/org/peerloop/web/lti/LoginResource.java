package org.peerloop.web.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.peerloop.lti.launch.AuthenticationRequest;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.LoginRequest;
import org.peerloop.lti.launch.LoginService;
import org.peerloop.web.limits.Limit;
import org.peerloop.web.limits.RateLimited;

/**
 * OIDC third-party initiated login (LTI Core §4.1): by GET or by form POST, as platforms differ
 * (Moodle posts a form). Answers with a redirect to the platform, or with a page that first keeps
 * the nonce in the platform's storage.
 */
@Path("lti/login")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

  @Inject LaunchRefusalLog refusals;
  @Inject LoginService logins;
  @Inject LaunchPages pages;

  @RateLimited(Limit.LOGIN)
  @GET
  public Response byGet(
      @QueryParam("iss") String issuer,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("target_link_uri") String targetLinkUri,
      @QueryParam("lti_message_hint") String messageHint,
      @QueryParam("client_id") String clientId,
      @QueryParam("lti_deployment_id") String deploymentId,
      @QueryParam("lti_storage_target") String storageTarget) {
    return login(
        new LoginRequest(
            issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget));
  }

  @RateLimited(Limit.LOGIN)
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response byPost(
      @FormParam("iss") String issuer,
      @FormParam("login_hint") String loginHint,
      @FormParam("target_link_uri") String targetLinkUri,
      @FormParam("lti_message_hint") String messageHint,
      @FormParam("client_id") String clientId,
      @FormParam("lti_deployment_id") String deploymentId,
      @FormParam("lti_storage_target") String storageTarget) {
    return login(
        new LoginRequest(
            issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget));
  }

  private Response login(LoginRequest request) {
    try {
      AuthenticationRequest auth = logins.begin(request);
      if (auth.storageTarget() == null) {
        return Response.status(Response.Status.FOUND)
            .location(auth.redirect())
            .header("Cache-Control", "no-store")
            .header("Referrer-Policy", "no-referrer")
            .build();
      }
      return pages.storeThenRedirect(
          auth, auth.platform().profile().storageOrigin(auth.platform().issuer()));
    } catch (LaunchRefusedException e) {
      refusals.record(e, null);
      return pages.refused(e);
    }
  }
}
