package org.peerloop.web.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peerloop.lti.launch.AuthenticationRequest;
import org.peerloop.lti.launch.LaunchBinding;
import org.peerloop.lti.launch.LaunchOutcome;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.platform.WebOrigin;
import org.peerloop.settings.Settings;
import org.peerloop.web.i18n.Messages;
import org.peerloop.web.page.Html;
import org.peerloop.web.page.Page;

/** The pages of a launch, as the person sees them inside the course. */
@ApplicationScoped
public class LaunchPages {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} searches the service loader on every call,
   * which showed as a hot spot in the launch benchmark.
   */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject Settings settings;

  private String base() {
    return settings.baseUrl().toString();
  }

  /**
   * Stores the nonce in the platform's storage frame, then goes on to the platform (LTI Client-Side
   * postMessages, {@code lti.put_data}).
   */
  public Response storeThenRedirect(AuthenticationRequest auth, String storageOrigin) {
    // The login request carries no locale; the launch that follows does.
    Messages words = Messages.forLocale(null);
    return Page.titled(words.get("app.title"))
        .html("<p class=\"status\" role=\"status\">")
        .html(Html.escape(words.get("app.opening")))
        .html("</p><noscript><p>")
        .html(Html.escape(words.get("app.needsScript")))
        .html("</p></noscript>")
        .data(
            "peerloop-login",
            JSON.createObjectBuilder()
                .add("authUrl", auth.redirect().toString())
                .add("key", LaunchBinding.storageKey(auth.state()))
                .add("value", auth.binding())
                .add("target", auth.storageTarget())
                .add("origin", storageOrigin)
                .build())
        .scripts("lti-platform-storage.js", "lti-login.js")
        .response(200, base());
  }

  /** The tool, signed in: the page holds its session token and takes it from there. */
  public Response signedIn(LaunchOutcome.Session session, String launchOrigin) {
    JsonObjectBuilder data =
        JSON.createObjectBuilder()
            .add("apiBase", base() + "api/")
            .add("token", session.token())
            .add("expiresAt", session.expiresAt().toString());
    if (session.deepLinkingTicket() != null) {
      data.add("deepLinking", session.deepLinkingTicket());
    }
    return shell(
        data,
        framers(session, launchOrigin),
        session.locale(),
        session.personName(),
        session.courseTitle());
  }

  /**
   * The tool on a SharePoint page: the web part frames it and hands it the session by postMessage,
   * which the page takes only from its parent and only from one of these origins.
   */
  public Response awaitingSession(java.util.List<String> origins, String locale) {
    JsonObjectBuilder data =
        JSON.createObjectBuilder()
            .add("apiBase", base() + "api/")
            .add(
                "awaitSession",
                JSON.createObjectBuilder().add("origins", JSON.createArrayBuilder(origins)));
    return shell(data, new TreeSet<>(origins), locale, null, null);
  }

  /** The tool before its session: the page first proves it is the browser that logged in. */
  public Response binding(LaunchOutcome.NeedsBinding binding, String launchOrigin) {
    JsonObjectBuilder data =
        JSON.createObjectBuilder()
            .add("apiBase", base() + "api/")
            .add("bindUrl", base() + "lti/launch/bind")
            .add("ticket", binding.ticket())
            .add("key", LaunchBinding.storageKey(binding.state()))
            .add("target", binding.storageTarget())
            .add("origin", binding.storageOrigin());
    return shell(data, framers(binding, launchOrigin), binding.locale(), null, null);
  }

  /**
   * The page's frame: the course title, who is signed in, the sections, a place for problems and
   * one for announcements to screen readers, then the view the scripts render.
   */
  /**
   * Who may frame the signed-in page: the platform's own origins, and the origin its launch was
   * posted from (the browser sets it; Canvas posts from the institution's host, not its issuer's).
   * The launch passed validation, so that page belongs to the platform's sign-in flow.
   */
  private static Set<String> framers(LaunchOutcome outcome, String launchOrigin) {
    Set<String> origins = new TreeSet<>(outcome.frameOrigins());
    WebOrigin.of(launchOrigin).ifPresent(origins::add);
    return origins;
  }

  private Response shell(
      JsonObjectBuilder data,
      Set<String> framers,
      String locale,
      String personName,
      String courseTitle) {
    Messages words = Messages.forLocale(locale);
    String tag = Messages.formatTag(locale);
    data.add("locale", tag);
    String heading = courseTitle == null ? words.get("app.title") : courseTitle;
    String signedIn =
        personName == null ? "" : words.get("app.signedInAs", Map.of("name", personName));
    return Page.titled(words.get("app.title"))
        .lang(tag)
        .framedOnlyBy(framers)
        .html("<header class=\"banner\"><h1 id=\"course-title\">")
        .html(Html.escape(heading))
        .html("</h1><p id=\"signed-in-as\" class=\"who\">")
        .html(Html.escape(signedIn))
        .html("</p></header><nav id=\"nav\" hidden aria-label=\"")
        .html(Html.escape(words.get("app.sections")))
        .html("\"></nav><div id=\"notice\" class=\"notice\" role=\"alert\" hidden></div>")
        .html("<div id=\"live\" class=\"visually-hidden\" aria-live=\"polite\"></div>")
        .html("<section id=\"app\"><p class=\"status\">")
        .html(Html.escape(words.get("app.loading")))
        .html("</p></section>")
        .data("peerloop-launch", data.build())
        .messages(words)
        .scripts(
            "lti-platform-storage.js",
            "peerloop-core.js",
            "peerloop-editor.js",
            "peerloop-posts.js",
            "peerloop-cohort.js",
            "peerloop-manage.js",
            "peerloop-placement.js",
            "peerloop-sync.js",
            "peerloop-insights.js",
            "peerloop-notices.js",
            "peerloop-app.js")
        .response(200, base());
  }

  /** A refused login, or a launch refused before its token was read: in English. */
  public Response refused(LaunchRefusedException e) {
    return refused(e, null);
  }

  /**
   * A refused launch: a sentence for the person, in their language when the launch said it, and the
   * code for their administrator.
   */
  public Response refused(LaunchRefusedException e, String locale) {
    Messages words = Messages.forLocale(locale);
    String code = e.refusal().code();
    return Page.titled(words.get("refusal.heading"))
        .lang(Messages.formatTag(locale))
        .html("<section class=\"refusal\" role=\"alert\"><h1>")
        .html(Html.escape(words.get("refusal.heading")))
        .html("</h1><p>")
        .html(Html.escape(words.get("refusal." + code)))
        .html("</p><p class=\"code\">")
        .html(Html.escape(words.get("refusal.code")))
        .html(" <code id=\"reason\">")
        .html(Html.escape(code))
        .html("</code></p><p class=\"hint\">")
        .html(Html.escape(words.get("refusal.hint")))
        .html("</p></section>")
        .response(e.refusal().status(), base());
  }
}
