/**
 * Reports to the leadership group (R-SCR-2, and every later measure that finds a case): every member and the office
 * are told at once, one acknowledges, nobody in time means escalation to the leader, then follow-up and closing.
 * Other modules report through {@link org.hallsafe.incident.Incidents}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "shared"})
package org.hallsafe.incident;
