package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.peerloop.settings.Settings;
import org.peerloop.web.i18n.Messages;
import org.peerloop.web.page.Html;
import org.peerloop.web.page.Page;

/**
 * The administration console's page. It holds no data and no credential: the script signs in and
 * calls the admin API with a console session token. No site may frame it ({@code frame-ancestors
 * 'none'}), so no other page can trick an administrator into clicking in it.
 */
@Path("admin")
@RequestScoped
public class ConsolePageResource {
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(
      @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
    String requested = lang != null ? lang : firstLanguage(acceptLanguage);
    Messages words = Messages.forLocale(requested);
    String tag = Messages.formatTag(requested);
    String base = settings.baseUrl().toString();
    return Page.titled(words.get("console.title"))
        .lang(tag)
        .framedOnlyBy(List.of())
        .html("<header class=\"banner\"><h1>")
        .html(Html.escape(words.get("console.title")))
        .html("</h1><p id=\"signed-in-as\" class=\"who\"></p></header>")
        .html("<nav id=\"nav\" hidden aria-label=\"")
        .html(Html.escape(words.get("console.sections")))
        .html("\"></nav><div id=\"notice\" class=\"notice\" role=\"alert\" hidden></div>")
        .html("<section id=\"app\" data-state=\"loading\"><p class=\"status\">")
        .html(Html.escape(words.get("app.loading")))
        .html("</p></section>")
        .data(
            "peerloop-launch",
            Json.createObjectBuilder()
                .add("apiBase", base + "api/")
                .add("base", base)
                .add("locale", tag)
                .build())
        .messages(words)
        .scripts("peerloop-core.js", "peerloop-admin.js")
        .response(200, base);
  }

  /** The first language of an Accept-Language header (RFC 9110 §12.5.4), or null. */
  static String firstLanguage(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String first = header.split(",")[0].split(";")[0].strip();
    return first.isEmpty() || first.equals("*") ? null : first.toLowerCase(Locale.ROOT);
  }
}
