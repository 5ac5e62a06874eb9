package org.peerloop.sharepoint.graph;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Microsoft Graph v1.0 with the application's token: a group's site, a page's web parts, and
 * group rosters: {@code /groups/{id}/members}, or {@code /transitiveMembers} to include the users
 * of nested groups, with {@code $select} and {@code $top}. Pages are followed by their
 * {@code @odata.nextLink}, used verbatim (it carries Graph's own skip token) until a page has none,
 * and only while it stays on the Graph host: the application token must never travel elsewhere.
 * Members are told apart by {@code @odata.type}; only users are kept. See Microsoft Graph, "List
 * group members", "Paging" and "Throttling".
 */
public class GraphClient {
  static final String USER_TYPE = "#microsoft.graph.user";
  static final String SELECT = "id,displayName,mail,userPrincipalName";
  static final int PAGE_SIZE = 999;
  static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");

  /** A group of a million members is 1,000 pages; anything longer is a loop. */
  static final int MAX_PAGES = 2_000;

  private final GraphHttp http;
  private final URI base;
  private final AppTokens tokens;

  /**
   * @param base {@code https://graph.microsoft.com/} or a test's local server
   */
  public GraphClient(GraphHttp http, URI base, AppTokens tokens) {
    this.http = http;
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.tokens = tokens;
  }

  /** The group's users; with {@code transitive}, the users of its nested groups too. */
  public GroupRoster groupMembers(String groupId, boolean transitive) throws GraphException {
    if (!groupId.matches("[0-9A-Fa-f-]{36}")) {
      throw new GraphException("graph-group-id", "A group id is a GUID: " + groupId);
    }
    URI next =
        base.resolve(
            "v1.0/groups/"
                + groupId
                + (transitive ? "/transitiveMembers" : "/members")
                + "?$select="
                + URLEncoder.encode(SELECT, StandardCharsets.UTF_8)
                + "&$top="
                + PAGE_SIZE);
    Map<String, GraphUser> users = new LinkedHashMap<>();
    List<String> incomplete = new ArrayList<>();
    int others = 0;
    int pages = 0;
    while (next != null) {
      if (++pages > MAX_PAGES) {
        throw new GraphException("graph-unreadable", "Graph kept answering with more pages");
      }
      JsonObject page = get(next);
      for (JsonValue value :
          page.getJsonArray("value") == null ? List.<JsonValue>of() : page.getJsonArray("value")) {
        if (!(value instanceof JsonObject member)) {
          continue;
        }
        String id = text(member, "id");
        if (!USER_TYPE.equals(text(member, "@odata.type")) || id == null) {
          others++;
          continue;
        }
        GraphUser user =
            new GraphUser(
                id,
                text(member, "displayName"),
                text(member, "mail"),
                text(member, "userPrincipalName"));
        // Transitive listings name a user once per path to them.
        if (users.putIfAbsent(id, user) == null && user.incomplete()) {
          incomplete.add(id);
        }
      }
      next = nextLink(page);
    }
    return new GroupRoster(List.copyOf(users.values()), List.copyOf(incomplete), others, pages);
  }

  /**
   * The id of the SharePoint site collection of a Microsoft 365 group (Graph's {@code
   * sharepointIds.siteId} of {@code /groups/{id}/sites/root}), in lower case; empty when the group
   * has no site.
   */
  public Optional<String> groupSiteId(String groupId) throws GraphException {
    if (!groupId.matches("[0-9A-Fa-f-]{36}")) {
      throw new GraphException("graph-group-id", "A group id is a GUID: " + groupId);
    }
    JsonObject site;
    try {
      site = get(base.resolve("v1.0/groups/" + groupId + "/sites/root?$select=id,sharepointIds"));
    } catch (GraphException e) {
      if (e.code().equals("graph-not-found")) {
        return Optional.empty();
      }
      throw e;
    }
    JsonObject ids = site.getJsonObject("sharepointIds");
    String siteId = ids == null ? null : text(ids, "siteId");
    if (siteId == null) {
      // The composite id is "hostname,site collection id,web id".
      String[] parts = String.valueOf(text(site, "id")).split(",");
      siteId = parts.length == 3 ? parts[1] : null;
    }
    return Optional.ofNullable(siteId).map(s -> s.toLowerCase(java.util.Locale.ROOT));
  }

  /** A web part on a modern page, as Graph lists it: its type (the component id) and properties. */
  public record PageWebPart(String type, JsonObject properties) {}

  /**
   * The web parts of a modern page, read with the application's own token, the page named as
   * SharePoint's page context names it: its web's URL, the pages library's list id and the page's
   * item id. Graph addresses sites by {@code host:/path} ("Get a site resource by path") and pages
   * by their unique id, read from the list item's {@code sharepointIds} ("Get listItem", "List
   * webparts"). Empty when the URL is not the root web of site collection {@code siteId}, or the
   * item is not one of its pages: the page context's other fields are only hints and are checked
   * against what Graph says.
   */
  public Optional<List<PageWebPart>> webPartsOfPage(
      String siteId, URI webUrl, String listId, String itemId) throws GraphException {
    if (!GUID.matcher(siteId).matches() || !GUID.matcher(listId).matches()) {
      throw new GraphException("graph-page-id", "Site and list ids are GUIDs");
    }
    if (!itemId.matches("[1-9][0-9]{0,9}")) {
      throw new GraphException("graph-page-id", "A page's item id is a number: " + itemId);
    }
    String host = webUrl.getHost();
    String path = webUrl.getRawPath() == null ? "" : webUrl.getRawPath().replaceAll("/+$", "");
    // The host and path become part of a Graph path: nothing that could step out of it.
    if (!"https".equals(webUrl.getScheme())
        || host == null
        || !host.matches("[A-Za-z0-9.-]{1,253}")
        || webUrl.getRawUserInfo() != null
        || (webUrl.getPort() != -1 && webUrl.getPort() != 443)
        || webUrl.getRawQuery() != null
        || webUrl.getRawFragment() != null
        || !path.matches("(/[A-Za-z0-9._~%'()-]+){0,20}")
        || path.matches("(?i).*(/\\.{1,2}(/|$)|%2f|%5c|%2e).*")) {
      throw new GraphException("graph-page-id", "Not a SharePoint web's address: " + webUrl);
    }
    try {
      JsonObject site =
          get(
              base.resolve(
                  "v1.0/sites/"
                      + host
                      + (path.isEmpty() ? "" : ":" + path)
                      + "?$select=id,sharepointIds,root"));
      JsonObject siteIds = site.getJsonObject("sharepointIds");
      String composite = text(site, "id");
      if (composite == null
          || siteIds == null
          || !siteId.equalsIgnoreCase(String.valueOf(text(siteIds, "siteId")))
          || !(site.get("root") instanceof JsonObject)) {
        return Optional.empty();
      }
      String sitePath = "v1.0/sites/" + composite;
      JsonObject item =
          get(
              base.resolve(
                  sitePath
                      + "/lists/"
                      + listId
                      + "/items/"
                      + itemId
                      + "?$select=id,sharepointIds"));
      JsonObject itemIds = item.getJsonObject("sharepointIds");
      String uniqueId = itemIds == null ? null : text(itemIds, "listItemUniqueId");
      if (uniqueId == null || !GUID.matcher(uniqueId).matches()) {
        return Optional.empty();
      }
      JsonObject parts =
          get(base.resolve(sitePath + "/pages/" + uniqueId + "/microsoft.graph.sitePage/webParts"));
      List<PageWebPart> found = new ArrayList<>();
      for (JsonValue value :
          parts.getJsonArray("value") == null
              ? List.<JsonValue>of()
              : parts.getJsonArray("value")) {
        if (value instanceof JsonObject part
            && part.get("data") instanceof JsonObject data
            && data.get("properties") instanceof JsonObject properties) {
          found.add(new PageWebPart(String.valueOf(text(part, "webPartType")), properties));
        }
      }
      return Optional.of(List.copyOf(found));
    } catch (GraphException e) {
      if (e.code().equals("graph-not-found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private JsonObject get(URI uri) throws GraphException {
    try {
      return http.json(request(uri), "Microsoft Graph");
    } catch (GraphException e) {
      if (!e.code().equals("graph-unauthorized")) {
        throw e;
      }
      // An expired or revoked token is refused with 401: once with a fresh one.
      tokens.discard();
      return http.json(request(uri), "Microsoft Graph");
    }
  }

  private HttpRequest.Builder request(URI uri) throws GraphException {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens.token()).GET();
  }

  private URI nextLink(JsonObject page) throws GraphException {
    String link = text(page, "@odata.nextLink");
    if (link == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(link);
    } catch (IllegalArgumentException e) {
      throw new GraphException("graph-unreadable", "Graph's next link is not a URL", e);
    }
    if (!base.getScheme().equals(uri.getScheme())
        || !base.getAuthority().equalsIgnoreCase(String.valueOf(uri.getAuthority()))) {
      throw new GraphException(
          "graph-unreadable", "Graph's next link leads off the Graph host: " + uri.getHost());
    }
    return uri;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }
}
