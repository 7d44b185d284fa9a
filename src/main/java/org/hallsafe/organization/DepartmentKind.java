package org.hallsafe.organization;

/** 科室 (a section of the bureau) or 局属单位 (a unit under the bureau). */
public enum DepartmentKind { SECTION, UNIT }
