package org.peerloop.notifications;

import java.net.URI;
import org.peerloop.course.ResourceLink;
import org.peerloop.platform.Platform;
import org.peerloop.platform.ProductFamily;
import org.peerloop.space.Space;

/**
 * Where an e-mail sends a member back to a space: the activity in the LMS, where the tool opens
 * with their launch. Moodle's LTI {@code resource_link.id} is the activity's instance id, which
 * {@code mod/lti/view.php?l=} opens (mod/lti/view.php). Other platforms name no URL for a link in
 * the launch; their members get the LMS's address.
 */
final class LmsLinks {
  private LmsLinks() {}

  static URI to(Space space) {
    Platform platform = space.course().platform();
    String lms = platform.issuer().endsWith("/") ? platform.issuer() : platform.issuer() + "/";
    ResourceLink link = space.resourceLink();
    if (platform.productFamily() == ProductFamily.MOODLE
        && link != null
        && link.linkId().matches("\\d+")) {
      return URI.create(lms + "mod/lti/view.php?l=" + link.linkId());
    }
    return URI.create(lms);
  }
}
