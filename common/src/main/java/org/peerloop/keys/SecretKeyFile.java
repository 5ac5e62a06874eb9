package org.peerloop.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.peerloop.settings.SecretKey;
import org.peerloop.settings.Settings;

/**
 * The secret key of this installation: {@code PEERLOOP_SECRET_KEY} when set (every node of a
 * cluster sets the same), else {@code secret.key} in the data folder, made on first use and
 * readable by its owner only.
 */
public final class SecretKeyFile {
  static final String FILE_NAME = "secret.key";

  private SecretKeyFile() {}

  public static SecretKey of(Settings settings) {
    return settings
        .secretKey()
        .orElseGet(() -> readOrCreate(settings.dataDir().resolve(FILE_NAME)));
  }

  static synchronized SecretKey readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return SecretKey.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[SecretKey.BYTES];
      new SecureRandom().nextBytes(bytes);
      SecretKey key = new SecretKey(bytes);
      Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp");
      ownerOnly(temp);
      Files.writeString(temp, key.base64(), StandardCharsets.US_ASCII);
      try {
        // Atomic, and never over a key another process wrote meanwhile: it may already seal values.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException another) {
        Files.delete(temp);
        return readOrCreate(file);
      } catch (UnsupportedOperationException noLinks) {
        Files.move(temp, file);
      }
      Files.deleteIfExists(temp);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data folder's own permissions apply.
    }
  }
}
