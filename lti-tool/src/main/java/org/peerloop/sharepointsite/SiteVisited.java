package org.peerloop.sharepointsite;

/** Someone opened a page of the site: its group roster is read again if it is old. */
public record SiteVisited(long siteRef) {}
