package org.peerloop.sharepoint.entra;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of registered tenants, from {@code {authority}/{tenant}/discovery/v2.0/keys}
 * (the {@code jwks_uri} of the tenant's OpenID configuration; the same keys sign v1.0 and v2.0
 * tokens). Nimbus keeps each tenant's key set for a day and refetches it once when a token names a
 * key it does not hold (Microsoft rolls its keys without notice), but no more than {@link
 * JWKSourceBuilder#rateLimited(long) twice} per {@link #REFRESH_INTERVAL}, so tokens with made-up
 * key ids cannot make PeerLoop hammer Microsoft.
 */
public class EntraSigningKeys {
  /** Microsoft's public cloud; tests and sovereign clouds set another. */
  public static final URI PUBLIC_CLOUD = URI.create("https://login.microsoftonline.com/");

  static final Duration TIME_TO_LIVE = Duration.ofHours(24);
  static final Duration REFRESH_INTERVAL = Duration.ofMinutes(5);
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

  /** A key set holds a few keys; anything much bigger is not a key set. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final URI authority;
  private final ResourceRetriever retriever;
  private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  public EntraSigningKeys(HttpClient http, URI authority) {
    this.authority = authority.toString().endsWith("/") ? authority : URI.create(authority + "/");
    this.retriever = new JdkRetriever(http);
  }

  /** The key set address of a tenant. */
  public URI keySetUri(String tenantId) {
    return authority.resolve(tenantId + "/discovery/v2.0/keys");
  }

  /**
   * The tenant's RSA key with this id, fetching or refreshing the key set when needed.
   *
   * @throws KeySourceException when the key set cannot be fetched or read
   */
  public Optional<RSAPublicKey> find(String tenantId, String kid) throws KeySourceException {
    JWKSelector selector =
        new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid).build());
    List<JWK> keys = sources.computeIfAbsent(tenantId, this::source).get(selector, null);
    for (JWK key : keys) {
      try {
        return Optional.of(((RSAKey) key).toRSAPublicKey());
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new KeySourceException("Unreadable RSA key " + kid, e);
      }
    }
    return Optional.empty();
  }

  private JWKSource<SecurityContext> source(String tenantId) {
    URL url;
    try {
      url = keySetUri(tenantId).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a tenant id: " + tenantId, e);
    }
    return JWKSourceBuilder.create(url, retriever)
        .cache(TIME_TO_LIVE.toMillis(), FETCH_TIMEOUT.toMillis())
        // Refresh-ahead would start its own threads inside the application server.
        .refreshAheadCache(false)
        .rateLimited(REFRESH_INTERVAL.toMillis())
        .build();
  }

  /** Nimbus's fetches through the JDK's HTTP client, bounded in time and size. */
  private record JdkRetriever(HttpClient http) implements ResourceRetriever {
    @Override
    public Resource retrieveResource(URL url) throws IOException {
      HttpRequest request;
      try {
        request =
            HttpRequest.newBuilder(url.toURI())
                .timeout(FETCH_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted fetching " + url, e);
      }
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          throw new IOException(url + " is larger than a key set can be");
        }
        return new Resource(
            new String(bytes, StandardCharsets.UTF_8),
            response.headers().firstValue("Content-Type").orElse(null));
      }
    }
  }
}
