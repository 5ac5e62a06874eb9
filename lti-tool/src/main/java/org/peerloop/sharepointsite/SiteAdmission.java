package org.peerloop.sharepointsite;

/** A site's admission was set or changed: its group roster should be read (again). */
public record SiteAdmission(long siteRef) {}
