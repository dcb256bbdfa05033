/**
 * The audit trail: who did what to which entry, when, from where, and how it ended.
 *
 * <p>Owns: writing events ({@code Audit}: a row in {@code audit_event}, inserted only, and a JSON
 * line on the {@code dev.signet.audit} logger), the event types with their published wire names
 * ({@code AuditType}), the client address of the current request ({@code ClientOrigin}, set by the
 * protocol layer), and reading the trail, for system admins only ({@code AuditTrail}).
 *
 * <p>Must not: record secrets (details name reasons), update or delete an event, or decide whether
 * an operation is allowed; a refusal is audited by the feature that refused.
 */
package dev.signet.audit;
