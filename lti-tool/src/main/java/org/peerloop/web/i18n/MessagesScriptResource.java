package org.peerloop.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.peerloop.errors.NotFoundException;

/**
 * A language's words as a script, {@code static/messages/<language>.js}, cached by browsers as long
 * as the other static files (see {@code StaticResource}).
 */
@Path("static/messages")
@ApplicationScoped
public class MessagesScriptResource {

  @GET
  @Path("{language: [a-z]{2}}.js")
  public Response script(@PathParam("language") String language) {
    Messages words =
        Messages.ofLanguage(language)
            .orElseThrow(
                () -> new NotFoundException("language-not-found", "No messages in " + language));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(words.script())
        .type("text/javascript; charset=utf-8")
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
