package org.peerloop.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The custom parameter of a placed link: designers can edit it, so only genuine codes count. */
class SpaceBindingCodeTest {
  private final SpaceBindingCode codes =
      new SpaceBindingCode(
          "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void aCodeNamesItsSpaceOnItsPlatform() {
    String code = codes.code(7, 42);
    assertEquals(OptionalLong.of(42), codes.spaceId(7, code));
  }

  @Test
  void anEditedIdForgedOrForeignCodeIsNotRecognised() {
    String code = codes.code(7, 42);
    String otherSpace = "43" + code.substring(code.indexOf('.'));
    assertTrue(codes.spaceId(7, otherSpace).isEmpty(), "another space's id with this MAC");
    assertTrue(codes.spaceId(8, code).isEmpty(), "the same code on another platform");
    SpaceBindingCode otherTool =
        new SpaceBindingCode(
            "another tool's secret, also long enough".getBytes(StandardCharsets.UTF_8));
    assertTrue(otherTool.spaceId(7, code).isEmpty(), "made by another installation");
    for (String garbage : new String[] {null, "", "42", ".abc", "x.y", "42." + "A".repeat(80)}) {
      assertTrue(codes.spaceId(7, garbage).isEmpty(), String.valueOf(garbage));
    }
  }
}
