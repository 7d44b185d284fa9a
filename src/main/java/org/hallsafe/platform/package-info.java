/**
 * Platform services every module uses: the database, security and accounts, the clock, i18n and layout,
 * personal-data protection and the activity log that the audit module records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.hallsafe.platform;
