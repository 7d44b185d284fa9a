package org.hallsafe.hygiene;

import java.util.List;

import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo mode: the demo hall's zones with realistic plans, after the demo bureau has its sections. */
@Component
class DemoZones {

    private final HallSafeProperties properties;
    private final Hygiene hygiene;
    private final Directory directory;

    DemoZones(HallSafeProperties properties, Hygiene hygiene, Directory directory) {
        this.properties = properties;
        this.hygiene = hygiene;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    @Transactional
    public void load() {
        if (!properties.demo() || !hygiene.zones(1L).isEmpty()) {
            return;
        }
        List<DepartmentView> departments = directory.departments(1L, null, "", false);
        Long windows = id(departments, "窗口管理科");
        Long office = id(departments, "局办公室");
        Long canteen = id(departments, "机关食堂");
        Object[][] zones = {
                {"大厅入口及测温点", ZoneType.ENTRANCE, windows, 240, 120}, {"一楼等候区", ZoneType.WAITING, windows, 240, 120},
                {"一楼窗口区", ZoneType.WINDOWS, windows, 240, 120}, {"二楼窗口区", ZoneType.WINDOWS, windows, 240, 120},
                {"自助服务区", ZoneType.SELF_SERVICE, windows, 240, 120}, {"电梯及扶梯扶手", ZoneType.LIFT_STAIRS, windows, 120, null},
                {"楼梯间", ZoneType.LIFT_STAIRS, windows, 240, null}, {"卫生间（每层）", ZoneType.TOILET, windows, 120, 60},
                {"局办公室", ZoneType.OFFICE, office, 360, 120}, {"会议室", ZoneType.MEETING, office, 360, 120},
                {"档案室", ZoneType.ARCHIVE, office, 720, 240}, {"食堂就餐区", ZoneType.CANTEEN, canteen, 240, 120},
                {"食堂后厨", ZoneType.KITCHEN, canteen, 240, 120}, {"垃圾暂存点", ZoneType.WASTE_POINT, windows, 240, null}};
        for (Object[] z : zones) {
            List<Method> methods = z[1] == ZoneType.LIFT_STAIRS ? List.of(Method.WIPE, Method.MOP_84)
                    : z[1] == ZoneType.OFFICE || z[1] == ZoneType.MEETING ? List.of(Method.MOP_84, Method.MOXA)
                    : List.of(Method.MOP_84, Method.SPRAY);
            hygiene.saveZone(1L, null, new ZoneForm((String) z[0], (ZoneType) z[1], (Long) z[2], methods, 500,
                    (Integer) z[3], (Integer) z[4]));
        }
    }

    private static Long id(List<DepartmentView> departments, String name) {
        return departments.stream().filter(d -> d.name().equals(name)).map(DepartmentView::id).findFirst().orElse(null);
    }
}
