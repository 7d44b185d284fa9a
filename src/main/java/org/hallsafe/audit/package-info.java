/**
 * The append-only audit log: sign-ins, changes, retirements and reads of personal data, recorded from
 * {@link org.hallsafe.platform.ActivityRecorded} events. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.hallsafe.audit;
