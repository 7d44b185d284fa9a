/**
 * The canteen (R-CAN-1..6): suppliers and their certificates, the purchase inspection ledger, tableware disinfection
 * after each meal, the canteen door (staff only, hands washed), and food waste.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "staffhealth", "shared"})
package org.hallsafe.canteen;
