package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.List;

import org.hallsafe.accountability.InspectionFlow.Inspection;
import org.hallsafe.accountability.InspectionFlow.Rectification;
import org.hallsafe.accountability.InspectionFlow.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 5 (R-REQ-3): the flow of an inspection and of a rectification, a pure rule. */
class InspectionFlowTest {

    @Test
    void r16_5_aFindingIsFixedReCheckedAndClosedOrSentBackToTheOwner() {
        assertThat(InspectionFlow.next(Rectification.OPEN, Step.FIX)).contains(Rectification.FIXED);
        assertThat(InspectionFlow.next(Rectification.FIXED, Step.CHECK_FAILED)).contains(Rectification.OPEN);
        assertThat(InspectionFlow.next(Rectification.FIXED, Step.CHECK_PASSED)).contains(Rectification.CLOSED);
    }

    @Test
    void r16_5_noStepIsSkippedAndNothingFollowsTheClosing() {
        assertThat(InspectionFlow.next(Rectification.OPEN, Step.CHECK_PASSED)).as("closed without a fix").isEmpty();
        assertThat(InspectionFlow.next(Rectification.OPEN, Step.CHECK_FAILED)).isEmpty();
        assertThat(InspectionFlow.next(Rectification.FIXED, Step.FIX)).as("fixed twice before the re-check").isEmpty();
        for (Step s : Step.values()) {
            assertThat(InspectionFlow.next(Rectification.CLOSED, s)).isEmpty();
        }
    }

    @Test
    void r16_5_aPlannedInspectionIsSeenOnlyByThoseWhoRunInspectionsAndRecordedOnlyUntilCarriedOut() {
        assertThat(InspectionFlow.visible(Inspection.PLANNED, false)).isFalse();
        assertThat(InspectionFlow.visible(Inspection.PLANNED, true)).isTrue();
        assertThat(InspectionFlow.visible(Inspection.CARRIED_OUT, false)).isTrue();
        assertThat(InspectionFlow.recordable(Inspection.PLANNED)).isTrue();
        assertThat(InspectionFlow.recordable(Inspection.CARRIED_OUT)).isFalse();
    }

    @Test
    void rReq3_anOpenRectificationIsOverdueOnlyOnceItsDeadlinesDayIsOver() {
        LocalDate due = LocalDate.of(2026, 12, 4);
        assertThat(InspectionFlow.overdue(Rectification.OPEN, due, due)).as("on the deadline's day").isFalse();
        assertThat(InspectionFlow.overdue(Rectification.OPEN, due, due.plusDays(1))).isTrue();
        assertThat(InspectionFlow.overdue(Rectification.FIXED, due, due.plusDays(5))).as("waiting for the re-check").isFalse();
        assertThat(InspectionFlow.overdue(Rectification.CLOSED, due, due.plusDays(5))).isFalse();
    }

    @Test
    void rReq3_theChecklistCoversEveryMeasureOfThePlanInPlainChinese() {
        assertThat(Checklist.ITEMS.keySet()).containsExactly("R-ORG", "R-SCR", "R-MON", "R-PPE", "R-DIS", "R-CAN", "R-SVC", "R-REQ");
        Checklist.ITEMS.values().forEach(items -> assertThat(items).isNotEmpty()
                .allSatisfy(i -> assertThat(i).hasSizeLessThanOrEqualTo(120).doesNotContainPattern("[A-Za-z]")));
        assertThat(Checklist.seed(List.of("R-CAN", "R-SCR"))).extracting(e -> e.getKey())
                .as("the plan's order, whatever the order chosen").startsWith("R-SCR").endsWith("R-CAN");
        assertThat(Checklist.seed(List.of("R-DIS"))).extracting(e -> e.getValue()).contains("84消毒液浓度配比正确");
    }
}
