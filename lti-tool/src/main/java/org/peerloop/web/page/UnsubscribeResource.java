package org.peerloop.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.peerloop.notifications.MailChoices;
import org.peerloop.settings.Settings;
import org.peerloop.web.i18n.Messages;

/**
 * The unsubscribe link of every e-mail, without signing in: opening it asks (mail scanners open
 * links, and must not unsubscribe anyone); the button, or the mail client's one-click POST (RFC
 * 8058), turns the member's e-mails off.
 */
@Path("mail/unsubscribe")
@RequestScoped
public class UnsubscribeResource {
  @Inject MailChoices choices;
  @Inject Settings settings;

  @GET
  public Response ask(@QueryParam("t") String token) {
    OptionalLong member = choices.memberOf(token);
    if (member.isEmpty()) {
      return invalid();
    }
    Messages words = Messages.forLocale(choices.localeOf(member.getAsLong()));
    return page(words)
        .html("<p>")
        .html(Html.escape(words.get("unsubscribe.ask")))
        .html("</p><form method=\"post\"><input type=\"hidden\" name=\"t\" value=\"")
        .html(Html.escape(token))
        .html("\"><button type=\"submit\" class=\"primary\">")
        .html(Html.escape(words.get("unsubscribe.button")))
        .html("</button></form>")
        .response(200, settings.baseUrl().toString());
  }

  /**
   * The button's form, or a mail client's {@code List-Unsubscribe=One-Click} with the link's query.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response unsubscribe(@FormParam("t") String formToken, @QueryParam("t") String linkToken) {
    String token = formToken != null ? formToken : linkToken;
    OptionalLong member = choices.memberOf(token);
    if (member.isEmpty()) {
      return invalid();
    }
    Messages words = Messages.forLocale(choices.unsubscribe(member.getAsLong()));
    return page(words)
        .html("<p role=\"status\">")
        .html(Html.escape(words.get("unsubscribe.done")))
        .html("</p>")
        .response(200, settings.baseUrl().toString());
  }

  /** RFC 8058 §3.1: mail clients SHOULD send the one-click POST as multipart/form-data. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response unsubscribeOneClick(@QueryParam("t") String linkToken) {
    return unsubscribe(null, linkToken);
  }

  private Response invalid() {
    Messages words = Messages.forLocale(null);
    return page(words)
        .html("<p role=\"alert\">")
        .html(Html.escape(words.get("unsubscribe.invalid")))
        .html("</p>")
        .response(400, settings.baseUrl().toString());
  }

  private static Page page(Messages words) {
    return Page.titled(words.get("unsubscribe.title"))
        .lang(words.language())
        .framedOnlyBy(java.util.List.of())
        .html("<h1>")
        .html(Html.escape(words.get("unsubscribe.title")))
        .html("</h1>");
  }
}
