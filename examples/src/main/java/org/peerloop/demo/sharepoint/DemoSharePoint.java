package org.peerloop.demo.sharepoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's Microsoft 365: one tenant, its directory (the demo LMS's people by the same e-mail,
 * and two who are only in the organisation), the Microsoft 365 group of the learning site, and the
 * site's page with the PeerLoop web part on it. Served on {@code localhost}, another site than the
 * tool's {@code 127.0.0.1}, as SharePoint is in production.
 */
public final class DemoSharePoint {
  public static final String TENANT_ID = "3b8f1c2a-6d4e-4f7a-9b0c-5e1d2f3a4b6c";
  public static final String API_CLIENT_ID = "7d1e4f2a-3b5c-4d6e-8f9a-0b1c2d3e4f5a";
  public static final String APP_ID_URI = "api://peerloop.demo/" + API_CLIENT_ID;
  public static final String SCOPE = "user_impersonation";

  /** The SharePoint Online Client Extensibility Web Application Principal's app id. */
  public static final String WEB_PART_APP = "08e18876-6177-487e-b8b5-cf950c1e598c";

  public static final String SITE_ID = "9c7b5a3e-1f2d-4e6c-8a0b-2d4f6e8a0c1e";
  public static final String PAGE_ID = "7";
  public static final String GROUP_ID = "e2f4a6c8-0b1d-4e3f-9a5c-7b9d1f3e5a7c";

  /** The team site of {@link #GROUP_ID}, as Graph's {@code /groups/{id}/sites/root} names it. */
  public static final String GROUP_SITE_ID = "4d6e8f0a-2b3c-4d5e-9f1a-3b5c7d9e1f2a";

  /** A person of the demo tenant; {@code inGroup}: a member of the learning site's group. */
  public record DirectoryUser(String objectId, String name, String upn, boolean inGroup) {}

  public static final List<DirectoryUser> USERS =
      List.of(
          new DirectoryUser(
              "1f0c2d3e-0002-4a5b-8c6d-7e8f9a0b1c2d", "Ada Ito", "ada.ito@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0003-4a5b-8c6d-7e8f9a0b1c2d", "Ben Okafor", "ben.okafor@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0005-4a5b-8c6d-7e8f9a0b1c2d", "Dana Lee", "dana.lee@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0101-4a5b-8c6d-7e8f9a0b1c2d", "Lena Novak", "lena.novak@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0102-4a5b-8c6d-7e8f9a0b1c2d",
              "Omar Farouk",
              "omar.farouk@example.edu",
              false));

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  private final URI url;
  private final RSAKey signingKey;
  private final String graphSecret = random(24);
  private final Set<String> graphTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger graphCalls = new AtomicInteger();
  private volatile URI peerloop;

  private DemoSharePoint(int port) throws IOException {
    try {
      signingKey = new RSAKeyGenerator(2048).keyID(random(12)).generate();
    } catch (JOSEException e) {
      throw new IOException(e);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    url = URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::route);
  }

  /** Starts on loopback; port 0 for any free one. */
  public static DemoSharePoint start(int port) throws IOException {
    DemoSharePoint sharePoint = new DemoSharePoint(port);
    sharePoint.server.start();
    return sharePoint;
  }

  public void stop() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** Entra's authority and Graph's base both live here. */
  public URI url() {
    return url;
  }

  /** The SharePoint origin, to be allowed to frame PeerLoop. */
  public String origin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /**
   * The tool's settings that point it at this stand-in instead of Microsoft (the names are those of
   * the tool's SharePointSettings): Entra and Graph here, Graph read with the demo app's secret,
   * and this page allowed to frame the tool beside SharePoint Online.
   */
  public Map<String, String> toolSettings() {
    return Map.of(
        "PEERLOOP_ENTRA_AUTHORITY",
        url.toString(),
        "PEERLOOP_GRAPH_URL",
        url.toString(),
        "PEERLOOP_GRAPH_CLIENT_ID",
        API_CLIENT_ID,
        "PEERLOOP_GRAPH_CLIENT_SECRET",
        graphSecret,
        "PEERLOOP_SHAREPOINT_FRAME_ANCESTORS",
        "https://*.sharepoint.com " + origin());
  }

  public String graphSecret() {
    return graphSecret;
  }

  public int graphCalls() {
    return graphCalls.get();
  }

  /** The page with the web part. */
  public URI pageUrl() {
    return url.resolve("sites/learning/SitePages/Cohort.aspx");
  }

