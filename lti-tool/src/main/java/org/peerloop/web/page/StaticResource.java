package org.peerloop.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.errors.NotFoundException;

/**
 * The pages' scripts and styles, from the class path. Only plain file names are served, so no path
 * can climb out of the folder.
 */
@Path("static")
@ApplicationScoped
public class StaticResource {
  private static final String FOLDER = "/org/peerloop/web/static/";
  private static final Map<String, String> TYPES =
      Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  @GET
  @Path("{name: [a-z0-9-]+\\.(js|css)}")
  public Response file(@PathParam("name") String name) {
    byte[] content = cache.computeIfAbsent(name, StaticResource::read);
    if (content.length == 0) {
      throw new NotFoundException("static-file-not-found", "No static file " + name);
    }
    return asset(content, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
  }

  /** A file the pages load, answered the way all of them are: kept by browsers for 5 minutes. */
  public static Response asset(byte[] content, String type) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(content)
        .type(type)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticResource.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
