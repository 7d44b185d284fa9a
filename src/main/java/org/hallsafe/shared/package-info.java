/**
 * Value types and small helpers every module may use (identity documents, phone numbers, masking, QR codes, what a
 * request reads once). No Spring beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hallsafe.shared;
