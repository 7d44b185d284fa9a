/**
 * Service continuity (R-SVC-2, R-SVC-3): the service catalogue, the opening calendar with postponed opening (推迟开放),
 * slots with a per-window capacity and a hall-wide cap, bookings by web, WeChat, phone and walk-in that are never
 * overbooked, arrival at the gate, no-shows and reminders, and the duty roster with its consultation log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "screening", "notice", "shared"})
package org.hallsafe.appointments;
