/**
 * Signet's HTTP faces: the {@code /v1} REST API, the OAuth2/OIDC provider, SCIM, {@code /status}
 * and health, the Jakarta Security mechanisms, and the Faces console.
 *
 * <p>Resources here translate HTTP to calls on the EJB core and results back to HTTP; they hold
 * no identity rules and make no access decisions of their own (the core checks every call).
 */
package dev.signet.web;
