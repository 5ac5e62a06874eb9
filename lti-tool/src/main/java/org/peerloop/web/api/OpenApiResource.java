package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of the API, written by hand next to the resources and kept true by a
 * test that finds every resource method in it.
 */
@Path("api/openapi.yaml")
@ApplicationScoped
public class OpenApiResource {
  static final String DOCUMENT = "/org/peerloop/web/api/openapi.yaml";

  private final byte[] document = read();

  @GET
  @Produces("application/yaml")
  public Response document() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(document).cacheControl(cache).build();
  }

  private static byte[] read() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException("The OpenAPI document is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
