/** The one family of exception mappers: every error leaves as RFC 9457 problem JSON. */
package org.peerloop.web.problem;
