/**
 * {@code signet}, the command-line client over Signet's REST API (Kanidm's CLI in shape).
 *
 * <p>Owns: parsing commands, talking HTTPS to {@code /v1} (TLS always verified, {@code --ca} for a
 * self-signed server), the token cache ({@code ~/.cache/signet}, 0600), prompts, and rendering
 * answers as tables, lines or the REST body as is. Exit codes: 0 done, 1 the server (or the
 * client, for an unconfirmed irreversible operation) refused, 2 a usage error, 3 the server could
 * not be reached or trusted.
 *
 * <p>Must not: know identity rules (the server decides and says why), turn TLS verification off,
 * write a secret anywhere but standard output.
 */
package dev.signet.cli;
