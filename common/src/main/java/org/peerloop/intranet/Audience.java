package org.peerloop.intranet;

/** Who may enter a site's spaces through its pages. */
public enum Audience {
  /** Every person of the tenant: SharePoint's own page permissions decide who sees the page. */
  ORGANISATION,
  /** Only the members of the site's Microsoft 365 group, as the last roster read found them. */
  GROUP
}
