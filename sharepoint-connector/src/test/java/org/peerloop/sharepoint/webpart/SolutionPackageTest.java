package org.peerloop.sharepoint.webpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens the {@code .sppkg} the web part's build made (it runs before the tests, see the POM) as the
 * SharePoint app catalog would: the web part is in it under its manifest's id, and the package asks
 * for PeerLoop's API with the {@code user_impersonation} scope, which is what an administrator
 * approves under API access. Skipped only with {@code -Dwebpart.skip}, never in CI.
 */
class SolutionPackageTest {
  private static final Path WEBPART = Path.of(System.getProperty("webpart.dir", "webpart"));
  private static final Map<String, byte[]> entries = new TreeMap<>();

  @BeforeAll
  static void unzip() throws IOException {
    assumeFalse(
        Boolean.getBoolean("webpart.skip"), "the web part's build was skipped (-Dwebpart.skip)");
    Path sppkg = WEBPART.resolve("sharepoint/solution/peerloop-webpart.sppkg");
    assertTrue(Files.isRegularFile(sppkg), sppkg + " was built");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(sppkg))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
  }

  private static String webPartId() throws IOException {
    String manifest =
        Files.readString(
            WEBPART.resolve("src/webparts/peerLoopCohort/PeerLoopCohortWebPart.manifest.json"));
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(manifest);
    assertTrue(id.find(), "the manifest names the web part's id");
    return id.group(1);
  }

  private static Document xml(String name) throws Exception {
    byte[] bytes = entries.get(name);
    assertTrue(bytes != null, name + " is in the package: " + entries.keySet());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  @Test
  void holdsTheWebPartUnderItsManifestId() throws Exception {
    String id = webPartId();
    String name =
        entries.keySet().stream()
            .filter(n -> n.endsWith("/WebPart_" + id + ".xml"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no WebPart_" + id + ".xml in " + entries.keySet()));
    String feature = new String(entries.get(name), StandardCharsets.UTF_8);
    assertTrue(feature.contains(id), feature);
    assertTrue(
        entries.keySet().stream()
            .anyMatch(n -> n.startsWith("ClientSideAssets/peer-loop-cohort-web-part_")),
        "the bundle is included in the package: " + entries.keySet());
  }

  @Test
  void asksForPeerLoopsApiWithTheUserImpersonationScope() throws Exception {
    Document app = xml("AppManifest.xml");
    NodeList requests = app.getElementsByTagNameNS("*", "WebApiPermissionRequest");
    assertEquals(1, requests.getLength());
    Element request = (Element) requests.item(0);
    assertEquals("PeerLoop", request.getAttribute("ResourceId"));
    assertEquals("user_impersonation", request.getAttribute("Scope"));
    assertEquals("true", app.getDocumentElement().getAttribute("IsClientSideSolution"));
  }
}
