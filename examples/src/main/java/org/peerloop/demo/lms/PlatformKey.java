package org.peerloop.demo.lms;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/** The demo platform's RSA key: kept in its data folder so registrations survive restarts. */
public final class PlatformKey {
  private volatile RSAKey key;
  private final Path file;

  private PlatformKey(RSAKey key, Path file) {
    this.key = key;
    this.file = file;
  }

  /** Reads the key from the folder, or makes and saves one; {@code null} keeps it in memory. */
  public static PlatformKey loadOrCreate(Path folder) {
    try {
      if (folder != null) {
        Path file = folder.resolve("platform-key.json");
        if (Files.exists(file)) {
          return new PlatformKey(RSAKey.parse(Files.readString(file)), file);
        }
        PlatformKey created = new PlatformKey(generate(), file);
        created.save();
        return created;
      }
      return new PlatformKey(generate(), null);
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("The demo platform key is unreadable: " + e.getMessage(), e);
    }
  }

  /** Replaces the key with a new one under a new kid, as a platform does when it rotates. */
  public void rotate() {
    key = generate();
    save();
  }

  public String kid() {
    return key.getKeyID();
  }

  /** The public key set platforms publish at their JWKS URL. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA signing failed", e);
    }
    return jwt.serialize();
  }

  /** Claims of a token this platform signed itself (its registration tokens), else null. */
  public JWTClaimsSet verifyOwn(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey())) ? jwt.getJWTClaimsSet() : null;
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save the demo platform key: " + e.getMessage(), e);
    }
  }
}
