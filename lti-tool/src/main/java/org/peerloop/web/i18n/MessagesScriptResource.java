package org.peerloop.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.peerloop.errors.NotFoundException;
import org.peerloop.web.page.StaticResource;

/**
 * A language's words as a script, {@code static/messages/<language>.js}, answered like the other
 * files the pages load ({@link StaticResource#asset}).
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
    return StaticResource.asset(words.script(), "text/javascript; charset=utf-8");
  }
}
