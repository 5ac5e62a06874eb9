package org.peerloop.sharepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peerloop.sharepoint.graph.GraphClient.PageWebPart;

class CohortWebPartTest {
  private static final String CODE = "PLB-7K3M-Q9TZ-4WXC-8HJN";

  private static PageWebPart part(String type, String code) {
    return new PageWebPart(
        type,
        Json.createObjectBuilder()
            .add("peerloopUrl", "https://peerloop.example.org/")
            .add(CohortWebPart.CONFIRMATION_CODE, code)
            .build());
  }

  @Test
  void theComponentIdIsTheManifests() throws Exception {
    Path manifest =
        Path.of(System.getProperty("webpart.dir", "webpart"))
            .resolve("src/webparts/peerLoopCohort/PeerLoopCohortWebPart.manifest.json");
    Matcher id =
        Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(Files.readString(manifest));
    assertTrue(id.find(), "the manifest names the web part's id");
    assertEquals(id.group(1), CohortWebPart.COMPONENT_ID);
  }

  @Test
  void onlyAPeerLoopWebPartWithTheCodeCarriesIt() {
    assertTrue(CohortWebPart.anyCarries(List.of(part(CohortWebPart.COMPONENT_ID, CODE)), CODE));
    assertTrue(
        CohortWebPart.anyCarries(
            List.of(part(CohortWebPart.COMPONENT_ID, " plb-7k3m-q9tz 4wxc-8hjn ")), CODE),
        "as a person may type it");
    assertFalse(
        CohortWebPart.anyCarries(List.of(part("daf0b71c-6de8-4ef7-b511-faae7c388708", CODE)), CODE),
        "another kind of web part");
    assertFalse(
        CohortWebPart.anyCarries(
            List.of(part(CohortWebPart.COMPONENT_ID, "PLB-7K3M-Q9TZ-4WXC-8HJM")), CODE));
    assertFalse(CohortWebPart.anyCarries(List.of(part(CohortWebPart.COMPONENT_ID, "")), ""));
    assertFalse(CohortWebPart.anyCarries(List.of(), CODE));
  }
}
