package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.lti.session.ToolSecrets;

/** The tool's signing keys, for IT: which are published, which signs, and rotation. */
@Path("api/admin/keys")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  @Inject ToolKeyService keys;
  @Inject ToolSecrets secrets;

  /** A version of a token secret, as the console shows it (never the secret). */
  public record SecretVersion(
      String purpose, String kid, String createdAt, String activatesAt, boolean signing) {}

  @GET
  public List<ToolKeyService.KeyView> list() {
    return keys.describePublished();
  }

  /**
   * Starts a rotation: the new key is published now and signs once platforms have had time to fetch
   * it. Calling again during a rotation returns the same new key.
   */
  @POST
  @Path("rotate")
  public ToolKeyService.KeyView rotate() {
    return keys.rotate();
  }

  /** The versions of the secrets that sign the tool's own tokens (sessions, login states, …). */
  @GET
  @Path("secrets")
  public List<SecretVersion> secretVersions() {
    return secrets.versions().stream()
        .map(
            k ->
                new SecretVersion(
                    k.purpose(),
                    k.kid(),
                    k.createdAt().toString(),
                    k.activatesAt().toString(),
                    k.kid().equals(secrets.ring(k.purpose()).currentKid())))
        .toList();
  }

  /**
   * A new version of every token secret, signing in two minutes once every node has read it; tokens
   * and links signed before keep working, so nobody is signed out.
   */
  @POST
  @Path("secrets/rotate")
  public List<SecretVersion> rotateSecrets() {
    secrets.rotate();
    return secretVersions();
  }

  /** Stops publishing a key that was replaced (its grace period is for platforms' caches). */
  @POST
  @Path("{kid}/retire")
  public List<ToolKeyService.KeyView> retire(@PathParam("kid") String kid) {
    keys.retire(kid);
    return keys.describePublished();
  }
}
