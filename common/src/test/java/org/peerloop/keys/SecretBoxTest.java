package org.peerloop.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerloop.settings.SecretKey;
import org.peerloop.settings.Settings;

class SecretBoxTest {
  private static final SecretKey KEY = new SecretKey(new byte[32]);
  private final SecretBox box = new SecretBox(KEY);

  @Test
  void opensWhatItSealed() {
    String sealed = box.seal("lrs-password", "correct horse battery staple");

    assertFalse(sealed.contains("horse"));
    assertEquals("correct horse battery staple", box.open("lrs-password", sealed));
  }

  @Test
  void sealsTheSameValueDifferentlyEachTime() {
    assertNotEquals(box.seal("lrs-password", "x"), box.seal("lrs-password", "x"));
  }

  @Test
  void refusesAnotherPurposeAnotherKeyAndAnAlteredValue() {
    String sealed = box.seal("lrs-password", "secret");
    byte[] other = new byte[32];
    other[0] = 1;

    assertThrows(IllegalStateException.class, () -> box.open("moodle-token", sealed));
    assertThrows(
        IllegalStateException.class,
        () -> new SecretBox(new SecretKey(other)).open("lrs-password", sealed));
    // One bit flipped in the ciphertext, as bytes: a changed base64 character may only touch
    // padding bits.
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThrows(IllegalStateException.class, () -> box.open("lrs-password", altered));
    assertThrows(IllegalStateException.class, () -> box.open("lrs-password", "plain text"));
    assertThrows(IllegalStateException.class, () -> box.open("lrs-password", "v1.AAAA"));
  }

  @Test
  void makesAKeyFileOnceReadableByItsOwnerOnlyAndReadsItAgain(@TempDir Path dir) throws Exception {
    Settings settings = Settings.load(Map.of("PEERLOOP_DATA_DIR", dir.toString())::get);

    SecretKey first = SecretKeyFile.of(settings);
    SecretKey again = SecretKeyFile.of(settings);

    assertEquals(first, again);
    Path file = dir.resolve(SecretKeyFile.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void prefersTheConfiguredKey(@TempDir Path dir) {
    String configured = KEY.base64();
    Settings settings =
        Settings.load(
            Map.of("PEERLOOP_DATA_DIR", dir.toString(), "PEERLOOP_SECRET_KEY", configured)::get);

    assertEquals(KEY, SecretKeyFile.of(settings));
    assertTrue(Files.notExists(dir.resolve(SecretKeyFile.FILE_NAME)));
  }
}
