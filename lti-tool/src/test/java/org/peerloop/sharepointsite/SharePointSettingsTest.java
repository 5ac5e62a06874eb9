package org.peerloop.sharepointsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerloop.settings.InvalidSettingsException;

class SharePointSettingsTest {
  private static SharePointSettings load(Map<String, String> values) {
    return SharePointSettings.load(values::get);
  }

  @Test
  void defaultsToMicrosoftsPublicCloudAndSharePointOnline() {
    SharePointSettings settings = load(Map.of());
    assertEquals(URI.create("https://login.microsoftonline.com/"), settings.authority());
    assertEquals(URI.create("https://graph.microsoft.com/"), settings.graph());
    assertEquals(List.of("https://*.sharepoint.com"), settings.frameAncestors());
    assertFalse(settings.readsRosters());
  }

  @Test
  void readsAGraphCredential() {
    SharePointSettings settings =
        load(
            Map.of(
                SharePointSettings.GRAPH_CLIENT_ID, "6e74172b-be56-4843-9ff4-e66a39bb12e3",
                SharePointSettings.GRAPH_CLIENT_SECRET, "s3cr3t~value",
                SharePointSettings.AUTHORITY, "http://127.0.0.1:9000"));
    assertTrue(settings.readsRosters());
    assertEquals(URI.create("http://127.0.0.1:9000/"), settings.authority());
    assertFalse(settings.toString().contains("s3cr3t"), "the secret is never printed");
  }

  @Test
  void namesEveryProblemAtOnce() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    Map.of(
                        SharePointSettings.GRAPH_URL, "ftp://graph",
                        SharePointSettings.GRAPH_CLIENT_SECRET, "s",
                        SharePointSettings.GRAPH_CERTIFICATE, "/etc/app.pem",
                        SharePointSettings.FRAME_ANCESTORS,
                            "https://*.sharepoint.com javascript:x")));
    String message = e.getMessage();
    assertTrue(message.contains(SharePointSettings.GRAPH_URL), message);
    assertTrue(message.contains("not both"), message);
    assertTrue(message.contains("set both or neither"), message);
    assertTrue(message.contains("javascript:x"), message);
  }
}
