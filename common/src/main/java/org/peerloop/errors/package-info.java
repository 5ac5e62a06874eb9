/** The domain's refusals, each with a machine-readable reason; free of HTTP. */
package org.peerloop.errors;
