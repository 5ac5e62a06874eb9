package org.peerloop.sharepoint.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate and its key, made by the JDK's keytool as an administrator would. */
record SelfSigned(PrivateKey privateKey, X509Certificate certificate) {
  static SelfSigned generate() throws IOException, InterruptedException, GeneralSecurityException {
    Path dir = Files.createTempDirectory("peerloop-cert");
    Path store = dir.resolve("app.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "peerloop",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=PeerLoop Graph client",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException("keytool failed");
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return new SelfSigned(
        (PrivateKey) keys.getKey("peerloop", "changeit".toCharArray()),
        (X509Certificate) keys.getCertificate("peerloop"));
  }
}
