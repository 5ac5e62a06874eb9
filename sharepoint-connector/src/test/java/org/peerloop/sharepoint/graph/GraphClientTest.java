package org.peerloop.sharepoint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph client against a local server answering with response bodies of the shapes Microsoft
 * Graph v1.0 and Entra's token endpoint send (recorded in {@code src/test/resources/graph}).
 */
class GraphClientTest {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private HttpServer server;
  private String base;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> tokenForms = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = new ArrayList<>();

  record Answer(int status, String resource, Map<String, String> headers) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    server.createContext(
        "/" + TENANT + "/oauth2/v2.0/token",
        exchange -> {
          tokenForms.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          respond(exchange, new Answer(200, "token.json", Map.of()));
        });
    server.createContext(
        "/v1.0/",
        exchange -> {
          requests.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          Answer answer;
          synchronized (answers) {
            answer = answers.poll();
          }
          respond(exchange, answer == null ? new Answer(500, "throttled.json", Map.of()) : answer);
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void respond(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/graph/" + answer.resource())) {
      body =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("{base}", base)
              .getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private GraphClient client(AppCredential credential) {
    GraphHttp http =
        new GraphHttp(HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    return new GraphClient(
        http, URI.create(base), new AppTokens(http, URI.create(base), TENANT, credential));
  }

  private GraphClient client() {
    return client(new AppCredential.Secret("6e74172b-be56-4843-9ff4-e66a39bb12e3", "s3cr3t~value"));
  }

  private void answer(int status, String resource) {
    answer(status, resource, Map.of());
  }

  private void answer(int status, String resource, Map<String, String> headers) {
    answers.add(new Answer(status, resource, headers));
  }

  @Test
  void followsNextLinksKeepsUsersOnlyAndReportsMissingProperties() throws Exception {
    answer(200, "members-page-1.json");
    answer(200, "members-page-2.json");

    GroupRoster roster = client().groupMembers(GROUP, false);

    assertEquals(
        java.util.Arrays.asList("Adele Vance", "Johanna Lorenz", "Megan Bowen", null),
        roster.users().stream().map(GraphUser::displayName).toList());
    assertEquals(List.of("e3d0513b-449e-4198-ba6f-bd97ae7cae85"), roster.incomplete());
    assertEquals(3, roster.otherMembers(), "a group, a device and a contact");
    assertEquals(2, roster.pages());

    assertEquals(2, requests.size());
    String first = URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
    assertTrue(
        first.startsWith(
            "/v1.0/groups/"
                + GROUP
                + "/members?$select=id,displayName,mail,userPrincipalName&$top=999 Bearer ey"),
        first);
    // The next link is used verbatim, skip token and all.
    assertTrue(requests.get(1).contains("$skiptoken=RFNwdAIAAQAAAB86"), requests.get(1));
    // One application token served both pages.
    assertEquals(1, tokenForms.size());
    String form = URLDecoder.decode(tokenForms.get(0), StandardCharsets.UTF_8);
    assertTrue(form.contains("grant_type=client_credentials"), form);
    assertTrue(form.contains("scope=https://graph.microsoft.com/.default"), form);
    assertTrue(form.contains("client_secret=s3cr3t~value"), form);
  }

  @Test
  void readsTransitiveMembersOnceEach() throws Exception {
    answer(200, "transitive-members.json");

    GroupRoster roster = client().groupMembers(GROUP, true);

    assertTrue(requests.get(0).startsWith("/v1.0/groups/" + GROUP + "/transitiveMembers?"));
    assertEquals(
        List.of("Adele Vance", "Lee Gu"),
        roster.users().stream().map(GraphUser::displayName).toList());
    assertEquals(1, roster.otherMembers());
    assertTrue(roster.incomplete().isEmpty());
  }

  @Test
  void waitsAsThrottlingAsksAndGoesOn() throws Exception {
    answer(200, "members-page-1.json");
    answer(429, "throttled.json", Map.of("Retry-After", "7"));
    answer(503, "throttled.json", Map.of("Retry-After", "Fri, 04 Dec 2026 10:00:03 GMT"));
    answer(200, "members-page-2.json");

    GroupRoster roster = client().groupMembers(GROUP, false);

    assertEquals(4, roster.users().size());
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(3)), waits);
    assertEquals(requests.get(1), requests.get(2), "the throttled page is asked again");
  }

  @Test
  void givesUpWhenThrottlingDoesNotEnd() {
    for (int i = 0; i < GraphHttp.MAX_ATTEMPTS; i++) {
      answer(429, "throttled.json", Map.of("Retry-After", "3600"));
    }
    GraphException e =
        assertThrows(GraphException.class, () -> client().groupMembers(GROUP, false));
    assertEquals("graph-throttled", e.code());
    assertEquals(GraphHttp.MAX_ATTEMPTS - 1, waits.size());
    assertTrue(waits.stream().allMatch(w -> w.equals(GraphHttp.MAX_WAIT)), "waits are capped");
  }

  /** Which site a group's is: how PeerLoop checks a site's group audience before reading it. */
  @Test
  void namesTheSiteOfAGroupAndNoneForAGroupWithout() throws Exception {
    answer(200, "group-site.json");
    assertEquals(
        java.util.Optional.of("2c712604-1370-44e7-a1f5-426573fda80a"), client().groupSiteId(GROUP));
    assertTrue(requests.get(requests.size() - 1).contains("/groups/" + GROUP + "/sites/root"));
    answer(404, "not-found.json");
    assertEquals(java.util.Optional.empty(), client().groupSiteId(GROUP));
    assertThrows(GraphException.class, () -> client().groupSiteId("not-a-guid"));
  }

  private static final String SITE = "2c712604-1370-44e7-a1f5-426573fda80a";
  private static final String PAGES_LIST = "b8d3e5f1-2a4c-4e6b-8d0f-1a3c5e7f9b2d";
  private static final URI WEB = URI.create("https://contoso.sharepoint.com/sites/learning");

  /**
   * A page's web parts, found from what the web part's page context says: the site by its web's
   * path, the page by its list item's unique id. How PeerLoop reads a confirmation code back.
   */
  @Test
  void readsThePropertiesOfAPagesWebParts() throws Exception {
    answer(200, "page-site.json");
    answer(200, "page-item.json");
    answer(200, "page-webparts.json");
    List<GraphClient.PageWebPart> parts =
        client().webPartsOfPage(SITE, WEB, PAGES_LIST, "7").orElseThrow();
    assertEquals(1, parts.size(), "the text web part has no properties");
    assertEquals("aa8862a1-1ec0-46dc-a659-405d7d94c5a3", parts.get(0).type());
    assertEquals(
        "PLB-7K3M-Q9TZ-4WXC-8HJN", parts.get(0).properties().getString("confirmationCode"));
    assertTrue(requests.get(0).startsWith("/v1.0/sites/contoso.sharepoint.com:/sites/learning?"));
    String composite =
        "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe";
    assertTrue(
        requests
            .get(1)
            .startsWith("/v1.0/sites/" + composite + "/lists/" + PAGES_LIST + "/items/7?"),
        requests.get(1));
    assertTrue(
        requests
            .get(2)
            .startsWith(
                "/v1.0/sites/"
                    + composite
                    + "/pages/6f1e0c2b-9a7d-4e3f-b5c1-2d4e6f8a0b1c/microsoft.graph.sitePage/webParts "),
        requests.get(2));
  }

  /** The hints a caller sends cannot name a page elsewhere than in the site collection claimed. */
  @Test
  void findsNoPageOutsideTheRootWebOfTheSiteOrOutsideItsPages() throws Exception {
    answer(200, "page-site.json");
    assertEquals(
        java.util.Optional.empty(),
        client().webPartsOfPage("9c7b5a3e-1f2d-4e6c-8a0b-2d4f6e8a0c1e", WEB, PAGES_LIST, "7"),
        "another site collection's web");
    answer(200, "page-subsite.json");
    assertEquals(
        java.util.Optional.empty(),
        client().webPartsOfPage(SITE, URI.create(WEB + "/projects"), PAGES_LIST, "7"),
        "a subsite, whose item 7 is another page");
    answer(200, "page-site.json");
    answer(404, "not-found.json");
    assertEquals(
        java.util.Optional.empty(),
        client().webPartsOfPage(SITE, WEB, PAGES_LIST, "8"),
        "no such item");
    answer(200, "page-site.json");
    answer(200, "page-item.json");
    answer(404, "not-found.json");
    assertEquals(
        java.util.Optional.empty(),
        client().webPartsOfPage(SITE, WEB, PAGES_LIST, "7"),
        "an item that is not a page");
    for (URI bad :
        List.of(
            URI.create("http://contoso.sharepoint.com/sites/learning"),
            URI.create("https://contoso.sharepoint.com/sites/learning?x=1/../../users"),
            URI.create("https://contoso.sharepoint.com/sites/a%2F..%2F..%2Fusers/../x"),
            URI.create("https://user@contoso.sharepoint.com:443/sites/learning#f"))) {
      int before = requests.size();
      GraphException refused =
          assertThrows(
              GraphException.class,
              () -> client().webPartsOfPage(SITE, bad, PAGES_LIST, "7"),
              bad.toString());
      assertEquals("graph-page-id", refused.code());
      assertEquals(before, requests.size(), "nothing was asked of Graph for " + bad);
    }
    assertThrows(
        GraphException.class, () -> client().webPartsOfPage(SITE, WEB, PAGES_LIST, "7/../../x"));
    assertThrows(GraphException.class, () -> client().webPartsOfPage(SITE, WEB, "../users", "7"));
  }

  @Test
  void explainsMissingPermission() {
    answer(403, "forbidden.json");
    GraphException e =
        assertThrows(GraphException.class, () -> client().groupMembers(GROUP, false));
    assertEquals("graph-permission", e.code());
    assertTrue(e.getMessage().contains("Authorization_RequestDenied"), e.getMessage());
  }

  @Test
  void asksForAFreshTokenOnceWhenGraphRefusesIt() throws Exception {
    answer(401, "forbidden.json");
    answer(200, "members-page-2.json");
    assertEquals(2, client().groupMembers(GROUP, false).users().size());
    assertEquals(2, tokenForms.size());
  }

  @Test
  void neverSendsTheTokenOffTheGraphHost() {
    GraphClient client = client();
    answer(200, "members-page-1.json");
    // The page's next link now leads to another host.
    base = "http://graph.example.net/";
    GraphException e = assertThrows(GraphException.class, () -> client.groupMembers(GROUP, false));
    assertEquals("graph-unreadable", e.code());
    assertEquals(1, requests.size(), "the foreign next link was not followed");
  }

  @Test
  void refusesAGroupIdThatIsNotAGuid() {
    GraphException e =
        assertThrows(GraphException.class, () -> client().groupMembers("../users", false));
    assertEquals("graph-group-id", e.code());
    assertTrue(requests.isEmpty());
  }

  @Test
  void signsAClientAssertionWithTheCertificate() throws Exception {
    SelfSigned pair = SelfSigned.generate();
    answer(200, "members-page-2.json");

    client(
            new AppCredential.Certificate(
                "6e74172b-be56-4843-9ff4-e66a39bb12e3", pair.privateKey(), pair.certificate()))
        .groupMembers(GROUP, false);

    Map<String, String> form =
        java.util.Arrays.stream(tokenForms.get(0).split("&"))
            .map(p -> p.split("=", 2))
            .collect(
                Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    assertFalse(form.containsKey("client_secret"));
    assertEquals(
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        form.get("client_assertion_type"));
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertTrue(
        assertion.verify(
            new com.nimbusds.jose.crypto.RSASSAVerifier(
                (java.security.interfaces.RSAPublicKey) pair.certificate().getPublicKey())));
    assertEquals(
        List.of(base + TENANT + "/oauth2/v2.0/token"), assertion.getJWTClaimsSet().getAudience());
    assertEquals("6e74172b-be56-4843-9ff4-e66a39bb12e3", assertion.getJWTClaimsSet().getIssuer());
    assertEquals("6e74172b-be56-4843-9ff4-e66a39bb12e3", assertion.getJWTClaimsSet().getSubject());
    assertTrue(assertion.getHeader().getX509CertSHA256Thumbprint() != null);
  }

  @Test
  void credentialsNeverShowTheirSecret() {
    assertFalse(new AppCredential.Secret("app", "s3cr3t~value").toString().contains("s3cr3t"));
  }
}
