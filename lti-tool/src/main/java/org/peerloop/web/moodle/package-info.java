/** The endpoint the Moodle plugin sends its signed events to. */
package org.peerloop.web.moodle;
