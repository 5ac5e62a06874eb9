package org.peerloop.sharepointsite;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.peerloop.settings.InvalidSettingsException;

/**
 * The SharePoint connector's settings, read like every other setting: a {@code -D} property or the
 * environment variable of the same name.
 *
 * @param authority Entra's sign-in authority, whose {@code {tenant}/discovery/v2.0/keys} and {@code
 *     {tenant}/oauth2/v2.0/token} PeerLoop uses; Microsoft's public cloud unless set
 * @param graph Microsoft Graph's base URL
 * @param graphClientId the app registration PeerLoop reads rosters as (admin-consented in each
 *     customer tenant); without it, rosters are not read and only the ORGANISATION audience works
 * @param graphSecret its client secret, or
 * @param graphCertificate a PEM file holding its certificate and the certificate's private key
 * @param frameAncestors the origins that may frame PeerLoop's SharePoint page and hand it a
 *     session: SharePoint Online's own hosts unless set
 */
public record SharePointSettings(
    URI authority,
    URI graph,
    Optional<String> graphClientId,
    Optional<String> graphSecret,
    Optional<Path> graphCertificate,
    List<String> frameAncestors) {

  public static final String AUTHORITY = "PEERLOOP_ENTRA_AUTHORITY";
  public static final String GRAPH_URL = "PEERLOOP_GRAPH_URL";
  public static final String GRAPH_CLIENT_ID = "PEERLOOP_GRAPH_CLIENT_ID";
  public static final String GRAPH_CLIENT_SECRET = "PEERLOOP_GRAPH_CLIENT_SECRET";
  public static final String GRAPH_CERTIFICATE = "PEERLOOP_GRAPH_CERTIFICATE";
  public static final String FRAME_ANCESTORS = "PEERLOOP_SHAREPOINT_FRAME_ANCESTORS";

  static final URI PUBLIC_AUTHORITY = URI.create("https://login.microsoftonline.com/");
  static final URI PUBLIC_GRAPH = URI.create("https://graph.microsoft.com/");
  static final List<String> SHAREPOINT_ONLINE = List.of("https://*.sharepoint.com");

  public SharePointSettings {
    frameAncestors = List.copyOf(frameAncestors);
  }

  public static SharePointSettings fromEnvironment() {
    return load(name -> System.getProperty(name, System.getenv(name)));
  }

  /**
   * @throws InvalidSettingsException naming every malformed value
   */
  public static SharePointSettings load(UnaryOperator<String> source) {
    List<String> problems = new ArrayList<>();
    URI authority = url(source, AUTHORITY, PUBLIC_AUTHORITY, problems);
    URI graph = url(source, GRAPH_URL, PUBLIC_GRAPH, problems);
    Optional<String> clientId = Optional.ofNullable(blank(source.apply(GRAPH_CLIENT_ID)));
    Optional<String> secret = Optional.ofNullable(blank(source.apply(GRAPH_CLIENT_SECRET)));
    Optional<Path> certificate =
        Optional.ofNullable(blank(source.apply(GRAPH_CERTIFICATE))).map(Path::of);
    if (secret.isPresent() && certificate.isPresent()) {
      problems.add("Set " + GRAPH_CLIENT_SECRET + " or " + GRAPH_CERTIFICATE + ", not both");
    }
    if (clientId.isPresent() != (secret.isPresent() || certificate.isPresent())) {
      problems.add(
          GRAPH_CLIENT_ID
              + " goes with "
              + GRAPH_CLIENT_SECRET
              + " or "
              + GRAPH_CERTIFICATE
              + ": set both or neither");
    }
    List<String> ancestors = SHAREPOINT_ONLINE;
    String rawAncestors = blank(source.apply(FRAME_ANCESTORS));
    if (rawAncestors != null) {
      ancestors = Arrays.stream(rawAncestors.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
      for (String origin : ancestors) {
        if (!origin.matches("https?://(\\*\\.)?[A-Za-z0-9.\\-]+(:[0-9]+)?")) {
          problems.add(
              FRAME_ANCESTORS + " lists origins such as https://*.sharepoint.com, not " + origin);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new SharePointSettings(authority, graph, clientId, secret, certificate, ancestors);
  }

  public boolean readsRosters() {
    return graphClientId.isPresent();
  }

  private static URI url(
      UnaryOperator<String> source, String name, URI otherwise, List<String> problems) {
    String raw = blank(source.apply(name));
    if (raw == null) {
      return otherwise;
    }
    try {
      URI uri = URI.create(raw.endsWith("/") ? raw : raw + "/");
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(name + " must be an http(s) URL, was '" + raw + "'");
    return otherwise;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "SharePointSettings[authority="
        + authority
        + ", graph="
        + graph
        + ", graphClientId="
        + graphClientId.orElse("-")
        + ", credential="
        + (graphSecret.isPresent() ? "secret" : graphCertificate.isPresent() ? "certificate" : "-")
        + ", frameAncestors="
        + frameAncestors
        + "]";
  }
}
