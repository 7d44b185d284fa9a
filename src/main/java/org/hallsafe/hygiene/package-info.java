/**
 * No blind spots (R-DIS-1..3): zones with their disinfection plans, disinfections recorded in two taps, coverage zone
 * by zone, airing, waste removal, and the medical-waste handover ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "shared"})
package org.hallsafe.hygiene;
