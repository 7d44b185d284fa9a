package org.hallsafe.organization;

/** 科室 (a section of the bureau), 局属单位 (a unit under the bureau), or the canteen (食堂), whose staff keep its rules. */
public enum DepartmentKind { SECTION, UNIT, CANTEEN }
