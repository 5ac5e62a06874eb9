/** Server-rendered HTML pages and the static files they load, with one escaping policy. */
package org.peerloop.web.page;
