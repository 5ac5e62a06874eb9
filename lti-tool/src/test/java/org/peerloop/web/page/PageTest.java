package org.peerloop.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerloop.web.i18n.Messages;

class PageTest {

  private static String policy(Page page) {
    Response response = page.response(200, "https://tool.example/");
    return response.getHeaderString("Content-Security-Policy");
  }

  @Test
  void aSignedInPageMayBeFramedOnlyByThePlatformsOrigins() {
    String policy =
        policy(
            Page.titled("t")
                .framedOnlyBy(List.of("https://lms.example.edu", "https://sso.example.com")));

    assertTrue(
        policy.endsWith("frame-ancestors https://lms.example.edu https://sso.example.com"), policy);
    assertTrue(policy.contains("script-src 'self';"), "no inline script: " + policy);
  }

  @Test
  void noKnownOriginMeansNoFraming() {
    assertTrue(policy(Page.titled("t").framedOnlyBy(List.of())).endsWith("frame-ancestors 'none'"));
  }

  @Test
  void aPageWithNothingToActOnMayBeFramedAnywhere() {
    assertTrue(policy(Page.titled("t")).endsWith("frame-ancestors *"));
  }

  @Test
  void thePageDeclaresItsLanguageAndEscapesIt() {
    String html = Page.titled("t").lang("es-MX\"><script>").render("https://tool.example/");
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"es-MX&quot;&gt;&lt;script&gt;\">"));
    assertEquals(-1, html.indexOf("<script>"));
  }

  @Test
  void theWordsOfItsLanguageLoadBeforeItsOwnScripts() {
    String html =
        Page.titled("t")
            .messages(Messages.forLocale("es-MX"))
            .scripts("peerloop-core.js")
            .render("https://tool.example/");
    int words = html.indexOf("<script src=\"https://tool.example/static/messages/es.js\">");
    assertTrue(words > 0, html);
    assertTrue(words < html.indexOf("static/peerloop-core.js"), html);
  }
}
