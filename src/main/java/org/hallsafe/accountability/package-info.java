/**
 * Accountability (issue 16; R-ORG-2, R-REQ-1, R-REQ-3): the leadership's overview of every measure, the sections'
 * daily reports (信息反馈制度), the daily briefing (每日防控工作日报), unannounced inspections (督查) and their
 * rectifications (整改), and the formalism check on how records were written. It reads the other modules only
 * through organization's plug-ins ({@code HallFigures}, {@code WrittenRecords}) and the incident facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "incident", "shared"})
package org.hallsafe.accountability;
