package org.hallsafe.organization;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** R-ORG-2: the plan's measures come with the responsible sections the plan names. */
@HallSafeTest
class MeasuresTest {

    @Autowired Directory directory;
    @Autowired Measures measures;

    @Test
    void rOrg2_aSectionThePlanNamesOwnsItsMeasuresAsSoonAsItIsAdded() {
        long site = directory.saveSite(null, new Forms.SiteForm("m" + System.nanoTime() % 100000, "测试大厅", ""));
        long personnel = directory.saveDepartment(site, null, new Forms.DepartmentForm(DepartmentKind.SECTION, "人事（财务）科", "", ""));
        long other = directory.saveDepartment(site, null, new Forms.DepartmentForm(DepartmentKind.SECTION, "审批一科", "", ""));

        var matrix = measures.matrix(site, directory.departments(site, DepartmentKind.SECTION, "", false));

        var screening = matrix.rows().stream().filter(r -> r.measure() == PlanMeasure.R_SCR).findFirst().orElseThrow();
        int personnelColumn = matrix.sections().stream().map(Views.DepartmentView::id).toList().indexOf(personnel);
        int otherColumn = matrix.sections().stream().map(Views.DepartmentView::id).toList().indexOf(other);
        assertThat(screening.cells().get(personnelColumn).responsible()).isTrue();
        assertThat(screening.cells().get(otherColumn).responsible()).isFalse();
        var disinfection = matrix.rows().stream().filter(r -> r.measure() == PlanMeasure.R_DIS).findFirst().orElseThrow();
        assertThat(disinfection.cells()).allMatch(Measures.Cell::responsible);
        assertThat(measures.owners(site).get("R-CAN")).containsExactly(personnel);
    }
}
