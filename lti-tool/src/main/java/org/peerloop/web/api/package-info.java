/** The JSON API under {@code /api/v1}: thin resources over the community services. */
package org.peerloop.web.api;
