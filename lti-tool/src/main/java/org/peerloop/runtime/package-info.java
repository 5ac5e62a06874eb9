/** Wiring of the running application: settings, data source, persistence unit, startup. */
package org.peerloop.runtime;
