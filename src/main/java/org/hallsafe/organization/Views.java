package org.hallsafe.organization;

/** What the organization module shows and answers: read models, never its tables' rows. */
public final class Views {

    private Views() {
    }

    public record SiteView(long id, String code, String name, String address, boolean retired) {
    }

    public record DepartmentView(long id, DepartmentKind kind, String name, String phone, String duties,
            boolean retired) {
    }

    public record WindowView(long id, int number, String name, String area, Long sectionId, String sectionName,
            boolean retired) {
    }

    /** Phone and ID number appear masked only; the full number is revealed one at a time, and logged. */
    public record StaffView(long id, String name, String cardNo, Long departmentId, String departmentName,
            DepartmentKind departmentKind, Long windowId, Integer windowNumber, String windowName, String jobTitle,
            String phoneMasked, String idNumberMasked, Long accountId, boolean retired) {
    }

    public record LeadershipView(long id, long staffId, String staffName, String departmentName, LeadershipRole role,
            Long accountId, boolean retired) {
    }
}
