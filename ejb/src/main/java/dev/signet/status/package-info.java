/**
 * Readiness: whether this node can serve (the EAR deployed, the database answering with the
 * domain row first boot wrote), for {@code /status} and the health checks.
 *
 * <p>Must not: depend on feature packages or change anything.
 */
package dev.signet.status;
