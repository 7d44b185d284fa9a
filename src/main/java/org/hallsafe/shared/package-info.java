/**
 * Value types every module may use (identity documents, phone numbers, masking). No Spring beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hallsafe.shared;
