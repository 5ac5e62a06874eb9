/** The HTTP edge shared by all resources: the JAX-RS application, request log, correlation ids. */
package org.peerloop.web;
