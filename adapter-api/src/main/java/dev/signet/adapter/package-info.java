/**
 * Contracts between Signet's protocol resource adapters and the core.
 *
 * <p>A resource adapter (the LDAP and RADIUS RARs) owns its socket and its codec; once it has
 * decoded a request it hands it, as one of the immutable records here, to a message endpoint
 * (an MDB in the EJB module implementing the matching listener interface) and encodes the
 * record it gets back. This jar sits in the EAR's {@code lib/} so both sides compile against it.
 * It must hold no identity logic and depend on nothing but the JDK.
 */
package dev.signet.adapter;
