package org.hallsafe.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo mode: the demo hall's items at their windows and two weeks of slots (the duty roster is duty's DemoDuty). */
@Component
class DemoAppointments {

    private final HallSafeProperties properties;
    private final Catalogue catalogue;
    private final Slots slots;
    private final Directory directory;
    private final Clock clock;

    DemoAppointments(HallSafeProperties properties, Catalogue catalogue, Slots slots, Directory directory, Clock clock) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.slots = slots;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(110)
    @Transactional
    public void load() {
        if (!properties.demo() || !catalogue.items(1L, true).isEmpty()) {
            return;
        }
        Map<Integer, Long> windows = directory.windows(1L, "", false).stream()
                .collect(Collectors.toMap(WindowView::number, WindowView::id, (a, b) -> a));
        if (windows.isEmpty()) {
            return;
        }
        Object[][] items = {
                {"企业开办（设立登记、刻章、发票申领）", 30, "营业执照申请书\n全体股东身份证\n公司章程\n住所证明", "https://zwfw.example.gov.cn/qykb", true, List.of(1, 2, 3)},
                {"营业执照变更/注销", 20, "变更（注销）登记申请书\n营业执照正副本\n股东会决议", "https://zwfw.example.gov.cn/bgzx", true, List.of(1, 2, 3)},
                {"发票代开", 15, "身份证\n合同或协议", "https://etax.example.gov.cn", false, List.of(4)},
                {"社保卡补换", 15, "身份证\n一寸照片（现场可拍）", "", true, List.of(5)},
                {"养老金资格认证", 10, "身份证\n社保卡", "https://rsj.example.gov.cn/rzrz", false, List.of(5)},
                {"异地就医备案", 15, "身份证\n医保卡\n异地居住证明", "https://ybj.example.gov.cn/ydjy", false, List.of(6)},
                {"公积金提取", 20, "身份证\n银行卡\n提取证明材料", "https://gjj.example.gov.cn", false, List.of(7)},
                {"不动产转移登记", 30, "双方身份证\n不动产权证书\n买卖合同\n完税证明", "", false, List.of(8)},
                {"居住证办理", 15, "身份证\n居住证明\n一寸照片", "", false, List.of(9)},
                {"食品经营许可", 20, "申请书\n营业执照\n场所平面图\n食品安全管理制度", "https://scjg.example.gov.cn/spjy", true, List.of(11)},
                {"代办服务受理", 10, "委托书\n委托人和受托人身份证", "", true, List.of(12)}};
        for (Object[] i : items) {
            @SuppressWarnings("unchecked")
            List<Long> at = ((List<Integer>) i[5]).stream().map(windows::get).filter(java.util.Objects::nonNull).toList();
            if (!at.isEmpty()) {
                catalogue.saveItem(1L, null, new ItemForm((String) i[0], (Integer) i[1], (String) i[2], (String) i[3],
                        (Boolean) i[4], at));
            }
        }
        LocalDate today = LocalDate.now(clock);
        slots.generate(1L, new GenerateForm(today, today.plusDays(14), List.copyOf(windows.values()), 4, 40, null));
    }
}
