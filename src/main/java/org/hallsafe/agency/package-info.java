/**
 * Agency service (代办, issue 14; R-SVC-4): a case for an item marked 可代办, opened online, from a duty call or at a
 * window; materials by post checked against the item's list, a one-time notice when something is missing, the service
 * commitment counted in the hall's working days, the custody chain of the file with two names on every handover, the
 * result sent by post, and the citizen's look-up by code and phone. Public are only {@link org.hallsafe.agency.AgencyCases},
 * its records and enums, and the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agency service (代办)",
        allowedDependencies = {"platform", "organization", "shared", "appointments", "incident", "duty"})
package org.hallsafe.agency;
