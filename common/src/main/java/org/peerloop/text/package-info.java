/** Text helpers every layer may use: making values from outside safe to log. */
package org.peerloop.text;
