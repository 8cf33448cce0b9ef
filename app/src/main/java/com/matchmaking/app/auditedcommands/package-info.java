/**
 * Infrastructure every feature uses to send commands: {@link com.matchmaking.app.auditedcommands.AuditedCommands}
 * puts the audit metadata (who acted, the {@link com.matchmaking.schema.purpose.Purpose}, the origin) on each command,
 * and the correlation ids go on every event. It knows no feature, so any feature may use it without a cycle.
 */
package com.matchmaking.app.auditedcommands;
