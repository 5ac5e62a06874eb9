/** Activity events: who viewed, posted, replied, rated or endorsed, where and when. */
package org.peerloop.activity;
