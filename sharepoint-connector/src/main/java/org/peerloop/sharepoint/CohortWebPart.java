package org.peerloop.sharepoint;

import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.peerloop.sharepoint.graph.GraphClient.PageWebPart;

/**
 * The PeerLoop web part as Graph shows it on a page: its component id (the manifest's {@code id},
 * which Graph lists as {@code webPartType}) and the property where a page's editor enters the code
 * that confirms a facilitator's request to open a space on the page.
 */
public final class CohortWebPart {
  /** {@code webpart/src/webparts/peerLoopCohort/PeerLoopCohortWebPart.manifest.json}'s id. */
  public static final String COMPONENT_ID = "aa8862a1-1ec0-46dc-a659-405d7d94c5a3";

  /** The web part property that holds a confirmation code. */
  public static final String CONFIRMATION_CODE = "confirmationCode";

  private CohortWebPart() {}

  /**
   * Whether a PeerLoop web part among the page's carries the code (compared as people type it: with
   * or without spaces and hyphens, in any case, in constant time). Other web parts do not count:
   * text anywhere on a page is not a setting of PeerLoop's.
   */
  public static boolean anyCarries(List<PageWebPart> parts, String code) {
    byte[] wanted = normalise(code).getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (PageWebPart part : parts) {
      if (COMPONENT_ID.equalsIgnoreCase(part.type())
          && part.properties().get(CONFIRMATION_CODE) instanceof JsonString value) {
        byte[] given = normalise(value.getString()).getBytes(StandardCharsets.UTF_8);
        found |= wanted.length > 0 && MessageDigest.isEqual(wanted, given);
      }
    }
    return found;
  }

  /** A code as compared: upper case, without the spaces and hyphens people type or leave out. */
  public static String normalise(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
  }
}