  /** Where the web part on the page finds PeerLoop (its property pane setting). */
  public void usePeerLoop(URI base) {
    this.peerloop = base;
  }

  public static Optional<DirectoryUser> user(String objectIdOrUpn) {
    return USERS.stream()
        .filter(u -> u.objectId().equals(objectIdOrUpn) || u.upn().equals(objectIdOrUpn))
        .findFirst();
  }

  /**
   * The claims of a delegated v2.0 access token for PeerLoop's API, as Entra issues one to the
   * SharePoint web part's principal; tests change one claim to break one rule.
   */
  public static JWTClaimsSet.Builder claims(DirectoryUser user, Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(API_CLIENT_ID)
        .issuer("https://login.microsoftonline.com/" + TENANT_ID + "/v2.0")
        .issueTime(Date.from(now.minusSeconds(30)))
        .notBeforeTime(Date.from(now.minusSeconds(30)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("aio", "demo")
        .claim("azp", WEB_PART_APP)
        .claim("azpacr", "0")
        .claim("name", user.name())
        .claim("oid", user.objectId())
        .claim("preferred_username", user.upn())
        .claim("rh", "demo")
        .claim("scp", SCOPE)
        .subject(
            UUID.nameUUIDFromBytes(user.objectId().getBytes(StandardCharsets.UTF_8)).toString())
        .claim("tid", TENANT_ID)
        .claim("uti", random(12))
        .claim("ver", "2.0");
  }

  /** The access token a user's web part gets for PeerLoop's API. */
  public String accessToken(DirectoryUser user) {
    return sign(claims(user, Instant.now()));
  }

  public String sign(JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(signingKey.getKeyID())
                  .build(),
              claims.build());
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/" + TENANT_ID + "/discovery/v2.0/keys")) {
        send(exchange, 200, "application/json", new JWKSet(signingKey.toPublicJWK()).toString());
      } else if (path.equals("/" + TENANT_ID + "/oauth2/v2.0/token")
          && "POST".equals(exchange.getRequestMethod())) {
        token(exchange);
      } else if (path.equals("/v1.0/groups/" + GROUP_ID + "/members")
          || path.equals("/v1.0/groups/" + GROUP_ID + "/transitiveMembers")) {
        members(exchange);
      } else if (path.equals("/v1.0/groups/" + GROUP_ID + "/sites/root")) {
        groupSite(exchange);
      } else if (path.equals(pageUrl().getPath())) {
        page(exchange);
      } else {
        send(
            exchange,
            404,
            "application/json",
            "{\"error\":{\"code\":\"NotFound\",\"message\":\"Not here\"}}");
      }
    }
  }

  /** OAuth 2.0 client credentials, as Entra's v2.0 endpoint answers them. */
  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readNBytes(16 * 1024), StandardCharsets.UTF_8));
    if (!API_CLIENT_ID.equals(form.get("client_id"))
        || !graphSecret.equals(form.get("client_secret"))
        || !"client_credentials".equals(form.get("grant_type"))) {
      send(
          exchange,
          401,
          "application/json",
          "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
      return;
    }
    String token = random(32);
    graphTokens.add(token);
    send(
        exchange,
        200,
        "application/json",
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
            + token
            + "\"}");
  }

  /** Counts a Graph call and answers 401 as Graph does when it carries no token Graph issued. */
  private boolean graphCall(HttpExchange exchange) throws IOException {
    graphCalls.incrementAndGet();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !graphTokens.contains(auth.replaceFirst("^Bearer ", ""))) {
      send(
          exchange,
          401,
          "application/json",
          "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure.\"}}");
      return false;
    }
    return true;
  }

  /** The group's team site in Graph's shape (v1.0 site resource, with its SharePoint ids). */
  private void groupSite(HttpExchange exchange) throws IOException {
    if (!graphCall(exchange)) {
      return;
    }
    String web = "0b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
    send(
        exchange,
        200,
        "application/json",
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#sites(id,sharepointIds)/$entity\","
            + "\"id\":\"example.sharepoint.com,"
            + GROUP_SITE_ID
            + ","
            + web
            + "\",\"sharepointIds\":{\"siteId\":\""
            + GROUP_SITE_ID
            + "\",\"webId\":\""
            + web
            + "\"}}");
  }

  /** The group's members in Graph's shape: users, and a nested group's entry. */
  private void members(HttpExchange exchange) throws IOException {
    if (!graphCall(exchange)) {
      return;
    }
    StringBuilder value = new StringBuilder();
    for (DirectoryUser user : USERS) {
      if (!user.inGroup()) {
        continue;
      }
      value
          .append(value.length() == 0 ? "" : ",")
          .append("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"")
          .append(user.objectId())
          .append("\",\"displayName\":\"")
          .append(user.name())
          .append("\",\"mail\":\"")
          .append(user.upn())
          .append("\",\"userPrincipalName\":\"")
          .append(user.upn())
          .append("\"}");
    }
    value.append(
        ",{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\",\"displayName\":\"Facilitators\"}");
    send(
        exchange,
        200,
        "application/json",
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects\",\"value\":["
            + value
            + "]}");
  }

  /** The SharePoint page: pick a person, then the web part does its work for them. */
  private void page(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    Optional<DirectoryUser> user =
        Optional.ofNullable(query.get("user")).flatMap(DemoSharePoint::user);
    if (user.isEmpty() || peerloop == null) {
      StringBuilder list = new StringBuilder();
      for (DirectoryUser u : USERS) {
        list.append("<li><a href=\"?user=")
            .append(u.objectId())
            .append("\">")
            .append(escape(u.name()))
            .append("</a> ")
            .append(escape(u.upn()))
            .append(u.inGroup() ? "" : " (not in the site's group)")
            .append("</li>");
      }
      send(
          exchange,
          200,
          "text/html; charset=utf-8",
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Learning site - Cohort</title></head>"
              + "<body><h1>Learning site (SharePoint stand-in)</h1><p>Sign in to Microsoft 365 as:</p><ul>"
              + list
              + "</ul></body></html>");
      return;
    }
    String config =
        "{\"peerloop\":\""
            + peerloop
            + "\",\"token\":\""
            + accessToken(user.get())
            + "\",\"siteId\":\""
            + SITE_ID
            + "\",\"pageId\":\""
            + PAGE_ID
            + "\"}";
    send(
        exchange,
        200,
        "text/html; charset=utf-8",
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Learning site - Cohort</title>"
            + "<style>body{font-family:sans-serif;margin:1rem}iframe{border:0;width:100%;min-height:720px}</style></head>"
            + "<body><h1>Learning site</h1><p id=\"signed-in\">Signed in to Microsoft 365 as "
            + escape(user.get().name())
            + "</p>"
            + "<div id=\"webpart\" data-state=\"connecting\"><p>Opening your cohort…</p></div>"
            + "<script type=\"application/json\" id=\"webpart-config\">"
            + config
            + "</script>"
            + "<script>"
            + WEB_PART_SCRIPT
            + "</script></body></html>");
  }

  /**
   * What the PeerLoop web part does on the page (webpart/src: session.ts and handOver.ts), in plain
   * script: exchange the access token for a session, frame PeerLoop's page, hand it the session.
   */
  private static final String WEB_PART_SCRIPT =
      "(function(){var c=JSON.parse(document.getElementById('webpart-config').textContent);"
          + "var box=document.getElementById('webpart');"
          + "function say(state,text){box.setAttribute('data-state',state);box.textContent=text;}"
          + "fetch(c.peerloop+'api/sharepoint/session',{method:'POST',credentials:'omit',"
          + "headers:{'Authorization':'Bearer '+c.token,'Content-Type':'application/json','Accept':'application/json'},"
          + "body:JSON.stringify({siteId:c.siteId,pageId:c.pageId})})"
          + ".then(function(r){return r.json().then(function(b){return {status:r.status,body:b};});})"
          + ".then(function(a){if(a.status!==200){say(a.body.reason||'failed',"
          + "a.body.reason==='page-not-bound'?'This page is not linked to a cohort space yet. Ask the course facilitator to link it in PeerLoop (Settings, SharePoint pages): tenant "
          + TENANT_ID
          + ", site '+c.siteId+', page '+c.pageId+'.':(a.body.detail||a.body.reason));return;}"
          + "var s=a.body,origin=new URL(s.frameUrl).origin,f=document.createElement('iframe');"
          + "f.title=s.spaceTitle;f.src=s.frameUrl+'?lang=en';"
          + "window.addEventListener('message',function(e){if(e.source!==f.contentWindow||e.origin!==origin||!e.data||e.data.subject!=='peerloop.ready'){return;}"
          + "f.contentWindow.postMessage({subject:'peerloop.session',token:s.token,expiresAt:s.expiresAt},origin);});"
          + "box.textContent='';box.appendChild(f);box.setAttribute('data-state','framed');},"
          + "function(){say('failed','PeerLoop could not be reached');});})();";

  private static Map<String, String> form(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
