package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.settings.InvalidSettingsException;
import org.peerloop.sharepoint.entra.EntraAccessTokens;
import org.peerloop.sharepoint.entra.EntraSigningKeys;
import org.peerloop.sharepoint.graph.AppCredential;
import org.peerloop.sharepoint.graph.AppTokens;
import org.peerloop.sharepoint.graph.GraphClient;
import org.peerloop.sharepoint.graph.GraphHttp;

/**
 * The connector's parts for this node, made once from {@link SharePointSettings}: the token
 * validator (its key cache is per node) and one Graph client per tenant (each holds the tenant's
 * application token).
 */
@ApplicationScoped
public class SharePointParts {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  @Inject Clock clock;

  private volatile SharePointSettings settings;
  private volatile EntraAccessTokens tokens;
  private volatile AppCredential credential;
  private final Map<String, GraphClient> graphs = new ConcurrentHashMap<>();
  @Inject GuardedHttpClient http;

  public SharePointSettings settings() {
    SharePointSettings loaded = settings;
    if (loaded == null) {
      loaded = SharePointSettings.fromEnvironment();
      settings = loaded;
    }
    return loaded;
  }

  /** Where SharePoint pages are served from: who may frame PeerLoop and ask for a session. */
  public SharePointOrigins origins() {
    return new SharePointOrigins(settings().frameAncestors());
  }

  public EntraAccessTokens tokens() {
    EntraAccessTokens made = tokens;
    if (made == null) {
      made = new EntraAccessTokens(new EntraSigningKeys(http, settings().authority()), clock);
      tokens = made;
    }
    return made;
  }

  /** The Graph client of a tenant; empty when no Graph credential is configured. */
  public Optional<GraphClient> graph(String tenantId) {
    if (!settings().readsRosters()) {
      return Optional.empty();
    }
    return Optional.of(
        graphs.computeIfAbsent(
            tenantId,
            tenant -> {
              GraphHttp graphHttp = new GraphHttp(http, clock);
              return new GraphClient(
                  graphHttp,
                  settings().graph(),
                  new AppTokens(graphHttp, settings().authority(), tenant, credential()));
            }));
  }

  private AppCredential credential() {
    AppCredential made = credential;
    if (made == null) {
      SharePointSettings s = settings();
      String clientId = s.graphClientId().orElseThrow();
      made =
          s.graphSecret().isPresent()
              ? new AppCredential.Secret(clientId, s.graphSecret().get())
              : certificate(clientId, s);
      credential = made;
    }
    return made;
  }

  /** The PEM file's certificate and its PKCS #8 private key ("BEGIN PRIVATE KEY"). */
  private static AppCredential certificate(String clientId, SharePointSettings s) {
    String file = s.graphCertificate().orElseThrow().toString();
    try {
      String pem = Files.readString(s.graphCertificate().get(), StandardCharsets.US_ASCII);
      PrivateKey key = null;
      X509Certificate certificate = null;
      Matcher m = PEM.matcher(pem);
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        if (m.group(1).equals("PRIVATE KEY")) {
          key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } else if (m.group(1).equals("CERTIFICATE") && certificate == null) {
          certificate =
              (X509Certificate)
                  CertificateFactory.getInstance("X.509")
                      .generateCertificate(new ByteArrayInputStream(der));
        }
      }
      if (key == null || certificate == null) {
        throw new InvalidSettingsException(
            java.util.List.of(
                SharePointSettings.GRAPH_CERTIFICATE
                    + " must hold a CERTIFICATE and its PRIVATE KEY (PKCS #8) in PEM: "
                    + file));
      }
      return new AppCredential.Certificate(clientId, key, certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidSettingsException(
          java.util.List.of(
              SharePointSettings.GRAPH_CERTIFICATE + " could not be read (" + file + "): " + e));
    }
  }
}
