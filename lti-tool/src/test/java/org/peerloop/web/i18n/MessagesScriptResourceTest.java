package org.peerloop.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.NotFoundException;

/** A language's words as the script pages load before their own. */
class MessagesScriptResourceTest {
  private final MessagesScriptResource resource = new MessagesScriptResource();

  private static String body(Response response) {
    return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
  }

  @Test
  void servesEveryLanguageAsAScriptBrowsersMayKeep() {
    for (String language : Messages.LANGUAGES) {
      Response response = resource.script(language);

      assertEquals(200, response.getStatus());
      assertTrue(response.getMediaType().isCompatible(new MediaType("text", "javascript")));
      assertTrue(response.getHeaderString("Cache-Control").contains("max-age=300"));
      String script = body(response);
      assertTrue(script.startsWith("window.PeerLoopMessages = {\""), script.substring(0, 40));
      assertTrue(
          script.contains(
              "\"app.title\":\"" + Messages.forLocale(language).get("app.title") + "\""));
    }
  }

  @Test
  void wordsCannotCloseTheScriptTheyAreIn() {
    String script = body(resource.script("en"));
    assertEquals(-1, script.indexOf('<'), "markup is written as JSON escapes");
  }

  @Test
  void aLanguageWithoutABundleIsNotFound() {
    assertThrows(NotFoundException.class, () -> resource.script("xx"));
  }
}
