/**
 * The OAuth2 / OpenID Connect provider.
 *
 * <p>Owns: the client registry (clients, secrets as digests, scope and claim maps, per-client
 * signing keys, rotation), authorization requests walked through login and consent to a code,
 * authorization codes, device authorizations and pending requests in the cluster-wide cache, the
 * token endpoint's grants (code with PKCE, refresh with reuse detection, client credentials,
 * device code), minting of access and id tokens, userinfo, introspection and revocation, and what
 * an account is entitled to from a client.
 *
 * <p>Must not: authenticate a person itself (the {@code auth} package's sessions say who logged in
 * and how), speak HTTP (the web module renders its results), or redirect an error about the
 * client or its redirect URI back to that URI.
 */
package dev.signet.oauth2;
