/**
 * Contact tracing (issue 17): from one person (a citizen by document number or phone, or a staff member) and a
 * period, their visits to the hall (gate entries, bookings, the window and staff who served them, when they left)
 * and their contacts, ranked (visitors in the hall at the same time, the staff who served them and those at the
 * neighbouring windows, the screener, shared canteen sittings), with why, when and for how long; then the export,
 * the SMS to the contacts and an incident for the leadership group. The leadership group and its office only, with
 * a reason, every trace and every read of a contact list audited. It reads the other modules through their facades.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organization", "screening", "appointments", "canteen", "incident", "shared"})
package org.hallsafe.tracing;
