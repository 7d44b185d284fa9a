/**
 * The bureau as the plan describes it (R-ORG-1, R-ORG-2): halls, sections and bureau units, service windows, staff,
 * the leadership group, and the responsible sections (责任科室) of each measure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "shared"})
package org.hallsafe.organization;
