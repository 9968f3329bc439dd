/** Network exposure engine (DESIGN §4): one rule model, vendor readers, reachability, checks. */
package io.leakguard.net;
