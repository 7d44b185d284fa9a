package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The flow of an unannounced inspection (督查) and of the rectification (整改) each finding becomes, a pure rule: an
 * inspection is planned, then carried out; a rectification is OPEN, the owner section records the fix (FIXED), the
 * inspector re-checks it: passed closes it (CLOSED), failed sends it back (OPEN). Every change of a row's state asks
 * here first and updates with {@code WHERE state = :from}, so a doubled tap changes nothing.
 */
final class InspectionFlow {

    /** Where an inspection stands; label key {@code inspection.state.<NAME>}. */
    enum Inspection {
        /** 已计划: seen only by those who run inspections. */
        PLANNED,
        /** 已实施: its findings are rectifications, and everyone concerned sees it. */
        CARRIED_OUT
    }

    /** Where a rectification stands; label key {@code rectification.state.<NAME>}. */
    enum Rectification {
        /** 待整改: the owner section's to do. */
        OPEN,
        /** 待复查: the fix is recorded with its evidence, the inspector's to check. */
        FIXED,
        /** 已销号: re-checked and passed. */
        CLOSED
    }

    /** What happens to a rectification. */
    enum Step { FIX, CHECK_PASSED, CHECK_FAILED }

    private static final Map<Rectification, Map<Step, Rectification>> TABLE = Map.of(
            Rectification.OPEN, Map.of(Step.FIX, Rectification.FIXED),
            Rectification.FIXED, Map.of(Step.CHECK_PASSED, Rectification.CLOSED, Step.CHECK_FAILED, Rectification.OPEN),
            Rectification.CLOSED, Map.of());

    private InspectionFlow() {
    }

    /** The state after the step, or empty when the step is not allowed in that state. */
    static Optional<Rectification> next(Rectification from, Step step) {
        return Optional.ofNullable(TABLE.get(from).get(step));
    }

    /** Items are recorded, and the inspection is carried out, only while it is planned. */
    static boolean recordable(Inspection state) {
        return state == Inspection.PLANNED;
    }

    /** Whether a person sees the inspection: a planned one only if they run inspections. */
    static boolean visible(Inspection state, boolean runsInspections) {
        return runsInspections || state == Inspection.CARRIED_OUT;
    }

    /**
     * Overdue: still the owner's to do (OPEN) once its deadline's day is over. A fix waiting for the re-check is not
     * overdue: the section has done its part.
     */
    static boolean overdue(Rectification state, LocalDate dueOn, LocalDate today) {
        return state == Rectification.OPEN && dueOn.isBefore(today);
    }
}
