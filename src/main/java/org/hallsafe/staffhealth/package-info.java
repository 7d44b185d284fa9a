/**
 * Staff health through the day (R-MON-1..3, R-PPE-1..2): temperature checks before work, every two hours of working
 * time, after work and on return to post; masks; hand hygiene at the windows; and what is due, late or missed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "incident", "screening", "shared"})
package org.hallsafe.staffhealth;
