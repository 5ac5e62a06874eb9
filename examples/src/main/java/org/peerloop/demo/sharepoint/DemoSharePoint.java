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
 * site's page with the PeerLoop web part on it, which the site's owner can edit (its web part's
 * properties, as Graph then lists them). Served on {@code localhost}, another site than the tool's
 * {@code 127.0.0.1}, as SharePoint is in production. Graph's answers have the shapes of Graph
 * v1.0's.
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

  /** SharePoint Online's host of the tenant, as page contexts and Graph name it. */
  public static final String SHAREPOINT_HOST = "example.sharepoint.com";

  /** The sites' webs, as {@code pageContext.web.absoluteUrl} gives them. */
  public static final Map<String, String> WEB_URLS =
      Map.of(
          SITE_ID,
          "https://" + SHAREPOINT_HOST + "/sites/learning",
          GROUP_SITE_ID,
          "https://" + SHAREPOINT_HOST + "/sites/practice");

  /** Each site's pages library ({@code pageContext.list.id}). */
  public static final Map<String, String> PAGES_LISTS =
      Map.of(
          SITE_ID,
          "b8d3e5f1-2a4c-4e6b-8d0f-1a3c5e7f9b2d",
          GROUP_SITE_ID,
          "c9e4f6a2-3b5d-4f7c-9e1a-2b4d6f8a0c3e");

  /** The PeerLoop web part's component id ({@code webPartType} in Graph). */
  static final String WEB_PART_TYPE = "aa8862a1-1ec0-46dc-a659-405d7d94c5a3";

  /**
   * A person of the demo tenant; {@code inGroup}: a member of the learning site's group; {@code
   * editsPages}: may edit the sites' pages (the site owner).
   */
  public record DirectoryUser(
      String objectId, String name, String upn, boolean inGroup, boolean editsPages) {
    DirectoryUser(String objectId, String name, String upn, boolean inGroup) {
      this(objectId, name, upn, inGroup, false);
    }
  }

  public static final List<DirectoryUser> USERS =
      List.of(
          new DirectoryUser(
              "1f0c2d3e-0002-4a5b-8c6d-7e8f9a0b1c2d", "Ada Ito", "ada.ito@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0003-4a5b-8c6d-7e8f9a0b1c2d", "Ben Okafor", "ben.okafor@example.edu", true),
          new DirectoryUser(
              "1f0c2d3e-0005-4a5b-8c6d-7e8f9a0b1c2d",
              "Dana Lee",
              "dana.lee@example.edu",
              true,
              true),
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

  /** What each page's editor entered as the web part's confirmation code, by site and item id. */
  private final Map<String, String> confirmationCodes = new ConcurrentHashMap<>();

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

  /**
   * The page's editor enters a confirmation code in the PeerLoop web part's properties and
   * publishes the page; Graph lists the web part with it from then on.
   */
  public void publishWebPartCode(String siteId, String pageId, String code) {
    // Kept to what a code can hold: it is written into JSON and the page as it is.
    String kept = code.replaceAll("[^A-Za-z0-9 -]", "");
    confirmationCodes.put(siteId + "/" + pageId, kept.substring(0, Math.min(64, kept.length())));
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
      } else if (path.startsWith("/v1.0/sites/")) {
        sites(exchange, path.substring("/v1.0/sites/".length()));
      } else if (path.equals(pageUrl().getPath()) && "POST".equals(exchange.getRequestMethod())) {
        publish(exchange);
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

  /**
   * Graph's sites as the confirmation of a page reads them: a site by its web's path ("Get a site
   * resource by path"), a pages library's item ("Get listItem") and a page's web parts ("List
   * webparts"). Every item of a pages library is a page here.
   */
  private void sites(HttpExchange exchange, String rest) throws IOException {
    if (!graphCall(exchange)) {
      return;
    }
    for (Map.Entry<String, String> web : WEB_URLS.entrySet()) {
      String siteId = web.getKey();
      String composite = SHAREPOINT_HOST + "," + siteId + "," + webId(siteId);
      String byPath = SHAREPOINT_HOST + ":" + URI.create(web.getValue()).getPath();
      if (rest.equals(byPath)) {
        send(
            exchange,
            200,
            "application/json",
            "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#sites(id,sharepointIds,root)/$entity\","
                + "\"id\":\""
                + composite
                + "\",\"root\":{},\"sharepointIds\":{\"siteId\":\""
                + siteId
                + "\",\"siteUrl\":\""
                + web.getValue()
                + "\",\"tenantId\":\""
                + TENANT_ID
                + "\",\"webId\":\""
                + webId(siteId)
                + "\"}}");
        return;
      }
      String items = composite + "/lists/" + PAGES_LISTS.get(siteId) + "/items/";
      if (rest.startsWith(items) && rest.substring(items.length()).matches("[1-9][0-9]{0,9}")) {
        String item = rest.substring(items.length());
        send(
            exchange,
            200,
            "application/json",
            "{\"id\":\""
                + item
                + "\",\"sharepointIds\":{\"listId\":\""
                + PAGES_LISTS.get(siteId)
                + "\",\"listItemId\":\""
                + item
                + "\",\"listItemUniqueId\":\""
                + pageUniqueId(siteId, item)
                + "\",\"siteId\":\""
                + siteId
                + "\",\"webId\":\""
                + webId(siteId)
                + "\"}}");
        return;
      }
      String pages = composite + "/pages/";
      String webParts = "/microsoft.graph.sitePage/webParts";
      if (rest.startsWith(pages) && rest.endsWith(webParts)) {
        String unique = rest.substring(pages.length(), rest.length() - webParts.length());
        for (Map.Entry<String, String> code : confirmationCodes.entrySet()) {
          String[] page = code.getKey().split("/");
          if (page[0].equals(siteId) && pageUniqueId(siteId, page[1]).equals(unique)) {
            send(exchange, 200, "application/json", webParts(code.getValue()));
            return;
          }
        }
        send(exchange, 200, "application/json", webParts(null));
        return;
      }
    }
    send(
        exchange,
        404,
        "application/json",
        "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"The provided path does not exist, or does not represent a site\"}}");
  }

  /** A page's web parts: a text, and the PeerLoop web part with what its editor set. */
  private String webParts(String confirmationCode) {
    return "{\"value\":[{\"@odata.type\":\"#microsoft.graph.textWebPart\",\"id\":\"8f2d9a1c-4b3e-4c5d-9e6f-7a8b9c0d1e2f\","
        + "\"innerHtml\":\"<p>Our cohort, with the course's own people.</p>\"},"
        + "{\"@odata.type\":\"#microsoft.graph.standardWebPart\",\"id\":\"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\","
        + "\"webPartType\":\""
        + WEB_PART_TYPE
        + "\",\"data\":{\"dataVersion\":\"1.0\",\"title\":\"PeerLoop cohort\",\"properties\":{"
        + "\"peerloopUrl\":\""
        + (peerloop == null ? "" : peerloop)
        + "\",\"appIdUri\":\""
        + APP_ID_URI
        + "\""
        + (confirmationCode == null ? "" : ",\"confirmationCode\":\"" + confirmationCode + "\"")
        + "}}}]}";
  }

  private static String webId(String siteId) {
    return UUID.nameUUIDFromBytes(("web " + siteId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String pageUniqueId(String siteId, String item) {
    return UUID.nameUUIDFromBytes(("page " + siteId + "/" + item).getBytes(StandardCharsets.UTF_8))
        .toString();
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
    String code = confirmationCodes.get(SITE_ID + "/" + PAGE_ID);
    String config =
        "{\"peerloop\":\""
            + peerloop
            + "\",\"token\":\""
            + accessToken(user.get())
            + "\",\"siteId\":\""
            + SITE_ID
            + "\",\"pageId\":\""
            + PAGE_ID
            + "\",\"webUrl\":\""
            + WEB_URLS.get(SITE_ID)
            + "\",\"listId\":\""
            + PAGES_LISTS.get(SITE_ID)
            + "\""
            + (code == null ? "" : ",\"confirmationCode\":\"" + code + "\"")
            + "}";
    // The site's owner edits the page: the web part's property pane, then Publish.
    String editor =
        user.get().editsPages()
            ? "<form method=\"post\" class=\"edit-webpart\"><fieldset><legend>PeerLoop web part properties (editing the page)</legend>"
                + "<input type=\"hidden\" name=\"user\" value=\""
                + user.get().objectId()
                + "\"><label for=\"confirmation-code\">Confirmation code</label> "
                + "<input id=\"confirmation-code\" name=\"confirmationCode\" autocomplete=\"off\" value=\""
                + escape(code == null ? "" : code)
                + "\"> <button type=\"submit\">Publish</button></fieldset></form>"
            : "";
    send(
        exchange,
        200,
        "text/html; charset=utf-8",
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Learning site - Cohort</title>"
            + "<style>body{font-family:sans-serif;margin:1rem}iframe{border:0;width:100%;min-height:720px}</style></head>"
            + "<body><h1>Learning site</h1><p id=\"signed-in\">Signed in to Microsoft 365 as "
            + escape(user.get().name())
            + "</p>"
            + editor
            + "<div id=\"webpart\" data-state=\"connecting\"><p>Opening your cohort…</p></div>"
            + "<script type=\"application/json\" id=\"webpart-config\">"
            + config
            + "</script>"
            + "<script>"
            + WEB_PART_SCRIPT
            + "</script></body></html>");
  }

  /** The page's editor publishes the web part's properties; nobody else may. */
  private void publish(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readNBytes(16 * 1024), StandardCharsets.UTF_8));
    Optional<DirectoryUser> user =
        Optional.ofNullable(form.get("user")).flatMap(DemoSharePoint::user);
    if (user.isEmpty() || !user.get().editsPages()) {
      send(exchange, 403, "text/plain; charset=utf-8", "Only the site's owners edit this page");
      return;
    }
    String code = form.getOrDefault("confirmationCode", "").strip();
    if (code.isEmpty()) {
      confirmationCodes.remove(SITE_ID + "/" + PAGE_ID);
    } else {
      publishWebPartCode(SITE_ID, PAGE_ID, code);
    }
    exchange.getResponseHeaders().set("Location", pageUrl() + "?user=" + user.get().objectId());
    exchange.sendResponseHeaders(303, -1);
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
          + "body:JSON.stringify({siteId:c.siteId,pageId:c.pageId,webUrl:c.webUrl,listId:c.listId,confirmationCode:c.confirmationCode})})"
          + ".then(function(r){return r.json().then(function(b){return {status:r.status,body:b};});})"
          + ".then(function(a){if(a.status!==200){say(a.body.reason||'failed',"
          + "a.body.reason==='page-not-bound'?'This page is not linked to a cohort space yet. Ask the course facilitator to link it in PeerLoop (Settings, SharePoint pages): tenant "
          + TENANT_ID
          + ", site '+c.siteId+', page '+c.pageId+'; then enter the code they get in this web part and publish the page.'"
          + ":a.body.reason==='binding-unconfirmed'?'The link to the cohort space is not confirmed: check the confirmation code in this web part, then publish the page.'"
          + ":(a.body.detail||a.body.reason));return;}"
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
