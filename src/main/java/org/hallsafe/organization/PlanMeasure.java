package org.hallsafe.organization;

import java.util.List;

import org.hallsafe.platform.NotFoundException;

/**
 * The measures of the work plan (the R-… groups of REQUIREMENTS.md) and the responsible sections the plan names.
 * "各科室、窗口负责人" in the plan means every section and window head is responsible: {@code allSections}.
 */
public enum PlanMeasure {

    R_ORG("R-ORG", false, List.of("局办公室")),
    R_SCR("R-SCR", false, List.of("人事（财务）科", "窗口管理科")),
    R_MON("R-MON", true, List.of()),
    R_PPE("R-PPE", true, List.of()),
    R_DIS("R-DIS", true, List.of()),
    R_CAN("R-CAN", false, List.of("窗口管理科", "人事（财务）科")),
    R_SVC("R-SVC", true, List.of("政务服务管理科", "数据资源应用管理科")),
    R_REQ("R-REQ", true, List.of("局办公室"));

    private final String code;
    private final boolean allSections;
    private final List<String> namedSections;

    PlanMeasure(String code, boolean allSections, List<String> namedSections) {
        this.code = code;
        this.allSections = allSections;
        this.namedSections = namedSections;
    }

    public String code() {
        return code;
    }

    public boolean allSections() {
        return allSections;
    }

    /** The sections the plan names, as it spells them; matched against section names when a section is added. */
    public List<String> namedSections() {
        return namedSections;
    }

    public static PlanMeasure of(String code) {
        for (PlanMeasure m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw NotFoundException.of("measure", code);
    }
}
