/**
 * What the LTI layer knows about a platform: its registration as the validator sees it, its public
 * keys (fetched, cached, refreshed), and the profile of its product family, the one place where LMS
 * differences live.
 */
package org.peerloop.lti.platform;
