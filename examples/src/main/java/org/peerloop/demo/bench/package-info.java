/** The launch benchmark: full LTI 1.3 launches against the demo server, numbers to a file. */
package org.peerloop.demo.bench;
