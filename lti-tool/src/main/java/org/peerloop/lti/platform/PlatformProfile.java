package org.peerloop.lti.platform;

import java.net.URI;
import java.util.Map;
import org.peerloop.platform.ProductFamily;

/**
 * How one LMS family differs from the specs' common ground. This is the only place that knows which
 * LMS is which; everything else asks the profile.
 *
 * @param family the product family
 * @param displayName how people call this LMS, for messages
 * @param storageTargetWhenAbsent the platform-storage frame to use when the login request names
 *     none, for platforms that offer storage without saying so in the login (Blackboard announces
 *     it only through {@code lti.capabilities}); {@code null} when storage is used only on request
 * @param storageMessagesNeedAnyOrigin whether storage messages must be posted with target origin
 *     {@code "*"}: Canvas's forwarding frame requires it, and platforms whose issuer is not their
 *     web origin (Blackboard's global issuer) leave no other choice
 * @param privacyHint what to tell an administrator when names or e-mail are missing from launches
 */
public record PlatformProfile(
    ProductFamily family,
    String displayName,
    String storageTargetWhenAbsent,
    boolean storageMessagesNeedAnyOrigin,
    String privacyHint) {

  private static final Map<ProductFamily, PlatformProfile> PROFILES =
      Map.of(
          ProductFamily.MOODLE,
          new PlatformProfile(
              ProductFamily.MOODLE,
              "Moodle",
              null,
              false,
              "In Moodle, edit the tool and set 'Share launcher's name with tool' and 'Share"
                  + " launcher's email with tool' to Always."),
          ProductFamily.CANVAS,
          new PlatformProfile(
              ProductFamily.CANVAS,
              "Canvas",
              null,
              true,
              "In Canvas, set the developer key's privacy level to Public."),
          ProductFamily.BRIGHTSPACE,
          new PlatformProfile(
              ProductFamily.BRIGHTSPACE,
              "Brightspace",
              null,
              false,
              "In Brightspace, allow the tool to send user names and e-mail in its security"
                  + " settings."),
          ProductFamily.BLACKBOARD,
          new PlatformProfile(
              ProductFamily.BLACKBOARD,
              "Blackboard Learn",
              "_parent",
              true,
              "In Blackboard, enable 'Role in course', 'Name' and 'Email address' for the tool"
                  + " placement."),
          ProductFamily.SAKAI,
          new PlatformProfile(
              ProductFamily.SAKAI,
              "Sakai",
              null,
              false,
              "In Sakai, enable 'Send names' and 'Send email addresses' for the tool."),
          ProductFamily.OTHER,
          new PlatformProfile(
              ProductFamily.OTHER,
              "the LMS",
              null,
              false,
              "In the LMS, allow the tool to receive the user's name and e-mail."));

  /** The target origin for storage postMessages to a platform with this issuer. */
  public String storageOrigin(String issuer) {
    if (storageMessagesNeedAnyOrigin) {
      return "*";
    }
    URI uri = URI.create(issuer);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  public static PlatformProfile of(ProductFamily family) {
    return PROFILES.get(family == null ? ProductFamily.OTHER : family);
  }
}
