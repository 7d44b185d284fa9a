/**
 * The first gate (R-SCR-1..3): every staff member and citizen screened at the entrance, refusals questioned and
 * reported to the leadership group, and the screening ledger (监测台账).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "incident", "shared"})
package org.hallsafe.screening;
