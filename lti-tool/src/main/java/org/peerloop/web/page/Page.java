package org.peerloop.web.page;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.peerloop.web.i18n.Messages;

/**
 * A PeerLoop HTML page: the shared head, the body, an optional JSON data block for its script, and
 * headers that keep it safe inside an LMS iframe (no inline script, framing allowed).
 */
public final class Page {
  /**
   * Scripts and styles only from PeerLoop itself; framing by any LMS, since platforms may show the
   * tool from a host other than their issuer (Canvas issues as canvas.instructure.com).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
          + " connect-src 'self'; base-uri 'none'; frame-ancestors ";

  private final String title;
  private String lang = "en";
  private String frameAncestors = "*";
  private final StringBuilder body = new StringBuilder();
  private JsonObject data;
  private String dataId;
  private Messages messages;
  private final List<String> scripts = new ArrayList<>();

  private Page(String title) {
    this.title = title;
  }

  public static Page titled(String title) {
    return new Page(title);
  }

  /** The page's language, as a BCP 47 tag (WCAG 3.1.1). */
  public Page lang(String tag) {
    this.lang = tag;
    return this;
  }

  /**
   * Only these origins may frame the page (CSP {@code frame-ancestors}), so no other site can show
   * a signed-in tool page under its own (clickjacking). Pages without this, such as a refusal, may
   * be framed by any site: they hold nothing to act on.
   */
  public Page framedOnlyBy(Collection<String> origins) {
    this.frameAncestors = origins.isEmpty() ? "'none'" : String.join(" ", origins);
    return this;
  }

  /** Adds markup; callers escape every value with {@link Html#escape(String)}. */
  public Page html(String markup) {
    body.append(markup);
    return this;
  }

  /** Data for the page's script, in a JSON block with this element id. */
  public Page data(String id, JsonObject json) {
    this.dataId = id;
    this.data = json;
    return this;
  }

  /** The words of the page's language, for its scripts: loaded before them (see Messages). */
  public Page messages(Messages words) {
    this.messages = words;
    return this;
  }

  /** Scripts from {@code /static/}, loaded in order at the end of the body. */
  public Page scripts(String... names) {
    scripts.addAll(List.of(names));
    return this;
  }

  public String render(String baseUrl) {
    StringBuilder html = new StringBuilder(1024 + body.length());
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(Html.escape(lang))
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title><link rel=\"stylesheet\" href=\"")
        .append(Html.escape(baseUrl))
        .append("static/peerloop.css\"><link rel=\"icon\" href=\"data:,\"></head>")
        .append("<body><main id=\"peerloop\">")
        .append(body)
        .append("</main>");
    if (data != null) {
      html.append("<script type=\"application/json\" id=\"")
          .append(Html.escape(dataId))
          .append("\">")
          .append(Html.jsonForScript(data))
          .append("</script>");
    }
    if (messages != null) {
      html.append("<script src=\"")
          .append(Html.escape(baseUrl))
          .append("static/messages/")
          .append(Html.escape(messages.language()))
          .append(".js\"></script>");
    }
    for (String script : scripts) {
      html.append("<script src=\"")
          .append(Html.escape(baseUrl))
          .append("static/")
          .append(Html.escape(script))
          .append("\"></script>");
    }
    return html.append("</body></html>\n").toString();
  }

  public Response response(int status, String baseUrl) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .cacheControl(noStore)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY + frameAncestors)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .entity(render(baseUrl))
        .build();
  }
}
