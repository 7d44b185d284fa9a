package org.hallsafe.accountability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an unannounced inspection checks, measure by measure of the work plan (R-SCR … R-REQ), in the plan's own plain
 * words; a new inspection's checklist is seeded from here for the measures chosen.
 */
final class Checklist {

    static final Map<String, List<String>> ITEMS = items();

    private Checklist() {
    }

    private static Map<String, List<String>> items() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("R-ORG", List.of(
                "领导小组和办公室人员在岗，分工明确",
                "各科室、窗口负责人知道本科室的防控任务"));
        m.put("R-SCR", List.of(
                "大厅一楼进门处有专人值守，测温、查口罩",
                "办事群众和工作人员监测台账当天记录完整",
                "未戴口罩、发热或有咳嗽等症状的人员被劝阻，并已向领导小组报告"));
        m.put("R-MON", List.of(
                "工作人员上班前、下班后测了体温",
                "工作期间每2小时测一次体温，有记录",
                "临时离开大厅返回岗位时重新测温"));
        m.put("R-PPE", List.of(
                "工作人员戴好口罩，一次性医用口罩3小时内更换",
                "窗口受理办结后用快干消毒液消毒",
                "工作人员按七步法洗手"));
        m.put("R-DIS", List.of(
                "办公场所和公共区域按计划消毒，有记录",
                "84消毒液浓度配比正确",
                "垃圾及时清理，无卫生死角",
                "门窗定时打开通风",
                "用过的口罩等医用垃圾集中处理"));
        m.put("R-CAN", List.of(
                "食材索证、进货查验和台账登记齐全",
                "没有采购野生动物及制品，禽类来源清楚",
                "厨具、餐具清洗消毒，有记录",
                "进食堂就餐前洗手消毒、测体温",
                "除工作人员外无其他人员进出食堂"));
        m.put("R-SVC", List.of(
                "窗口有专人值班，电话咨询有人接、有记录",
                "网上预约、电话预约正常受理，群众滞留时间短",
                "代办件材料和办理结果交接清楚"));
        m.put("R-REQ", List.of(
                "各科室按时报送信息反馈",
                "上次督查的整改已按期完成"));
        return Collections.unmodifiableMap(m);
    }

    /** The items of the chosen measures, in the plan's order of measures: (measure code, item). */
    static List<Map.Entry<String, String>> seed(List<String> measureCodes) {
        return ITEMS.entrySet().stream().filter(e -> measureCodes.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream().map(item -> Map.entry(e.getKey(), item))).toList();
    }
}
