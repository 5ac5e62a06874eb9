/**
 * The LTI endpoints of the fixed HTTP contract and the pages they answer with inside the LMS
 * iframe. Thin: the protocol lives in {@code org.peerloop.lti}.
 */
package org.peerloop.web.lti;
