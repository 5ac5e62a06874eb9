package org.peerloop.lti.launch;

import java.util.OptionalLong;

/**
 * How often one person of one platform may launch: counted after the launch's signature is checked,
 * so the limit is per person, not per client address (a company's people may all leave through one
 * address). The web layer keeps the counts.
 */
public interface LaunchQuota {
  /**
   * Counts a launch: empty when it is within the limit, else the seconds until the person may
   * launch again.
   */
  OptionalLong admit(long platformId, String subject);
}
