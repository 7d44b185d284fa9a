/**
 * Duty while the hall is closed (R-SVC-2, 值班值守): the duty roster of windows and phone lines, and the log of the
 * phone consultations the people on duty take, which may book the caller through appointments. Its tables
 * ({@code duty_roster}, {@code consultations}) were made by appointments' first migration when duty lived there; new
 * duty migrations go to {@code db/migration/duty}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "appointments", "screening", "notice", "shared"})
package org.hallsafe.duty;
